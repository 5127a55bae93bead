package io.fundflow.realtime.fundflow;

import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.hbase.CellVersion;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.RowMutation;
import io.fundflow.realtime.kafka.KafkaMessage;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns a flow change into the detail-table writes — the new row, the removal of the old row when
 * the flow was deleted or its rowkey moved, and, once per trading day and occur day per subtask,
 * the day-bucket manifest entry the nightly correction uses to find the day's rows — and, on the
 * side output {@link #DWD_MESSAGES}, its {@code dwd.fund_flow} message. The flow's JSON is encoded
 * once for both.
 */
public final class DetailWrites extends ProcessFunction<FlowChange, RowMutation> {

  private static final long serialVersionUID = 1L;

  /** The {@code dwd.fund_flow} messages. */
  public static final OutputTag<KafkaMessage> DWD_MESSAGES =
      new OutputTag<>("dwd.fund_flow", FundFlowTypes.KAFKA_MESSAGE);

  private transient Set<Long> manifestWritten;
  private transient Histogram latencyMillis;

  @Override
  public void open(OpenContext openContext) {
    manifestWritten = new HashSet<>();
    latencyMillis =
        getRuntimeContext()
            .getMetricGroup()
            .addGroup("dwd")
            .histogram("endToEndLatencyMs", new DescriptiveStatisticsHistogram(4096));
  }

  @Override
  public void processElement(FlowChange change, Context ctx, Collector<RowMutation> out) {
    long version = CellVersion.stream(change.position());
    byte[] json = change.current() == null ? null : FundFlowJson.encode(change.current());
    if (change.previous() != null
        && (change.current() == null || FundFlowRows.rowKeyChanged(change.previous(), change.current()))) {
      out.collect(FundFlowRows.delete(change.previous(), version));
    }
    if (change.current() != null) {
      out.collect(FundFlowRows.put(change.current(), version, json));
      LocalDate occurDay = change.current().occurTime().toLocalDate();
      // The manifest only ever grows; writing it again is harmless, so an in-memory set that
      // forgets on restart is enough to keep it to a handful of writes a day.
      if (manifestWritten.add(((long) change.current().initDate() << 32) | occurDay.toEpochDay())) {
        out.collect(FundFlowRows.manifest(change.current().initDate(), occurDay, version));
      }
    }
    ctx.output(DWD_MESSAGES, LayerMessages.of(change, json));
    latencyMillis.update(System.currentTimeMillis() - change.sourceTimeMillis());
  }
}
