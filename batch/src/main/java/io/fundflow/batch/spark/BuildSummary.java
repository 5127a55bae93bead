package io.fundflow.batch.spark;

import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummaries;
import io.fundflow.common.dws.CustomerDaySummary;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** The flows of one customer-day (grouped by summary rowkey) → its summary, with the stream's rules. */
public final class BuildSummary implements MapGroupsFunction<byte[], Row, Row> {

  @Override
  public Row call(byte[] summaryKey, Iterator<Row> rows) {
    List<FundFlow> flows = new ArrayList<>();
    while (rows.hasNext()) {
      flows.add(FundFlowJson.decode(rows.next().getAs(RecomputedFlows.FLOW)));
    }
    Map<CustomerDayKey, CustomerDaySummary> summaries = CustomerDaySummaries.of(flows);
    if (summaries.size() != 1) {
      throw new IllegalStateException("flows of one summary rowkey fell in " + summaries.keySet());
    }
    CustomerDaySummary s = summaries.values().iterator().next();
    return RowFactory.create(summaryKey, CustomerDaySummaryJson.encode(s));
  }
}
