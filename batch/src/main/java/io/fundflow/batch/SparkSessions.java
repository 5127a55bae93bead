package io.fundflow.batch;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The job's Spark session. Under spark-submit the master and the rest come from spark-submit's
 * {@code spark.*} properties; run with plain {@code java}, {@code spark.master} from the
 * configuration applies (default {@code local[*]}), and a local driver binds to 127.0.0.1.
 */
public final class SparkSessions {

  /**
   * Records a sorter holds before it spills, unless spark-submit says otherwise. A diff task reads
   * its salt's share of the day into Spark's sorter as ~500-byte records that live until the salt
   * is sorted; unbounded, they outlive young collections and fill the old generation. Spilling
   * every 30,000 (~15 MB) cost the 2 M-entry bench less than those collections saved
   * (docs/benchmarks.md, "Batch correction", fourteenth session).
   */
  static final String SORTER_RECORDS_IN_MEMORY = "30000";

  private SparkSessions() {}

  public static SparkSession create(BatchConfig config) {
    return SparkSession.builder().config(configure(new SparkConf(true), config)).getOrCreate();
  }

  /** The job's settings on top of {@code conf}; what spark-submit or system properties set wins. */
  static SparkConf configure(SparkConf conf, BatchConfig config) {
    conf.setAppName("fundflow-batch-correct");
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
    conf.setIfMissing(
        "spark.shuffle.spill.numElementsForceSpillThreshold", SORTER_RECORDS_IN_MEMORY);
    return conf;
  }
}
