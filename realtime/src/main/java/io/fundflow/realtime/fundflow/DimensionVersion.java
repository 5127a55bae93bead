package io.fundflow.realtime.fundflow;

import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.model.SourceRow;
import io.fundflow.realtime.decode.RowChange;

/**
 * The current version of a dimension row (CUSTOMER or CHANNEL) as the stream knows it; {@code row}
 * is null once deleted.
 */
public record DimensionVersion<T extends SourceRow>(SourcePosition position, T row) {

  /**
   * The version after applying {@code change} to {@code known} (which may be null): the change
   * wins only when it is newer, so a late or replayed dimension change is ignored.
   */
  public static <T extends SourceRow> DimensionVersion<T> apply(
      DimensionVersion<T> known, RowChange<T> change) {
    if (known != null && !change.position().isAfter(known.position())) {
      return known;
    }
    return new DimensionVersion<>(change.position(), change.op().upserts() ? change.after() : null);
  }
}
