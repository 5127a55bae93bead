package io.fundflow.batch.spark;

import io.fundflow.batch.TradeDate;
import io.fundflow.batch.source.TextTable;
import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.changelog.TextRowReader;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.dwd.DwdRules;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.dwd.ValidationResult;
import io.fundflow.common.dws.SummaryFigures;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import java.io.Serializable;
import java.util.Optional;

/**
 * One journal entry joined with its customer and channel → its DWD flow, with the stream's rules:
 * {@code TextRowReader} parses, {@code DwdRules} validates, {@code FundFlowBuilder} builds.
 */
public final class BuildFlows implements Serializable {

  private final TextTable.Columns journalColumns;

  /** @param journalColumns the journal's column names, in the order of a {@link JoinedEntry}'s values */
  public BuildFlows(TextTable.Columns journalColumns) {
    this.journalColumns = journalColumns;
  }

  /**
   * One journal entry recomputed: its detail rowkey, flow JSON, summary figures and occur day
   * (yyyymmdd), or why it was rejected ({@code rejected} non-null, the rest null and 0).
   */
  public record Flow(
      byte[] rowKey, byte[] json, SummaryFigures figures, int occurDay, String rejected) {

    boolean isRejected() {
      return rejected != null;
    }
  }

  /** The DWD flow of one joined entry, or why it is rejected. */
  public Flow build(JoinedEntry joined) {
    String[] j = joined.journal();
    TextRowReader.Result read = journalColumns.read(SourceTable.FUND_JOURNAL, j);
    if (!read.ok()) {
      return rejected(j, read.rejection().reason() + " " + read.rejection().message());
    }
    FundJournalEntry entry = (FundJournalEntry) read.row();
    ValidationResult valid = DwdRules.validate(entry);
    if (!valid.isValid()) {
      return rejected(j, valid.primaryCode() + " " + valid.describe());
    }
    Dimension<Customer> customer = joined.customer();
    if (customer != null && !customer.readable()) {
      return rejected(j, "its customer: " + customer.problem());
    }
    Dimension<Channel> channel = joined.channel();
    if (channel != null && !channel.readable()) {
      return rejected(j, "its channel: " + channel.problem());
    }
    FundFlow flow;
    try {
      flow = FundFlowBuilder.build(
          entry,
          Optional.ofNullable(customer).map(Dimension::row),
          Optional.ofNullable(channel).map(Dimension::row));
    } catch (IllegalArgumentException e) {
      return rejected(j, e.getMessage());
    }
    return new Flow(
        FundFlowRows.rowKey(flow),
        FundFlowJson.encode(flow),
        SummaryFigures.of(flow),
        TradeDate.of(flow.occurTime().toLocalDate()),
        null);
  }

  private Flow rejected(String[] j, String why) {
    String key = journalColumns.describe(j, "INIT_DATE") + "/" + journalColumns.describe(j, "SERIAL_NO");
    return new Flow(null, null, null, 0, key + ": " + why);
  }
}
