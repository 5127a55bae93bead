package io.fundflow.bench;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Random;

/**
 * A reproducible mix of FUND_JOURNAL change-log messages as they arrive on {@code
 * ods.fund_journal}: a third Debezium without wrapper (amounts and some integers as strings,
 * OCCUR_TIME epoch millis or micros), a third Debezium with the schema wrapper (precise decimals as
 * base64 unscaled bytes), a third GoldenGate (local-time text). Mostly inserts, some updates with a
 * before image and a few deletes; REMARKs with and without digit runs.
 */
public final class JournalMessages {

  /** The topic every message was read from. */
  public static final String TOPIC = "ods.fund_journal";

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter GG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final int[] FLAGS = {2041, 2042, 4001, 4002, 4101, 4201, 4301, 4401, 4402, 9999};
  private static final String[] CHANNELS = {"0", "7", "B", "W"};
  private static final String[] REMARKS = {
    "bank transfer in",
    "to bank 6222021234567890123",
    "证券买入 600519",
    "fee for order 12345",
    "分红 派息",
    "call 13812345678 about refund",
    "基金申购 000001 份额",
    null
  };

  private JournalMessages() {}

  /** One generated row, kept so that look-ups (customer, channel) can match it. */
  public record Row(
      int initDate,
      long serialNo,
      LocalDateTime occurTime,
      String clientId,
      String fundAccount,
      int branchNo,
      String moneyType,
      int businessFlag,
      BigDecimal occurBalance,
      BigDecimal postBalance,
      String channel,
      String remark) {}

  /** {@code count} distinct messages from {@code seed}; the rows are written to {@code rows}. */
  public static byte[][] generate(int count, long seed, Row[] rows) {
    Random random = new Random(seed);
    byte[][] out = new byte[count][];
    for (int i = 0; i < count; i++) {
      Row row = row(random, i);
      rows[i] = row;
      String op = random.nextInt(20) == 0 ? "d" : random.nextInt(5) == 0 ? "u" : "c";
      String json =
          switch (i % 3) {
            case 0 -> debeziumPlain(row, op, random, i);
            case 1 -> debeziumWrapped(row, op, i);
            default -> goldenGate(row, op, i);
          };
      out[i] = json.getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  private static Row row(Random random, int i) {
    int day = 1 + random.nextInt(28);
    int initDate = 20261100 + day;
    LocalDateTime occur =
        LocalDateTime.of(
                2026, 11, day, 9 + random.nextInt(7), random.nextInt(60), random.nextInt(60))
            .withNano(random.nextInt(1000) * 1_000_000);
    int flag = FLAGS[random.nextInt(FLAGS.length)];
    long cents = 100 + (long) random.nextInt(100_000_000);
    boolean out = flag == 2042 || flag == 4001 || flag == 4201 || flag == 4401;
    BigDecimal amount = BigDecimal.valueOf(out ? -cents : cents, 2);
    BigDecimal post = BigDecimal.valueOf(random.nextInt(1_000_000_000), 2);
    String client = Integer.toString(100_000_000 + random.nextInt(1000) * 997);
    return new Row(
        initDate,
        700_000L + i,
        occur,
        client,
        "6" + client.substring(1) + "00",
        3100 + random.nextInt(20),
        random.nextInt(10) == 0 ? "USD" : "CNY",
        flag,
        amount,
        post,
        CHANNELS[random.nextInt(CHANNELS.length)],
        REMARKS[random.nextInt(REMARKS.length)]);
  }

  private static String debeziumPlain(Row r, String op, Random random, int i) {
    boolean micros = random.nextBoolean();
    long millis = r.occurTime().atZone(SHANGHAI).toInstant().toEpochMilli();
    String occur = Long.toString(micros ? millis * 1000 : millis);
    boolean numbersAsText = random.nextBoolean();
    String image = image(r, occur, numbersAsText, false);
    return "{\"before\": "
        + (op.equals("c") ? "null" : image)
        + ", \"after\": "
        + (op.equals("d") ? "null" : image)
        + ", "
        + source(i)
        + ", \"op\": \""
        + op
        + "\", \"ts_ms\": 1795051862700, \"transaction\": null}";
  }

  private static String debeziumWrapped(Row r, String op, int i) {
    long millis = r.occurTime().atZone(SHANGHAI).toInstant().toEpochMilli();
    String image = image(r, Long.toString(millis), false, true);
    return "{\"schema\": "
        + SCHEMA
        + ", \"payload\": {\"before\": "
        + (op.equals("c") ? "null" : image)
        + ", \"after\": "
        + (op.equals("d") ? "null" : image)
        + ", "
        + source(i)
        + ", \"op\": \""
        + op
        + "\", \"ts_ms\": 1795051862700, \"transaction\": null}}";
  }

  private static String goldenGate(Row r, String op, int i) {
    String ggOp = op.equals("c") ? "I" : op.equals("u") ? "U" : "D";
    String image = image(r, "\"" + GG_TIME.format(r.occurTime()) + "\"", false, false);
    StringBuilder s =
        new StringBuilder("{\"table\": \"CTS.FUND_JOURNAL\", \"op_type\": \"")
            .append(ggOp)
            .append("\", \"op_ts\": \"")
            .append(GG_TIME.format(r.occurTime().plusNanos(250_000_000)))
            .append("\", \"current_ts\": \"2026-11-19T10:12:45.010000\", \"pos\": \"")
            .append(String.format("%020d", 320_000_004_711L + i))
            .append("\", \"primary_keys\": [\"INIT_DATE\", \"SERIAL_NO\"]");
    if (!ggOp.equals("I")) {
      s.append(", \"before\": ").append(image);
    }
    if (!ggOp.equals("D")) {
      s.append(", \"after\": ").append(image);
    }
    return s.append('}').toString();
  }

  private static String source(int i) {
    return "\"source\": {\"version\": \"2.7.3.Final\", \"connector\": \"oracle\", \"name\":"
               + " \"cts\", \"ts_ms\": 1795051862500, \"snapshot\": \"false\", \"db\": \"CTSDB\","
               + " \"schema\": \"CTS\", \"table\": \"FUND_JOURNAL\", \"txId\":"
               + " \"0a001b00c4120000\", \"scn\": \""
        + (88_000_101L + 2L * i)
        + "\", \"commit_scn\": \""
        + (88_000_102L + 2L * i)
        + "\"}";
  }

  private static String image(Row r, String occurTime, boolean numbersAsText, boolean precise) {
    String q = numbersAsText ? "\"" : "";
    return "{\"INIT_DATE\": "
        + q
        + r.initDate()
        + q
        + ", \"SERIAL_NO\": "
        + q
        + r.serialNo()
        + q
        + ", \"OCCUR_TIME\": "
        + occurTime
        + ", \"CLIENT_ID\": \""
        + r.clientId()
        + "\", \"FUND_ACCOUNT\": \""
        + r.fundAccount()
        + "\", \"BRANCH_NO\": "
        + q
        + r.branchNo()
        + q
        + ", \"MONEY_TYPE\": \""
        + r.moneyType()
        + "\", \"BUSINESS_FLAG\": "
        + q
        + r.businessFlag()
        + q
        + ", \"OCCUR_BALANCE\": \""
        + amount(r.occurBalance(), precise)
        + "\", \"POST_BALANCE\": \""
        + amount(r.postBalance(), precise)
        + "\", \"CHANNEL\": \""
        + r.channel()
        + "\", \"REMARK\": "
        + (r.remark() == null ? "null" : "\"" + r.remark() + "\"")
        + "}";
  }

  private static String amount(BigDecimal amount, boolean precise) {
    if (!precise) {
      return amount.toPlainString();
    }
    BigInteger unscaled = amount.unscaledValue();
    return Base64.getEncoder().encodeToString(unscaled.toByteArray());
  }

  private static final String DECIMAL =
      "\"type\": \"bytes\", \"optional\": false, \"name\":"
          + " \"org.apache.kafka.connect.data.Decimal\", \"version\": 1, \"parameters\":"
          + " {\"scale\": \"2\", \"connect.decimal.precision\": \"19\"}";

  private static final String VALUE_FIELDS =
      "[{\"type\": \"int32\", \"optional\": false, \"field\": \"INIT_DATE\"}, {\"type\": \"int64\","
          + " \"optional\": false, \"field\": \"SERIAL_NO\"}, {\"type\": \"int64\", \"optional\":"
          + " false, \"name\": \"io.debezium.time.Timestamp\", \"version\": 1, \"field\":"
          + " \"OCCUR_TIME\"}, {\"type\": \"string\", \"optional\": false, \"field\":"
          + " \"CLIENT_ID\"}, {\"type\": \"string\", \"optional\": false, \"field\":"
          + " \"FUND_ACCOUNT\"}, {\"type\": \"int32\", \"optional\": false, \"field\":"
          + " \"BRANCH_NO\"}, {\"type\": \"string\", \"optional\": false, \"field\":"
          + " \"MONEY_TYPE\"}, {\"type\": \"int32\", \"optional\": false, \"field\":"
          + " \"BUSINESS_FLAG\"}, {"
          + DECIMAL
          + ", \"field\": \"OCCUR_BALANCE\"}, {"
          + DECIMAL
          + ", \"field\": \"POST_BALANCE\"}, {\"type\": \"string\", \"optional\": false, \"field\":"
          + " \"CHANNEL\"}, {\"type\": \"string\", \"optional\": true, \"field\": \"REMARK\"}]";

  /** The Debezium Oracle connector's envelope schema for FUND_JOURNAL, as in the samples. */
  private static final String SCHEMA =
      "{\"type\": \"struct\", \"name\": \"cts.CTS.FUND_JOURNAL.Envelope\", \"optional\": false,"
          + " \"fields\": [{\"type\": \"struct\", \"fields\": "
          + VALUE_FIELDS
          + ", \"optional\": true, \"name\": \"cts.CTS.FUND_JOURNAL.Value\", \"field\":"
          + " \"before\"}, {\"type\": \"struct\", \"fields\": "
          + VALUE_FIELDS
          + ", \"optional\": true, \"name\": \"cts.CTS.FUND_JOURNAL.Value\", \"field\": \"after\"},"
          + " {\"type\": \"struct\", \"fields\": [{\"type\": \"string\", \"optional\": false,"
          + " \"field\": \"version\"}, {\"type\": \"string\", \"optional\": false, \"field\":"
          + " \"connector\"}, {\"type\": \"int64\", \"optional\": false, \"field\": \"ts_ms\"},"
          + " {\"type\": \"string\", \"optional\": false, \"field\": \"table\"}, {\"type\":"
          + " \"string\", \"optional\": true, \"field\": \"scn\"}, {\"type\": \"string\","
          + " \"optional\": true, \"field\": \"commit_scn\"}], \"optional\": false, \"name\":"
          + " \"io.debezium.connector.oracle.Source\", \"field\": \"source\"}, {\"type\":"
          + " \"string\", \"optional\": false, \"field\": \"op\"}, {\"type\": \"int64\","
          + " \"optional\": true, \"field\": \"ts_ms\"}], \"optional\": false, \"name\":"
          + " \"cts.CTS.FUND_JOURNAL.Envelope\", \"version\": 1}";
}
