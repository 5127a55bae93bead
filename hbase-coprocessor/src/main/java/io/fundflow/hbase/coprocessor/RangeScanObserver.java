package io.fundflow.hbase.coprocessor;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.hbase.DoNotRetryIOException;
import org.apache.hadoop.hbase.client.RegionInfo;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.coprocessor.ObserverContext;
import org.apache.hadoop.hbase.coprocessor.RegionCoprocessor;
import org.apache.hadoop.hbase.coprocessor.RegionCoprocessorEnvironment;
import org.apache.hadoop.hbase.coprocessor.RegionObserver;
import org.apache.hadoop.hbase.regionserver.RegionScanner;

/**
 * Runs a scan that carries {@link RangeScanAttribute} as one bounded scan per range ({@link
 * RangeRegionScanner}) instead of one scan skipping between ranges with its filter. The rows are
 * the same; only the rows past each range that the filter reads (and HBase counts as scanned) are
 * gone. Scans without the attribute, and reversed scans, are left alone.
 *
 * <p>Load it on every region server: {@code hbase.coprocessor.region.classes =
 * io.fundflow.hbase.coprocessor.RangeScanObserver}, with this module's jar on the classpath.
 */
public final class RangeScanObserver implements RegionCoprocessor, RegionObserver {

  @Override
  public Optional<RegionObserver> getRegionObserver() {
    return Optional.of(this);
  }

  @Override
  public RegionScanner postScannerOpen(
      ObserverContext<RegionCoprocessorEnvironment> c, Scan scan, RegionScanner s)
      throws IOException {
    byte[] attribute = scan.getAttribute(RangeScanAttribute.NAME);
    if (attribute == null || scan.isReversed()) {
      return s;
    }
    List<ScanRange> ranges;
    try {
      ranges = RangeScanAttribute.decode(attribute);
    } catch (IllegalArgumentException e) {
      throw new DoNotRetryIOException(e.getMessage(), e);
    }
    RegionInfo region = c.getEnvironment().getRegion().getRegionInfo();
    List<ScanWindow> windows =
        ScanWindow.clip(
            ranges,
            new ScanWindow.Bound(scan.getStartRow(), scan.includeStartRow()),
            new ScanWindow.Bound(scan.getStopRow(), scan.includeStopRow()),
            region.getStartKey(),
            region.getEndKey());
    return RangeRegionScanner.replacing(s, c.getEnvironment().getRegion(), scan, windows);
  }
}
