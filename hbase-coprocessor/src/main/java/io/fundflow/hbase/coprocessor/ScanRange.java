package io.fundflow.hbase.coprocessor;

import java.util.Arrays;

/** One key range of a multi-range scan: {@code startInclusive} up to {@code stopExclusive}. */
public record ScanRange(byte[] startInclusive, byte[] stopExclusive) {

  /** Checks the range is not empty. */
  public ScanRange {
    if (Arrays.compareUnsigned(startInclusive, stopExclusive) >= 0) {
      throw new IllegalArgumentException("a scan range must start before it stops");
    }
  }
}
