package io.fundflow.realtime.bench;

import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * Debezium change-log messages (no schema wrapper, Oracle NUMBER as text) written with a string
 * builder: the bench produces hundreds of thousands, and a tree-building JSON library would make
 * generating the load slower than the job under test.
 */
final class DebeziumText {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private DebeziumText() {}

  /** A FUND_JOURNAL change: {@code op} c, u or d; {@code before} / {@code after} null as the op implies. */
  static byte[] journal(String op, FundJournalEntry before, FundJournalEntry after, long scn, long tsMillis) {
    StringBuilder b = new StringBuilder(900);
    b.append("{\"before\":");
    journalRow(b, before);
    b.append(",\"after\":");
    journalRow(b, after);
    return envelope(b, "FUND_JOURNAL", op, scn, tsMillis);
  }

  /** A CUSTOMER snapshot row (op r). */
  static byte[] customer(Customer c, long scn, long tsMillis) {
    StringBuilder b = new StringBuilder(400);
    b.append("{\"before\":null,\"after\":{");
    text(b, "CLIENT_ID", c.clientId()).append(',');
    text(b, "CLIENT_NAME", c.clientName()).append(',');
    text(b, "ID_KIND", c.idKind()).append(',');
    text(b, "ID_NO", c.idNo()).append(',');
    text(b, "MOBILE", c.mobile()).append(',');
    b.append("\"BRANCH_NO\":").append(c.branchNo()).append(',');
    b.append("\"OPEN_DATE\":").append(c.openDate()).append(',');
    text(b, "CLIENT_STATUS", c.clientStatus()).append(',');
    b.append("\"RISK_LEVEL\":").append(c.riskLevel()).append(',');
    text(b, "KEY_CLIENT", c.keyClient() ? "Y" : "N");
    b.append('}');
    return envelope(b, "CUSTOMER", "r", scn, tsMillis);
  }

  /** A CHANNEL snapshot row (op r). */
  static byte[] channel(Channel c, long scn, long tsMillis) {
    StringBuilder b = new StringBuilder(200);
    b.append("{\"before\":null,\"after\":{");
    text(b, "CHANNEL_CODE", c.channelCode()).append(',');
    text(b, "CHANNEL_NAME", c.channelName()).append(',');
    text(b, "CHANNEL_TYPE", c.channelType().name());
    b.append('}');
    return envelope(b, "CHANNEL", "r", scn, tsMillis);
  }

  private static void journalRow(StringBuilder b, FundJournalEntry e) {
    if (e == null) {
      b.append("null");
      return;
    }
    b.append('{');
    b.append("\"INIT_DATE\":").append(e.initDate()).append(',');
    b.append("\"SERIAL_NO\":").append(e.serialNo()).append(',');
    text(b, "OCCUR_TIME", TIME.format(e.occurTime())).append(',');
    text(b, "CLIENT_ID", e.clientId()).append(',');
    text(b, "FUND_ACCOUNT", e.fundAccount()).append(',');
    b.append("\"BRANCH_NO\":").append(e.branchNo()).append(',');
    text(b, "MONEY_TYPE", e.moneyType().name()).append(',');
    b.append("\"BUSINESS_FLAG\":").append(e.businessFlag()).append(',');
    text(b, "OCCUR_BALANCE", e.occurBalance().toPlainString()).append(',');
    text(b, "POST_BALANCE", e.postBalance().toPlainString()).append(',');
    text(b, "CHANNEL", e.channel()).append(',');
    text(b, "REMARK", e.remark());
    b.append('}');
  }

  private static byte[] envelope(StringBuilder b, String table, String op, long scn, long tsMillis) {
    b.append(",\"source\":{\"connector\":\"oracle\",\"schema\":\"CTS\",\"table\":\"")
        .append(table)
        .append("\",\"scn\":\"")
        .append(scn)
        .append("\",\"ts_ms\":")
        .append(tsMillis)
        .append("},\"op\":\"")
        .append(op)
        .append("\",\"ts_ms\":")
        .append(tsMillis)
        .append('}');
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  // The bench's values hold no quote, backslash or control character, so no escaping is needed.
  private static StringBuilder text(StringBuilder b, String name, String value) {
    return b.append('"').append(name).append("\":\"").append(value).append('"');
  }
}
