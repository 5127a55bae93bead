package io.fundflow.hbase.coprocessor;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.DoNotRetryIOException;
import org.apache.hadoop.hbase.client.PackagePrivateFieldAccessor;
import org.apache.hadoop.hbase.client.RegionInfo;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.regionserver.Region;
import org.apache.hadoop.hbase.regionserver.Region.Operation;
import org.apache.hadoop.hbase.regionserver.RegionScanner;
import org.apache.hadoop.hbase.regionserver.ScannerContext;

/**
 * A region scanner that reads its windows one after the other, each with a scanner bounded by the
 * window's own start and stop rows. A bounded scanner stops at the first row past its stop row
 * without reading it as a row (HBase does not count it as scanned); a filter that skips between
 * ranges must read that row first. All windows read at one MVCC read point.
 */
final class RangeRegionScanner implements RegionScanner {

  private final Region region;
  private final Scan template;
  private final long readPoint;
  private final Iterator<ScanWindow> windows;
  private RegionScanner current;
  private boolean closed;

  private RangeRegionScanner(
      Region region, Scan template, long readPoint, List<ScanWindow> windows) {
    this.region = region;
    this.template = template;
    this.readPoint = readPoint;
    this.windows = windows.iterator();
  }

  /**
   * A scanner over {@code windows} at the read point of {@code opened}, the scanner the region
   * server opened for the whole scan, which it replaces and closes. Some scanner holds the read
   * point at every moment, so compactions keep the cell versions it sees.
   */
  static RangeRegionScanner replacing(
      RegionScanner opened, Region region, Scan template, List<ScanWindow> windows)
      throws IOException {
    RangeRegionScanner s =
        new RangeRegionScanner(region, template, opened.getMvccReadPoint(), windows);
    try {
      s.current = s.openNext();
    } finally {
      opened.close();
    }
    return s;
  }

  @Override
  public synchronized boolean nextRaw(List<Cell> result, ScannerContext context)
      throws IOException {
    if (closed) {
      throw new DoNotRetryIOException("the range scanner is closed");
    }
    if (current == null) {
      return false;
    }
    int before = result.size();
    boolean more = current.nextRaw(result, context);
    // A window's scanner closes as soon as it ends, while its cells wait to be sent: copy any that
    // still point into the region server's (possibly pooled, off-heap) block buffers.
    copyOffHeap(result, before);
    if (more) {
      return true; // a row read, or a limit reached within the window
    }
    RegionScanner ended = current;
    current = openNext();
    ended.close();
    // Return between windows even with nothing read, so that the RPC checks its limits.
    return current != null;
  }

  private RegionScanner openNext() throws IOException {
    return windows.hasNext() ? open(windows.next()) : null;
  }

  private RegionScanner open(ScanWindow w) throws IOException {
    Scan scan =
        new Scan(template)
            .withStartRow(w.start(), w.startInclusive())
            .withStopRow(w.stop(), w.stopInclusive());
    PackagePrivateFieldAccessor.setMvccReadPoint(scan, readPoint);
    return region.getScanner(scan);
  }

  private static void copyOffHeap(List<Cell> cells, int from) {
    for (ListIterator<Cell> it = cells.listIterator(from); it.hasNext(); ) {
      it.set(CellUtil.cloneIfNecessary(it.next()));
    }
  }

  @Override
  public boolean nextRaw(List<Cell> result) throws IOException {
    return nextRaw(result, ScannerContext.newBuilder().build());
  }

  @Override
  public boolean next(List<Cell> result, ScannerContext context) throws IOException {
    region.startRegionOperation(Operation.SCAN);
    try {
      return nextRaw(result, context);
    } finally {
      region.closeRegionOperation(Operation.SCAN);
    }
  }

  @Override
  public RegionInfo getRegionInfo() {
    return region.getRegionInfo();
  }

  /**
   * Never: the region server reads "done" as the end of the whole scan, and ranges may go on in the
   * next region. The client stops at the scan's stop row, the last range's.
   */
  @Override
  public boolean isFilterDone() {
    return false;
  }

  @Override
  public boolean reseek(byte[] row) throws IOException {
    throw new DoNotRetryIOException("a fundflow range scan cannot reseek");
  }

  @Override
  public long getMaxResultSize() {
    return template.getMaxResultSize();
  }

  @Override
  public long getMvccReadPoint() {
    return readPoint;
  }

  @Override
  public int getBatch() {
    return template.getBatch();
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    if (current != null) {
      RegionScanner s = current;
      current = null;
      s.close();
    }
  }
}
