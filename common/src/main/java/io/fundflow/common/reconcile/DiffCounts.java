package io.fundflow.common.reconcile;

import java.io.Serializable;

/** How many rows of one table compared which way; sums of partial counts add up exactly. */
public record DiffCounts(long matched, long missing, long extra, long different)
    implements Serializable {

  /** No rows compared. */
  public static final DiffCounts ZERO = new DiffCounts(0, 0, 0, 0);

  /** These counts with one more row of {@code kind}. */
  public DiffCounts plus(DiffKind kind) {
    return switch (kind) {
      case MATCHED -> new DiffCounts(matched + 1, missing, extra, different);
      case MISSING -> new DiffCounts(matched, missing + 1, extra, different);
      case EXTRA -> new DiffCounts(matched, missing, extra + 1, different);
      case DIFFERENT -> new DiffCounts(matched, missing, extra, different + 1);
    };
  }

  /** The sum of two partial counts. */
  public DiffCounts plus(DiffCounts o) {
    return new DiffCounts(
        matched + o.matched, missing + o.missing, extra + o.extra, different + o.different);
  }

  /** Rows that needed a write: inserted, deleted or updated. */
  public long corrections() {
    return missing + extra + different;
  }

  /** Rows the authoritative data produces (matched, missing or different). */
  public long expected() {
    return matched + missing + different;
  }

  /** Rows served before the correction (matched, extra or different). */
  public long served() {
    return matched + extra + different;
  }
}
