package io.fundflow.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The job's Spark settings, without starting Spark. */
class SparkSessionsTest {

  private static final BatchConfig CONFIG = new BatchConfig(
      "127.0.0.1:1", "jdbc:h2:mem:x", "fundflow", "", "local[2]", 8, Path.of("reports"), 20,
      4L << 20, 1_000_000L);

  @Test
  void aLocalRunBindsToLoopbackAndBoundsTheSorters() {
    SparkConf conf = SparkSessions.configure(new SparkConf(false), CONFIG);

    assertEquals("local[2]", conf.get("spark.master"));
    assertEquals("127.0.0.1", conf.get("spark.driver.host"));
    assertEquals("false", conf.get("spark.ui.enabled"));
    assertEquals("30000", conf.get("spark.shuffle.spill.numElementsForceSpillThreshold"));
  }

  @Test
  void whatSparkSubmitSetsWins() {
    SparkConf submitted = new SparkConf(false)
        .setMaster("yarn")
        .set("spark.shuffle.spill.numElementsForceSpillThreshold", "100000")
        .set("spark.sql.shuffle.partitions", "64");

    SparkConf conf = SparkSessions.configure(submitted, CONFIG);

    assertEquals("yarn", conf.get("spark.master"));
    assertFalse(
        conf.contains("spark.driver.host"), "a cluster driver binds where the cluster says");
    assertEquals("100000", conf.get("spark.shuffle.spill.numElementsForceSpillThreshold"));
    assertEquals("64", conf.get("spark.sql.shuffle.partitions"));
  }
}
