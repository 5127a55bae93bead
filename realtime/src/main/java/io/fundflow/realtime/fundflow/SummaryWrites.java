package io.fundflow.realtime.fundflow;

import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.RowMutation;
import io.fundflow.realtime.kafka.KafkaMessage;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns a customer-day update into its summary-table write — the new summary, or the empty cell of
 * a day without entries — and, on the side output {@link #DWS_MESSAGES}, its {@code
 * dws.customer_day} message. The summary's JSON is encoded once for both.
 */
public final class SummaryWrites extends ProcessFunction<CustomerDayUpdate, RowMutation> {

  private static final long serialVersionUID = 1L;

  /** The {@code dws.customer_day} messages. */
  public static final OutputTag<KafkaMessage> DWS_MESSAGES =
      new OutputTag<>("dws.customer_day", FundFlowTypes.KAFKA_MESSAGE);

  @Override
  public void processElement(CustomerDayUpdate u, Context ctx, Collector<RowMutation> out) {
    if (u.summary() == null) {
      out.collect(CustomerDayRows.empty(u.key(), u.version()));
      ctx.output(DWS_MESSAGES, LayerMessages.of(u, null));
    } else {
      byte[] json = CustomerDaySummaryJson.encode(u.summary());
      out.collect(CustomerDayRows.put(u.summary(), u.version(), json));
      ctx.output(DWS_MESSAGES, LayerMessages.of(u, json));
    }
  }
}
