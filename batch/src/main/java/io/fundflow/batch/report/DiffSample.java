package io.fundflow.batch.report;

import io.fundflow.common.reconcile.DiffKind;
import java.io.Serializable;
import java.util.List;

/**
 * One difference shown in the report.
 *
 * @param table the HBase table
 * @param key the row in readable form
 * @param kind what was found
 * @param fields the differing fields, for {@link DiffKind#DIFFERENT}
 * @param before the served value (JSON), null when missing
 * @param after the corrected value (JSON), null when deleted
 */
public record DiffSample(
    String table, String key, DiffKind kind, List<String> fields, String before, String after)
    implements Serializable {

  public DiffSample {
    fields = List.copyOf(fields);
  }
}
