package io.fundflow.hbase.coprocessor;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.hbase.CoprocessorEnvironment;
import org.apache.hadoop.hbase.DoNotRetryIOException;
import org.apache.hadoop.hbase.client.RegionInfo;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.coprocessor.ObserverContext;
import org.apache.hadoop.hbase.coprocessor.RegionCoprocessor;
import org.apache.hadoop.hbase.coprocessor.RegionCoprocessorEnvironment;
import org.apache.hadoop.hbase.coprocessor.RegionObserver;
import org.apache.hadoop.hbase.regionserver.RegionScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scan that carries {@link RangeScanAttribute} as one bounded scan per range ({@link
 * RangeRegionScanner}) instead of one scan skipping between ranges with its filter. The rows are
 * the same; only the rows past each range that the filter reads (and HBase counts as scanned) are
 * gone. Scans without the attribute, and reversed scans, are left alone.
 *
 * <p>It is an optimisation and must never cost a region server: should it fail in any way other
 * than an I/O error, the scan goes on as HBase opened it (the client's filter gives the same rows),
 * and a failure once it has taken over reaches the client as an I/O error, never HBase's
 * abort-on-coprocessor-error path.
 *
 * <p>Load it on every region server: {@code hbase.coprocessor.region.classes =
 * io.fundflow.hbase.coprocessor.RangeScanObserver}, with this module's jar on the classpath.
 */
public final class RangeScanObserver implements RegionCoprocessor, RegionObserver {

  private static final Logger LOG = LoggerFactory.getLogger(RangeScanObserver.class);

  /** Every class a scan needs, loaded at start: replacing the jar later cannot break one. */
  private static final List<String> CLASSES =
      List.of(
          "io.fundflow.hbase.coprocessor.RangeRegionScanner",
          "io.fundflow.hbase.coprocessor.RangeScanAttribute",
          "io.fundflow.hbase.coprocessor.ScanRange",
          "io.fundflow.hbase.coprocessor.ScanWindow",
          "io.fundflow.hbase.coprocessor.ScanWindow$Bound");

  @Override
  public void start(CoprocessorEnvironment env) throws IOException {
    try {
      for (String name : CLASSES) {
        Class.forName(name, true, RangeScanObserver.class.getClassLoader());
      }
    } catch (ClassNotFoundException e) {
      throw new IOException("fundflow's RangeScanObserver is missing a class of its jar", e);
    }
  }

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
    List<ScanWindow> windows;
    try {
      RegionInfo region = c.getEnvironment().getRegion().getRegionInfo();
      windows =
          ScanWindow.clip(
              RangeScanAttribute.decode(attribute),
              new ScanWindow.Bound(scan.getStartRow(), scan.includeStartRow()),
              new ScanWindow.Bound(scan.getStopRow(), scan.includeStopRow()),
              region.getStartKey(),
              region.getEndKey());
    } catch (IllegalArgumentException malformed) {
      throw new DoNotRetryIOException(malformed.getMessage(), malformed);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("range scan not planned, the scan reads its filter's way: {}", e.toString());
      return s;
    }
    try {
      return RangeRegionScanner.replacing(s, c.getEnvironment().getRegion(), scan, windows);
    } catch (RuntimeException | LinkageError e) {
      // The scanner HBase opened is closed by now: fail this scan, not the server.
      throw new DoNotRetryIOException("range scan failed to open: " + e, e);
    }
  }
}
