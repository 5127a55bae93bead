package io.fundflow.realtime.advisory;

import io.fundflow.common.changelog.ChangeOp;
import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.realtime.decode.RowChange;
import java.util.Objects;

/**
 * One decoded change of an advisory contract or order: the one stream type that lets both tables
 * share a keyed operator. Exactly one of {@code contract} and {@code order} is set; for a delete it
 * is the before image (the decoder guarantees one), which is all a delete needs: key and portfolio.
 *
 * @param op what happened
 * @param contract the contract after the change (before it, for a delete), or null
 * @param order the order after the change (before it, for a delete), or null
 * @param position the change's place in the source order
 * @param sourceTimeMillis when the change was committed in the source, 0 when unknown
 */
public record AdvisoryChange(
    ChangeOp op,
    AdvisoryContract contract,
    AdvisoryOrder order,
    SourcePosition position,
    long sourceTimeMillis) {

  public AdvisoryChange {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(position, "position");
    if ((contract == null) == (order == null)) {
      throw new IllegalArgumentException("exactly one of contract and order must be set");
    }
  }

  /** The advisory view of a decoded contract change. */
  public static AdvisoryChange ofContract(RowChange<AdvisoryContract> c) {
    return new AdvisoryChange(c.op(), c.row(), null, c.position(), c.sourceTimeMillis());
  }

  /** The advisory view of a decoded order change. */
  public static AdvisoryChange ofOrder(RowChange<AdvisoryOrder> c) {
    return new AdvisoryChange(c.op(), null, c.row(), c.position(), c.sourceTimeMillis());
  }

  /** True when the row no longer exists after this change. */
  public boolean deleted() {
    return !op.upserts();
  }

  /** The source row's key, prefixed by its table so contract and order keys never collide. */
  public String rowKey() {
    return contract != null ? "CONTRACT/" + contract.contractId() : "ORDER/" + order.orderId();
  }

  /** The PORTFOLIO_CODE of the row this change carries. */
  public String portfolioCode() {
    return contract != null ? contract.portfolioCode() : order.portfolioCode();
  }

  /** The same change, filed as a delete of the row at the same position (a retraction). */
  public AdvisoryChange asDelete() {
    return new AdvisoryChange(ChangeOp.DELETE, contract, order, position, sourceTimeMillis);
  }
}
