package io.fundflow.batch;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The job's Spark session. Under spark-submit the master and the rest come from spark-submit's
 * {@code spark.*} properties; run with plain {@code java}, {@code spark.master} from the
 * configuration applies (default {@code local[*]}), and a local driver binds to 127.0.0.1.
 */
public final class SparkSessions {

  private SparkSessions() {}

  public static SparkSession create(BatchConfig config) {
    SparkConf conf = new SparkConf(true).setAppName("fundflow-batch-correct");
    if (!conf.contains("spark.master")) {
      conf.setMaster(config.sparkMaster());
    }
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.ui.enabled", "false");
    }
    // The default 200 shuffle partitions would open 200 HBase connections for a small day; adaptive
    // execution still splits large ones.
    conf.setIfMissing("spark.sql.shuffle.partitions", "16");
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
