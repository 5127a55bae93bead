package io.fundflow.realtime.decode;

import io.fundflow.common.changelog.ChangeEvent;
import io.fundflow.common.changelog.ChangeLogDecoder;
import io.fundflow.common.changelog.DecodeResult;
import io.fundflow.common.changelog.RejectReason;
import io.fundflow.common.deadletter.DeadLetter;
import io.fundflow.common.dwd.DwdRules;
import io.fundflow.common.dwd.ValidationResult;
import io.fundflow.common.dwd.ViolationCode;
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
 * Decodes raw ODS records with the common decoder, validates rows with the DWD rules, and
 * routes each change to its table's side output ({@link ChangeLogTypes}). A record refused by
 * either becomes a dead letter of its layer on the main output, with its original bytes and a
 * reason, so nothing is dropped without a trace. Validation happens here, not downstream, because
 * only here are the original bytes at hand.
 */
public final class DecodeChangeLog extends ProcessFunction<OdsRecord, DeadLetter> {

  private static final long serialVersionUID = 1L;

  private transient ChangeLogDecoder decoder;
  private transient Counter decoded;
  private transient Counter skipped;
  private transient Map<RejectReason, Counter> rejected;
  private transient Map<ViolationCode, Counter> invalid;

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
    invalid = new EnumMap<>(ViolationCode.class);
    MetricGroup dwdDlq = getRuntimeContext().getMetricGroup().addGroup("dwd").addGroup("dlq");
    for (ViolationCode v : ViolationCode.values()) {
      invalid.put(v, dwdDlq.counter(v.name()));
    }
  }

  @Override
  public void processElement(OdsRecord in, Context ctx, Collector<DeadLetter> out) {
    DecodeResult result = decoder.decode(in.topic, in.value);
    if (result instanceof DecodeResult.Decoded d) {
      decoded.inc();
      ValidationResult validation = validate(d.event());
      if (validation.isValid()) {
        route(d.event(), ctx);
      } else {
        invalid.get(validation.primaryCode()).inc();
        out.collect(
            new DeadLetter(
                "dwd",
                in.topic,
                in.partition,
                in.offset,
                in.key,
                in.value,
                validation.primaryCode().name(),
                validation.describe()));
      }
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

  /** The row a change leaves behind must pass the DWD rules; a delete leaves none. */
  private static ValidationResult validate(ChangeEvent e) {
    return DwdRules.validate(e.after());
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
