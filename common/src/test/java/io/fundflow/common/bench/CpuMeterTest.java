package io.fundflow.common.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

  @Test
  void readsUserAndSystemTicksAfterACommandNameWithSpacesAndParentheses() {
    // Fields 14 (utime) and 15 (stime) are 1234 and 56 ticks of 10 ms.
    String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 0 0 20 0 45 0 "
        + "9000 8000000 2000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
    assertEquals((1234 + 56) * 10_000_000L, CpuMeter.statCpuNanos(stat));
  }

  @Test
  void anUnreadableProcessIsMinusOne() {
    assertEquals(-1, CpuMeter.procCpuNanos(Long.MAX_VALUE));
  }

  @Test
  void thisJvmAndAServerAreCountedBetweenTwoSamples() {
    long self = ProcessHandle.current().pid();
    CpuMeter meter = new CpuMeter(Map.of("self", self, "gone", Long.MAX_VALUE));
    CpuMeter.Sample before = meter.sample();
    long spin = 0;
    long until = System.nanoTime() + 300_000_000L;
    while (System.nanoTime() < until) {
      spin += Long.numberOfTrailingZeros(spin + System.nanoTime());
    }
    CpuMeter.Usage used = meter.sample().since(before);
    assertTrue(spin >= 0);
    assertTrue(used.benchNanos() >= 100_000_000L, "this JVM spun for 0.3 s: " + used.describe());
    assertEquals(java.util.Set.of("self"), used.serverNanos().keySet(), "an unreadable server is left out");
    assertTrue(used.serverNanos().get("self") >= 100_000_000L, used.describe());
    assertEquals(used.benchNanos() + used.serversNanos(), used.totalMicrosPer(1000) * 1e6, 1e3);
  }
}
