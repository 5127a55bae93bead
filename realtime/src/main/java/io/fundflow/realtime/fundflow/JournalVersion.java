package io.fundflow.realtime.fundflow;

import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.model.FundJournalEntry;

/**
 * What the stream knows of one journal row: the position of its newest change and the row as of
 * that change, or null once deleted (a tombstone that keeps a late older insert from resurrecting
 * it).
 */
public record JournalVersion(SourcePosition position, FundJournalEntry entry) {}
