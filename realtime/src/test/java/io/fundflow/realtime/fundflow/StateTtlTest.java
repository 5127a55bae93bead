package io.fundflow.realtime.fundflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.junit.jupiter.api.Test;

class StateTtlTest {

  @Test
  void stateLivesTheTtlAfterItsLastWriteAndIsCleanedEverywhere() {
    StateTtlConfig c = StateTtl.of(Duration.ofDays(14));
    assertEquals(Duration.ofDays(14), c.getTimeToLive());
    assertEquals(StateTtlConfig.UpdateType.OnCreateAndWrite, c.getUpdateType());
    assertEquals(StateTtlConfig.StateVisibility.NeverReturnExpired, c.getStateVisibility());
    StateTtlConfig.CleanupStrategies cleanup = c.getCleanupStrategies();
    assertEquals(1, cleanup.getIncrementalCleanupStrategy().getCleanupSize());
    assertEquals(1_000, cleanup.getRocksdbCompactFilterCleanupStrategy().getQueryTimeAfterNumEntries());
    assertTrue(cleanup.isCleanupInBackground());
    assertTrue(cleanup.inFullSnapshot());
  }
}
