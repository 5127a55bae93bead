package io.fundflow.serving.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BranchCacheTest {

  private final AtomicLong nanos = new AtomicLong();

  @Test
  void aResolvedBranchIsServedUntilItExpires() {
    BranchCache cache = new BranchCache(100, Duration.ofMinutes(5), nanos::get, null);
    assertEquals(Optional.empty(), cache.get("C1"));
    cache.put("C1", 1001);
    nanos.addAndGet(Duration.ofMinutes(4).toNanos());
    assertEquals(Optional.of(1001), cache.get("C1"));
    nanos.addAndGet(Duration.ofMinutes(1).toNanos());
    assertEquals(Optional.empty(), cache.get("C1"), "expired after the time to live");
  }

  @Test
  void itHoldsAtMostItsSize() {
    BranchCache cache = new BranchCache(50, Duration.ofMinutes(5), nanos::get, null);
    for (int i = 0; i < 1000; i++) {
      cache.put("C" + i, 1000 + i % 7);
    }
    cache.cleanUp();
    assertTrue(cache.size() <= 50, "size " + cache.size());
  }

  @Test
  void aZeroTimeToLiveDisablesIt() {
    BranchCache cache = new BranchCache(100, Duration.ZERO, nanos::get, null);
    cache.put("C1", 1001);
    assertEquals(Optional.empty(), cache.get("C1"));
  }
}
