package io.fundflow.realtime.advisory;

import io.fundflow.common.changelog.SourcePosition;

/**
 * What {@link AdvisoryRowVersionFunction} keeps per contract or order: the newest position seen and
 * the portfolio the row is filed under then. Serialized as a POJO ({@link
 * AdvisoryTypes#ROW_VERSION}), so savepoints stay readable across code changes.
 *
 * @param portfolioCode the row's portfolio at {@code position}; null when it was deleted there
 * @param position the newest source position applied for this row
 */
public record RowVersion(String portfolioCode, SourcePosition position) {}
