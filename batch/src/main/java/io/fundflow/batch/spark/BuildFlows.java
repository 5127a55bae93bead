package io.fundflow.batch.spark;

import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.changelog.TextRowReader;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.dwd.DwdRules;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.dwd.ValidationResult;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.batch.TradeDate;
import java.io.Serializable;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * One journal entry joined with its customer and channel (struct columns {@code j}, {@code c},
 * {@code ch}; the last two null when absent) → its DWD flow, with the stream's rules: {@code
 * TextRowReader} parses, {@code DwdRules} validates, {@code FundFlowBuilder} builds.
 */
public final class BuildFlows implements Serializable {

  /**
   * One journal entry recomputed: its detail rowkey, flow JSON and occur day (yyyymmdd), or why it
   * was rejected ({@code rejected} non-null, the rest null and 0).
   */
  public record Flow(byte[] rowKey, byte[] json, int occurDay, String rejected) {

    boolean isRejected() {
      return rejected != null;
    }
  }

  /** The DWD flow of one joined row, or why it is rejected. */
  public Flow build(Row joined) {
    Row j = joined.getAs("j");
    TextRowReader.Result read = TextRowReader.read(SourceTable.FUND_JOURNAL, SourceRows.columns(j));
    if (!read.ok()) {
      return rejected(j, read.rejection().reason() + " " + read.rejection().message());
    }
    FundJournalEntry entry = (FundJournalEntry) read.row();
    ValidationResult valid = DwdRules.validate(entry);
    if (!valid.isValid()) {
      return rejected(j, valid.primaryCode() + " " + valid.describe());
    }
    Optional<Customer> customer = Optional.empty();
    Row c = joined.getAs("c");
    if (c != null) {
      TextRowReader.Result cr = TextRowReader.read(SourceTable.CUSTOMER, SourceRows.columns(c));
      if (!cr.ok()) {
        return rejected(j, "its customer: " + cr.rejection().reason() + " " + cr.rejection().message());
      }
      customer = Optional.of((Customer) cr.row());
    }
    Optional<Channel> channel = Optional.empty();
    Row ch = joined.getAs("ch");
    if (ch != null) {
      TextRowReader.Result chr = TextRowReader.read(SourceTable.CHANNEL, SourceRows.columns(ch));
      if (!chr.ok()) {
        return rejected(j, "its channel: " + chr.rejection().reason() + " " + chr.rejection().message());
      }
      channel = Optional.of((Channel) chr.row());
    }
    FundFlow flow;
    try {
      flow = FundFlowBuilder.build(entry, customer, channel);
    } catch (IllegalArgumentException e) {
      return rejected(j, e.getMessage());
    }
    return new Flow(
        FundFlowRows.rowKey(flow),
        FundFlowJson.encode(flow),
        TradeDate.of(flow.occurTime().toLocalDate()),
        null);
  }

  private static Flow rejected(Row j, String why) {
    String key = column(j, "INIT_DATE") + "/" + column(j, "SERIAL_NO");
    return new Flow(null, null, 0, key + ": " + why);
  }

  private static String column(Row j, String name) {
    int i = j.schema().getFieldIndex(name).getOrElse(() -> -1);
    return i < 0 || j.isNullAt(i) ? "?" : j.getString(i).trim();
  }
}
