package io.fundflow.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark's two paths write the same page, so it compares like with like. */
class ServedPageBenchmarkTest {

  @Test
  void bothPathsWriteTheSameBytes() throws Exception {
    ServedPageBenchmark b = new ServedPageBenchmark();
    b.rows = 100;
    b.setUp();
    for (int first = 0; first < 4096 + 100; first += 100) { // every cell, and across the wrap
      byte[] inPlace = b.page(true, first);
      assertTrue(inPlace.length > 100 * 200, "a page of 100 items: " + inPlace.length);
      assertArrayEquals(b.page(false, first), inPlace, "page at " + first);
    }
  }
}
