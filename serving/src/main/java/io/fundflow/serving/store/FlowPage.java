package io.fundflow.serving.store;

import io.fundflow.common.codec.FundFlowJsonView;
import java.util.List;
import java.util.Optional;

/**
 * One page of flows, newest first.
 *
 * @param flows the page's flows, as stored
 * @param lastRowKey the rowkey to resume after when more rows follow; empty on the last page
 * @param rowsScanned rows the region servers read for this page (HBase scan metrics)
 */
public record FlowPage(
    List<FundFlowJsonView> flows, Optional<byte[]> lastRowKey, long rowsScanned) {

  public FlowPage {
    flows = List.copyOf(flows);
  }
}
