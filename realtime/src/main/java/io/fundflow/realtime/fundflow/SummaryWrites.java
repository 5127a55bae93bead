package io.fundflow.realtime.fundflow;

import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.RowMutation;
import org.apache.flink.api.common.functions.MapFunction;

/** Turns a customer-day update into its summary-table write: the new summary, or the empty cell of a day without entries. */
public final class SummaryWrites implements MapFunction<CustomerDayUpdate, RowMutation> {

  private static final long serialVersionUID = 1L;

  @Override
  public RowMutation map(CustomerDayUpdate u) {
    return u.summary() == null
        ? CustomerDayRows.empty(u.key(), u.version())
        : CustomerDayRows.put(u.summary(), u.version());
  }
}
