package io.fundflow.realtime.fundflow;

import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.FundJournalEntry;

/**
 * A change of one journal row, after versioning: what it was and what it is now.
 *
 * @param previous the row before this change, or null when it did not exist
 * @param previousCounted whether {@code previous} was counted in the customer-day summaries by this
 *     stream (false when the stream only learnt of it from a before image), so it is retracted only
 *     when it was added
 * @param current the row now, or null when deleted
 * @param channel the CHANNEL dimension row of {@code current}, filled in by the channel join
 * @param position the change's place in the source order
 * @param sourceTimeMillis when it happened in the source
 */
public record JournalChange(
    FundJournalEntry previous,
    boolean previousCounted,
    FundJournalEntry current,
    Channel channel,
    SourcePosition position,
    long sourceTimeMillis) {

  /** This change with the channel dimension attached. */
  public JournalChange withChannel(Channel c) {
    return new JournalChange(previous, previousCounted, current, c, position, sourceTimeMillis);
  }

  /** The customer the change is keyed by: the current row's, or the deleted row's. */
  public String clientId() {
    return current != null ? current.clientId() : previous.clientId();
  }
}
