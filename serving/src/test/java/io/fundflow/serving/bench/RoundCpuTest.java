package io.fundflow.serving.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.bench.CpuMeter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundCpuTest {

  @Test
  void theBenchClientsThreadsAreTheClients() {
    assertTrue(RoundCpu.isClient(RoundCpu.CLIENT_THREAD_PREFIX + "page-3"));
    assertFalse(RoundCpu.isClient("qtp123456-42"), "a Jetty worker is the server's");
    assertFalse(RoundCpu.isClient("hconnection-0x1-shared-pool-3"), "the HBase client is the server's");
  }

  @Test
  void perPageFiguresDivideEachProcesssCpuByThePages() {
    Map<String, Long> servers = new LinkedHashMap<>();
    servers.put("hbase", 500_000_000L);
    servers.put("db", 100_000_000L);
    // 1,000 pages in 1 s: 1.5 s of this JVM (0.4 s its clients), 0.5 s HBase, 0.1 s the database.
    RoundCpu.Usage u =
        new RoundCpu.Usage(
            new CpuMeter.Usage(1_500_000_000L, servers), 400_000_000L, 35, new RoundCpu.Gc(2, 12), 1_000_000_000L, 1_000);

    assertEquals(2.1, u.totalMillisPerPage(), 1e-9);
    assertEquals(2.1, u.coresBusy(), 1e-9);
    assertEquals(
        "2.10 ms per page: this JVM 1.50 (its clients 0.40), hbase 0.50, db 0.10;"
            + " 2.10 cores busy, 1000 pages/s, JIT 35 ms, GC 2 in 12 ms",
        u.describe());
  }
}
