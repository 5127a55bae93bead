package io.fundflow.batch.report;

import io.fundflow.common.reconcile.DiffCounts;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What comparing and correcting (part of) one table found: counts, writes sent, and a bounded
 * sample of differences. Partial outcomes of Spark partitions merge exactly.
 */
public record TableOutcome(DiffCounts counts, long writes, List<DiffSample> samples)
    implements Serializable {

  /** Nothing compared. */
  public static final TableOutcome EMPTY = new TableOutcome(DiffCounts.ZERO, 0, List.of());

  public TableOutcome {
    samples = List.copyOf(samples);
  }

  /** Both outcomes together, keeping at most {@code sampleSize} samples. */
  public TableOutcome plus(TableOutcome o, int sampleSize) {
    List<DiffSample> merged = new ArrayList<>(samples);
    for (DiffSample s : o.samples) {
      if (merged.size() >= sampleSize) {
        break;
      }
      merged.add(s);
    }
    return new TableOutcome(counts.plus(o.counts), writes + o.writes, merged);
  }
}
