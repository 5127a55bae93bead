package io.fundflow.common.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The FUND_JOURNAL fast paths ({@link JournalRecordScanner}, then {@link FundJournalImage} on
 * Jackson tokens) decide nothing the tree path would decide differently, on records written in
 * every encoding the change log allows and on byte-level mutations of them.
 */
class FastPathAgreementProperties {

  private static final String TOPIC = "ods.fund_journal";
  private final ChangeLogDecoder decoder = new ChangeLogDecoder();
  private final JournalRecordScanner scanner =
      new JournalRecordScanner(
          new GoldenGateDecoder(new TableNames(), new ChangeEventAssembler(), RowReader.SHANGHAI));

  @Property(tries = 1500)
  void generatedRecordsDecodeAsTheTreeDoes(@ForAll("records") String record) {
    byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
    DecodeResult tree = decoder.decodeTree(TOPIC, bytes);
    assertEquals(tree, decoder.decode(TOPIC, bytes), record);
    assertEquals(tree, decoder.decode(TOPIC, bytes), record); // a wrapped one past its schema
    DecodeResult.Decoded scanned =
        scanner.decode(bytes, 0, false, DecimalScales.NONE, DecimalScales.NONE);
    Statistics.label("scanned, decoded by the tree")
        .collect(scanned != null, tree instanceof DecodeResult.Decoded);
    if (scanned != null) {
      assertEquals(tree, scanned, record);
    }
  }

  @Property(tries = 3000)
  void mutatedRecordsDecodeAsTheTreeDoes(
      @ForAll("mutationBases") String record, @ForAll("edits") List<int[]> edits) {
    byte[] bytes = applyByteEdits(record.getBytes(StandardCharsets.UTF_8), edits);
    if (bytes.length == 0) {
      return;
    }
    DecodeResult tree = decoder.decodeTree(TOPIC, bytes);
    assertEquals(
        tree, decoder.decode(TOPIC, bytes), () -> new String(bytes, StandardCharsets.UTF_8));
    DecodeResult.Decoded scanned =
        scanner.decode(bytes, 0, false, DecimalScales.NONE, DecimalScales.NONE);
    Statistics.label("scanned, decoded by the tree")
        .collect(scanned != null, tree instanceof DecodeResult.Decoded);
    if (scanned != null) {
      assertEquals(tree, scanned, () -> new String(bytes, StandardCharsets.UTF_8));
    }
  }

  @Property(tries = 300)
  void canonicalShapesAreScanned(@ForAll("canonical") String record) {
    byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
    DecodeResult.Decoded scanned =
        scanner.decode(bytes, 0, false, DecimalScales.NONE, DecimalScales.NONE);
    assertNotNull(scanned, record);
    assertEquals(decoder.decodeTree(TOPIC, bytes), scanned, record);
    assertInstanceOf(DecodeResult.Decoded.class, decoder.decode(TOPIC, bytes));
  }

  @Provide
  Arbitrary<String> mutationBases() {
    return Arbitraries.oneOf(records(), canonical(), canonical());
  }

  @Provide
  Arbitrary<List<int[]>> edits() {
    Arbitrary<int[]> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.of(
                    0,
                    0x20,
                    (int) '"',
                    (int) '\\',
                    (int) ',',
                    (int) ':',
                    (int) '{',
                    (int) '}',
                    (int) '[',
                    (int) ']',
                    (int) '0',
                    (int) '9',
                    (int) '-',
                    (int) '.',
                    (int) 'e',
                    (int) 'n',
                    (int) 'A',
                    (int) '=',
                    0x7f,
                    0x80,
                    0xC3,
                    0xE4,
                    0xED,
                    0xF0,
                    0xFF),
                Arbitraries.integers().between(1, 8))
            .as((kind, where, value, length) -> new int[] {kind, where, value, length});
    return edit.list().ofMinSize(1).ofMaxSize(3);
  }

  /** kind 0: replace a byte; 1: delete a run; 2: insert a byte; 3: truncate. */
  private static byte[] applyByteEdits(byte[] b, List<int[]> edits) {
    for (int[] e : edits) {
      if (b.length == 0) {
        break;
      }
      int at = e[1] % b.length;
      switch (e[0]) {
        case 0 -> b[at] = (byte) e[2];
        case 1 -> {
          int end = Math.min(b.length, at + e[3]);
          byte[] shorter = new byte[b.length - (end - at)];
          System.arraycopy(b, 0, shorter, 0, at);
          System.arraycopy(b, end, shorter, at, b.length - end);
          b = shorter;
        }
        case 2 -> {
          byte[] longer = new byte[b.length + 1];
          System.arraycopy(b, 0, longer, 0, at);
          longer[at] = (byte) e[2];
          System.arraycopy(b, at, longer, at + 1, b.length - at);
          b = longer;
        }
        default -> b = Arrays.copyOf(b, at);
      }
    }
    return b;
  }

  /** Debezium (plain, and wrapped with scale-2 Decimals) and GoldenGate in every encoding. */
  @Provide
  Arbitrary<String> records() {
    Arbitrary<String> image = image(false);
    Arbitrary<String> precise = image(true);
    Arbitrary<String> space = Arbitraries.of("", " ", "\n  ", "\t");
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of("c", "u", "d", "r", "t", "x"), image, image, space)
            .as((op, before, after, ws) -> debezium(op, before, after, ws)),
        Combinators.combine(Arbitraries.of("c", "u", "d"), precise, precise, space)
            .as((op, before, after, ws) -> wrapped(debezium(op, before, after, ws))),
        Combinators.combine(Arbitraries.of("I", "U", "D", "T"), image, image, space)
            .as((op, before, after, ws) -> goldenGate(op, before, after, ws)));
  }

  /** The shapes the connectors write, which the scanner must read itself. */
  @Provide
  Arbitrary<String> canonical() {
    Arbitrary<String> image = canonicalImage();
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of("c", "u", "d", "r"), image, image)
            .as((op, before, after) -> debezium(op, before, after, " ")),
        Combinators.combine(Arbitraries.of("I", "U", "D"), image, image)
            .as((op, before, after) -> goldenGate(op, before, after, " ")));
  }

  private static String debezium(String op, String before, String after, String ws) {
    return "{"
        + ws
        + "\"before\":"
        + ws
        + (op.equals("c") || op.equals("r") ? "null" : before)
        + ",\"after\":"
        + (op.equals("d") ? "null" : after)
        + ","
        + ws
        + "\"source\": {\"version\": \"2.7.3.Final\", \"ts_ms\": 1795051862500, \"snapshot\":"
        + " \"false\", \"table\": \"FUND_JOURNAL\", \"scn\": \"88000101\", \"commit_scn\":"
        + " \"88000102\", \"tx\": [1, {\"a\": [true, false, null]}]}, \"op\": \""
        + op
        + "\", \"ts_ms\": 1795051862700, \"transaction\": null"
        + ws
        + "}";
  }

  private static String wrapped(String payload) {
    String decimal =
        "{\"type\": \"bytes\", \"name\": \"org.apache.kafka.connect.data.Decimal\","
            + " \"parameters\": {\"scale\": \"2\"}, \"field\": \"%s\"}";
    String columns =
        "[" + decimal.formatted("OCCUR_BALANCE") + ", " + decimal.formatted("POST_BALANCE") + "]";
    return "{\"schema\": {\"type\": \"struct\", \"fields\": [{\"type\": \"struct\", \"fields\": "
        + columns
        + ", \"field\": \"before\"}, {\"type\": \"struct\", \"fields\": "
        + columns
        + ", \"field\": \"after\"}]}, \"payload\": "
        + payload
        + "}";
  }

  private static String goldenGate(String op, String before, String after, String ws) {
    return "{\"table\": \"CTS.FUND_JOURNAL\", \"op_type\": \""
        + op
        + "\","
        + ws
        + "\"op_ts\": \"2026-11-19 10:12:44.500000\", \"current_ts\":"
        + " \"2026-11-19T10:12:45.010000\", \"pos\": \"00000000320000004711\","
        + " \"primary_keys\": [\"INIT_DATE\", \"SERIAL_NO\"]"
        + (op.equals("I") ? "" : ", \"before\": " + before)
        + (op.equals("D") ? "" : ", \"after\": " + after)
        + ws
        + "}";
  }

  private Arbitrary<String> canonicalImage() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 28),
            Arbitraries.longs().between(1, 999_999_999_999L),
            Arbitraries.longs().between(-99_999_999_999L, 99_999_999_999L),
            Arbitraries.of("bank transfer in", "证券买入 600519", "call 13812345678 😀", "x"),
            Arbitraries.of("1795051862123", "1795051862123456", "\"2026-11-19 10:12:44.500000\""))
        .as(
            (day, serial, cents, remark, time) ->
                "{\"INIT_DATE\": 202611"
                    + (day < 10 ? "0" : "")
                    + day
                    + ", \"SERIAL_NO\": "
                    + serial
                    + ", \"OCCUR_TIME\": "
                    + time
                    + ", \"CLIENT_ID\": \"100200300\", \"FUND_ACCOUNT\": \"600100200300\","
                    + " \"BRANCH_NO\": 3101, \"MONEY_TYPE\": \"CNY\", \"BUSINESS_FLAG\": 2041,"
                    + " \"OCCUR_BALANCE\": \""
                    + BigDecimal.valueOf(cents, 2).toPlainString()
                    + "\", \"POST_BALANCE\": \""
                    + BigDecimal.valueOf(Math.abs(cents) / 3, 2).toPlainString()
                    + "\", \"CHANNEL\": \"7\", \"REMARK\": \""
                    + remark
                    + "\"}");
  }

  private Arbitrary<String> image(boolean precise) {
    Arbitrary<String> initDate =
        Arbitraries.of(
            "20261119",
            "\" 20261119 \"",
            "20260229",
            "20240229",
            "\"2026-11-19\"",
            "0",
            "null",
            "020261119",
            "20261119.0",
            "-20261119",
            "\"20261131\"",
            "2.026E7");
    Arbitrary<String> serial =
        Arbitraries.of(
            "700001",
            "\"700001\"",
            "-1",
            "999999999999",
            "1000000000000",
            "0",
            "-0",
            "12345678901234567890",
            "\"\"",
            "true",
            "7e5");
    Arbitrary<String> time =
        Arbitraries.of(
            "1795051862123",
            "1795051862123456",
            "1795051862123456789",
            "\"1795051862123\"",
            "\"2026-11-19 10:12:44.500000\"",
            "\"2026-11-19T10:12:44\"",
            "\"2026-11-19:10:12:44.5\"",
            "\"2026-02-30 10:12:44\"",
            "\" 2026-11-19 10:12:44 \"",
            "\"yesterday\"",
            "null",
            "-1",
            "1.5");
    Arbitrary<String> code =
        Arbitraries.of(
            "\"100200300\"",
            "\" 100200300 \"",
            "\"\"",
            "\"  \"",
            "123",
            "null",
            "\"10\\u00300200300\"",
            "\"é100\"");
    Arbitrary<String> moneyType =
        Arbitraries.of("\"CNY\"", "\"USD \"", "\"HKD\"", "\"EUR\"", "\"cny\"", "null", "1");
    Arbitrary<String> amount =
        precise
            ? Arbitraries.oneOf(
                Arbitraries.longs()
                    .between(-10_000_000_000_000L, 10_000_000_000_000L)
                    .map(v -> "\"" + base64(v) + "\""),
                Arbitraries.of(
                    "\"+y0=\"",
                    "\"AAAAAAAAAAAAAAAAAAAA\"",
                    "\"AQIDBAUGBwgJ\"",
                    "\"12345678\"",
                    "\"1234.56\"",
                    "\"====\"",
                    "\"AB==\"",
                    "\"AB=\"",
                    "1"))
            : Arbitraries.oneOf(
                Arbitraries.bigDecimals()
                    .between(new BigDecimal("-1E18"), new BigDecimal("1E18"))
                    .ofScale(4)
                    .map(d -> "\"" + d.stripTrailingZeros().toPlainString() + "\""),
                Arbitraries.longs().map(v -> "\"" + BigDecimal.valueOf(v, 2) + "\""),
                Arbitraries.of(
                    "\"50000.00\"",
                    "\" 50000.5 \"",
                    "\"+5\"",
                    "\"-0.00\"",
                    "\"0.001\"",
                    "\"0.010\"",
                    "\"1E3\"",
                    "\"1.5e-2\"",
                    "\"12345678\"",
                    "\"1e99999\"",
                    "\"99999999999999999.99\"",
                    "\"100000000000000000\"",
                    "\"0000000001.10\"",
                    "50000",
                    "50000.00",
                    "5.0E4",
                    "1e400",
                    "\"abc\"",
                    "\".5\"",
                    "\"5.\"",
                    "\"-.5\"",
                    "null",
                    "{\"scale\": 2, \"value\": \"AMPoUA==\"}"));
    Arbitrary<String> remark =
        Arbitraries.of(
            "\"bank transfer in\"",
            "\"证券买入 600519\"",
            "\" padded \"",
            "\"\"",
            "null",
            "\"tab\\tquote\\\"\"",
            "\"😀 emoji\"",
            "12");
    Arbitrary<String> channel = Arbitraries.of("\"7\"", "\" B \"", "\"\"", "null", "7");
    Arbitrary<String> extra =
        Arbitraries.of("", ", \"EXTRA\": 1", ", \"CHANNEL\": \"9\"", ", \"REMARK\": null");
    Arbitrary<String> head =
        Combinators.combine(initDate, serial, time, code, code, moneyType)
            .as(
                (d, s, t, c, f, m) ->
                    "{\"INIT_DATE\": "
                        + d
                        + ", \"SERIAL_NO\": "
                        + s
                        + ", \"OCCUR_TIME\": "
                        + t
                        + ", \"CLIENT_ID\": "
                        + c
                        + ", \"FUND_ACCOUNT\": "
                        + f
                        + ", \"BRANCH_NO\": 3101, \"MONEY_TYPE\": "
                        + m
                        + ", \"BUSINESS_FLAG\": 2041");
    return Combinators.combine(head, amount, amount, channel, remark, extra)
        .as(
            (h, a, p, c, r, x) ->
                h
                    + ", \"OCCUR_BALANCE\": "
                    + a
                    + ", \"POST_BALANCE\": "
                    + p
                    + ", \"CHANNEL\": "
                    + c
                    + ", \"REMARK\": "
                    + r
                    + x
                    + "}");
  }

  private static String base64(long unscaled) {
    return Base64.getEncoder().encodeToString(java.math.BigInteger.valueOf(unscaled).toByteArray());
  }
}
