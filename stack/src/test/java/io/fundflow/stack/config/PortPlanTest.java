package io.fundflow.stack.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortPlanTest {

  @Test
  void offsetZeroIsTheDemoStack() {
    PortPlan ports = PortPlan.withOffset(0);
    assertEquals(19092, ports.kafkaBroker());
    assertEquals(19093, ports.kafkaController());
    assertEquals(12181, ports.zooKeeper());
    assertEquals(16100, ports.hbaseMaster());
    assertEquals(16120, ports.hbaseRegionServer());
    assertEquals(18081, ports.flinkRest());
    assertEquals(List.of(18081, 16123, 16124, 16125, 16126, 16127, 16128), ports.of(Service.FLINK));
    assertEquals(19101, ports.database());
  }

  @Test
  void offsetShiftsEveryPort() {
    List<Integer> base = PortPlan.withOffset(0).all();
    List<Integer> shifted = PortPlan.withOffset(100).all();
    for (int i = 0; i < base.size(); i++) {
      assertEquals(base.get(i) + 100, shifted.get(i));
    }
  }

  @Test
  void everyPortIsDistinctAndTheTestStackNeverOverlapsTheDemoStack() {
    Set<Integer> demo = new HashSet<>(PortPlan.withOffset(0).all());
    assertEquals(PortPlan.withOffset(0).all().size(), demo.size());
    for (int port : PortPlan.withOffset(100).all()) {
      assertTrue(!demo.contains(port), "port " + port + " is in both stacks");
    }
  }

  @Test
  void servicePortsCoverAllPorts() {
    Set<Integer> covered = new HashSet<>();
    for (Service service : Service.values()) {
      covered.addAll(PortPlan.DEFAULT.of(service));
    }
    assertEquals(new HashSet<>(PortPlan.DEFAULT.all()), covered);
  }

  @Test
  void offsetPastTheLastPortOrNegativeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> PortPlan.withOffset(50000));
    assertThrows(IllegalArgumentException.class, () -> PortPlan.withOffset(-1));
  }
}
