package io.fundflow.realtime.fundflow;

import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.dwd.FundFlow;

/**
 * A change of one DWD fund flow: what it was and what it is now, as built by the common rules.
 *
 * @param previous the flow before the change (built without dimensions: only its key, amounts and
 *     category are used), or null
 * @param previousCounted whether {@code previous} is in the customer-day summaries
 * @param current the flow now, enriched and masked, or null when deleted
 * @param position the change's place in the source order
 * @param sourceTimeMillis when it happened in the source
 */
public record FlowChange(
    FundFlow previous,
    boolean previousCounted,
    FundFlow current,
    SourcePosition position,
    long sourceTimeMillis) {}
