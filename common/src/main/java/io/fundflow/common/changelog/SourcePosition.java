package io.fundflow.common.changelog;

/**
 * Where a change sits in the source's commit order: the SCN (Debezium) or trail position
 * (GoldenGate), then the commit time as a tie-breaker. It orders versions of one row so that a late
 * or replayed older change never overwrites a newer one.
 *
 * @param position non-negative, increasing with the source's order
 * @param commitTimeMillis epoch millis of the commit (0 when the envelope gives none)
 */
public record SourcePosition(long position, long commitTimeMillis)
    implements Comparable<SourcePosition> {

  public SourcePosition {
    if (position < 0) {
      throw new IllegalArgumentException("position must be >= 0: " + position);
    }
  }

  @Override
  public int compareTo(SourcePosition o) {
    int c = Long.compare(position, o.position);
    return c != 0 ? c : Long.compare(commitTimeMillis, o.commitTimeMillis);
  }

  /** True when this position is strictly newer than {@code other}. */
  public boolean isAfter(SourcePosition other) {
    return compareTo(other) > 0;
  }
}
