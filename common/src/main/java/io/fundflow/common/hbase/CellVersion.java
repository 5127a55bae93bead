package io.fundflow.common.hbase;

import io.fundflow.common.changelog.SourcePosition;

/**
 * The HBase cell version (timestamp) every fundflow write sets explicitly, so that the newest write
 * wins whatever order writes arrive in.
 *
 * <ul>
 *   <li>The stream writes version = the change's source position (SCN or trail position), in [0,
 *       2^62). A replayed or late older change carries a smaller version and stays hidden.
 *   <li>The nightly correction writes 2^62 + its run's epoch millis: above every stream version,
 *       and a later correction run above an earlier one.
 * </ul>
 *
 * Versions are never wall-clock times, so these tables must have no TTL, and every delete must
 * carry an explicit version (a delete without one would take the server's clock, ~1.7e12, and hide
 * or miss the wrong writes).
 */
public final class CellVersion {

  /** First version of the correction range; stream versions are below it. */
  public static final long CORRECTION_BASE = 1L << 62;

  private CellVersion() {}

  /** The version of a stream write of a change at {@code sourcePosition}. */
  public static long stream(long sourcePosition) {
    if (sourcePosition < 0 || sourcePosition >= CORRECTION_BASE) {
      throw new IllegalArgumentException("source position must be in [0, 2^62): " + sourcePosition);
    }
    return sourcePosition;
  }

  /** The version of a stream write of a change at {@code position}. */
  public static long stream(SourcePosition position) {
    return stream(position.position());
  }

  /** The version of every write of the correction run that started at {@code runEpochMillis}. */
  public static long correction(long runEpochMillis) {
    // Long.MAX_VALUE is HBase's "latest timestamp" marker: stay clear of it.
    if (runEpochMillis < 0 || runEpochMillis >= CORRECTION_BASE - 1) {
      throw new IllegalArgumentException(
          "correction run epoch millis out of range: " + runEpochMillis);
    }
    return CORRECTION_BASE + runEpochMillis;
  }

  /** True when {@code version} was written by a correction run. */
  public static boolean isCorrection(long version) {
    return version >= CORRECTION_BASE;
  }

  /** The epoch millis of the correction run that wrote {@code version}. */
  public static long correctionRunMillis(long version) {
    if (!isCorrection(version)) {
      throw new IllegalArgumentException("not a correction version: " + version);
    }
    return version - CORRECTION_BASE;
  }
}
