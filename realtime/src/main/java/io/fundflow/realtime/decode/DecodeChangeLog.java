package io.fundflow.realtime.decode;

import io.fundflow.common.changelog.ChangeEvent;
import io.fundflow.common.changelog.ChangeLogDecoder;
import io.fundflow.common.changelog.DecodeResult;
import io.fundflow.common.changelog.RejectReason;
import io.fundflow.common.deadletter.DeadLetter;
import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.realtime.kafka.OdsRecord;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decodes raw ODS records with the common decoder and routes each change to its table's side
 * output ({@link ChangeLogTypes}); a rejected record becomes a dead letter on the main output, with
 * its original bytes and a reason, so nothing is dropped without a trace.
 */
public final class DecodeChangeLog extends ProcessFunction<OdsRecord, DeadLetter> {

  private static final long serialVersionUID = 1L;

  private transient ChangeLogDecoder decoder;
  private transient Counter decoded;
  private transient Counter skipped;
  private transient Map<RejectReason, Counter> rejected;

  @Override
  public void open(OpenContext openContext) {
    decoder = new ChangeLogDecoder();
    MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("ods");
    decoded = group.counter("decoded");
    skipped = group.counter("skipped");
    rejected = new EnumMap<>(RejectReason.class);
    MetricGroup dlq = group.addGroup("dlq");
    for (RejectReason r : RejectReason.values()) {
      rejected.put(r, dlq.counter(r.name()));
    }
  }

  @Override
  public void processElement(OdsRecord in, Context ctx, Collector<DeadLetter> out) {
    DecodeResult result = decoder.decode(in.topic, in.value);
    if (result instanceof DecodeResult.Decoded d) {
      decoded.inc();
      route(d.event(), ctx);
    } else if (result instanceof DecodeResult.Rejected r) {
      rejected.get(r.rejection().reason()).inc();
      out.collect(
          new DeadLetter(
              "ods",
              in.topic,
              in.partition,
              in.offset,
              in.key,
              in.value,
              r.rejection().reason().name(),
              r.rejection().message()));
    } else {
      skipped.inc();
    }
  }

  private static void route(ChangeEvent e, Context ctx) {
    switch (e.table()) {
      case FUND_JOURNAL -> ctx.output(ChangeLogTypes.JOURNAL_TAG, RowChange.of(e, FundJournalEntry.class));
      case CUSTOMER -> ctx.output(ChangeLogTypes.CUSTOMER_TAG, RowChange.of(e, Customer.class));
      case CHANNEL -> ctx.output(ChangeLogTypes.CHANNEL_TAG, RowChange.of(e, Channel.class));
      case ADVISORY_CONTRACT ->
          ctx.output(ChangeLogTypes.CONTRACT_TAG, RowChange.of(e, AdvisoryContract.class));
      case ADVISORY_ORDER -> ctx.output(ChangeLogTypes.ORDER_TAG, RowChange.of(e, AdvisoryOrder.class));
    }
  }
}
