package io.fundflow.hbase.coprocessor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The part of one requested range that a region scans: the range cut to the scan's own start and
 * stop (which the client moves on as it resumes or changes region) and to the region's keys.
 */
public record ScanWindow(byte[] start, boolean startInclusive, byte[] stop, boolean stopInclusive) {

  /** A bound of a key interval; {@code key} empty means unbounded. */
  public record Bound(byte[] key, boolean inclusive) {

    /** No bound. */
    public static Bound none() {
      return new Bound(new byte[0], true);
    }

    boolean bounded() {
      return key.length > 0;
    }
  }

  /**
   * The windows of {@code ranges} inside the scan's [{@code scanStart}, {@code scanStop}] and the
   * region's [{@code regionStart}, {@code regionEnd}), in the ranges' order, empty ones left out.
   */
  public static List<ScanWindow> clip(
      List<ScanRange> ranges,
      Bound scanStart,
      Bound scanStop,
      byte[] regionStart,
      byte[] regionEnd) {
    Bound regionLow = new Bound(regionStart, true);
    Bound regionHigh = new Bound(regionEnd, false);
    List<ScanWindow> windows = new ArrayList<>(ranges.size());
    for (ScanRange r : ranges) {
      Bound start = later(later(new Bound(r.startInclusive(), true), scanStart), regionLow);
      Bound stop = earlier(earlier(new Bound(r.stopExclusive(), false), scanStop), regionHigh);
      int c = Arrays.compareUnsigned(start.key(), stop.key());
      if (c < 0 || (c == 0 && start.inclusive() && stop.inclusive())) {
        windows.add(new ScanWindow(start.key(), start.inclusive(), stop.key(), stop.inclusive()));
      }
    }
    return List.copyOf(windows);
  }

  private static Bound later(Bound a, Bound b) {
    return tighter(a, b, 1);
  }

  private static Bound earlier(Bound a, Bound b) {
    return tighter(a, b, -1);
  }

  /**
   * Of two bounds on the same side, the one that lets fewer keys through: the later of two lower
   * bounds ({@code side} 1) or the earlier of two upper ones (-1); at the same key, the exclusive.
   */
  private static Bound tighter(Bound a, Bound b, int side) {
    if (!b.bounded()) {
      return a;
    }
    int c = Integer.signum(Arrays.compareUnsigned(a.key(), b.key())) * side;
    if (c == 0) {
      return new Bound(a.key(), a.inclusive() && b.inclusive());
    }
    return c > 0 ? a : b;
  }
}
