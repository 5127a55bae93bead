package io.fundflow.stack.config;

import java.util.List;

/**
 * Every port the local stack listens on. All are pinned (no server may pick a random one), and one
 * offset shifts them all, so that the demo stack and the test stack can run side by side.
 */
public record PortPlan(
    int kafkaBroker,
    int kafkaController,
    int zooKeeper,
    int hbaseMaster,
    int hbaseRegionServer,
    int flinkRest,
    int flinkJobManagerRpc,
    int flinkBlob,
    int flinkTaskManagerRpc,
    int flinkData,
    int flinkJobManagerMetrics,
    int flinkTaskManagerMetrics,
    int database) {

  /** The demo stack's ports (offset 0). */
  public static final PortPlan DEFAULT =
      new PortPlan(
          19092, 19093, 12181, 16100, 16120, 18081, 16123, 16124, 16125, 16126, 16127, 16128, 19101);

  /** The ports of a stack shifted by {@code offset}; fails when one would leave the valid range. */
  public static PortPlan withOffset(int offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("port offset must not be negative: " + offset);
    }
    PortPlan d = DEFAULT;
    PortPlan shifted =
        new PortPlan(
            d.kafkaBroker + offset,
            d.kafkaController + offset,
            d.zooKeeper + offset,
            d.hbaseMaster + offset,
            d.hbaseRegionServer + offset,
            d.flinkRest + offset,
            d.flinkJobManagerRpc + offset,
            d.flinkBlob + offset,
            d.flinkTaskManagerRpc + offset,
            d.flinkData + offset,
            d.flinkJobManagerMetrics + offset,
            d.flinkTaskManagerMetrics + offset,
            d.database + offset);
    int highest = shifted.all().stream().mapToInt(Integer::intValue).max().orElseThrow();
    if (highest > 65535) {
      throw new IllegalArgumentException(
          "port offset " + offset + " moves port " + (highest - offset) + " past 65535");
    }
    return shifted;
  }

  /** The ports a service listens on; the first is the one clients use. */
  public List<Integer> of(Service service) {
    return switch (service) {
      case KAFKA -> List.of(kafkaBroker, kafkaController);
      case HBASE -> List.of(hbaseMaster, zooKeeper, hbaseRegionServer);
      case FLINK ->
          List.of(
              flinkRest,
              flinkJobManagerRpc,
              flinkBlob,
              flinkTaskManagerRpc,
              flinkData,
              flinkJobManagerMetrics,
              flinkTaskManagerMetrics);
      case DB -> List.of(database);
    };
  }

  /** Every port of the stack. */
  public List<Integer> all() {
    return List.of(
        kafkaBroker,
        kafkaController,
        zooKeeper,
        hbaseMaster,
        hbaseRegionServer,
        flinkRest,
        flinkJobManagerRpc,
        flinkBlob,
        flinkTaskManagerRpc,
        flinkData,
        flinkJobManagerMetrics,
        flinkTaskManagerMetrics,
        database);
  }
}
