package io.fundflow.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CategoryTotal;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The hand-written encoders give exactly the bytes of the Jackson ones that wrote the cells already
 * in HBase ({@link JacksonEncoders}), for many thousands of seeded random flows and summaries with
 * nasty text (controls, quotes, backslashes, Chinese, emoji, lone surrogates), edge decimals and
 * date-times of every precision; and what they write decodes back to the same record.
 */
class JacksonEncodersAgreementTest {

  private static final int RECORDS = 30_000;

  @Test
  void flowsAreByteIdenticalToJacksonAndRoundTrip() {
    Random r = new Random(20261203L);
    for (int i = 0; i < RECORDS; i++) {
      boolean decodable = r.nextInt(4) != 0;
      FundFlow f = new Values(r, decodable).flow();
      byte[] expected = JacksonEncoders.encode(f);
      byte[] actual = FundFlowJson.encode(f);
      assertArrayEquals(expected, actual, () -> describe(f, expected, actual));
      if (decodable) {
        assertEquals(f, FundFlowJson.decode(actual));
      }
    }
  }

  @Test
  void summariesAreByteIdenticalToJacksonAndRoundTrip() {
    Random r = new Random(20261204L);
    for (int i = 0; i < RECORDS; i++) {
      boolean decodable = r.nextInt(4) != 0;
      CustomerDaySummary s = new Values(r, decodable).summary();
      byte[] expected = JacksonEncoders.encode(s);
      byte[] actual = CustomerDaySummaryJson.encode(s);
      assertArrayEquals(expected, actual, () -> describe(s, expected, actual));
      if (decodable) {
        assertEquals(s, CustomerDaySummaryJson.decode(actual));
      }
    }
  }

  @Test
  void typicalFlowsOfTheBenchmarkAreByteIdentical() {
    RulesPipelineBenchmark b = new RulesPipelineBenchmark();
    b.messages = 1024;
    b.setUp();
    for (int i = 0; i < b.messages; i++) {
      assertArrayEquals(JacksonEncoders.encode(b.flow(i)), FundFlowJson.encode(b.flow(i)));
      assertArrayEquals(
          JacksonEncoders.encode(b.summary(i)), CustomerDaySummaryJson.encode(b.summary(i)));
    }
  }

  @Test
  void theBenchmarksSummaryDecodeAndItsTreeBaselineReadTheSame() throws Exception {
    RulesPipelineBenchmark streaming = new RulesPipelineBenchmark();
    RulesPipelineBenchmark tree = new RulesPipelineBenchmark();
    streaming.messages = tree.messages = 1024;
    streaming.setUp();
    tree.setUp();
    for (int i = 0; i < 2 * streaming.messages; i++) { // both cursors move in step
      assertEquals(tree.summaryJsonDecodeTree(), streaming.summaryJsonDecode());
    }
  }

  @Test
  void whatJacksonCouldNotWriteTheyCannotEither() {
    FundFlow f = new Values(new Random(1), true).flow();
    FundFlow noTime = withOccurTime(f, null);
    assertThrows(NullPointerException.class, () -> JacksonEncoders.encode(noTime));
    assertThrows(NullPointerException.class, () -> FundFlowJson.encode(noTime));
  }

  private static FundFlow withOccurTime(FundFlow f, LocalDateTime t) {
    return new FundFlow(f.initDate(), f.serialNo(), t, f.clientId(), f.fundAccount(), f.branchNo(),
        f.moneyType(), f.businessFlag(), f.occurBalance(), f.postBalance(), f.channel(), f.remark(),
        f.category(), f.direction(), f.signMismatch(), f.customerBranchNo(), f.riskLevel(),
        f.keyClient(), f.clientName(), f.channelName());
  }

  private static String describe(Object record, byte[] expected, byte[] actual) {
    return record
        + "\n jackson: "
        + new String(expected, StandardCharsets.UTF_8)
        + "\n ours:    "
        + new String(actual, StandardCharsets.UTF_8);
  }

  /**
   * Random field values. A decodable record is one the decoders accept back unchanged (required
   * text present, decimals of non-negative scale: {@code new BigDecimal(toPlainString())} loses a
   * negative scale); the others only go through the byte comparison.
   */
  private static final class Values {
    private static final String[] PIECES = {
      "\"", "\\", "/", "\b", "\t", "\n", "\f", "\r", "\u0000", "\u0001", "\u001f", "\u007f",
      "\u0080", "\u00e9", "\u07ff", "\u0800", "张伟", "欧阳娜娜", "手机银行", "\ufffd", "\uffff",
      "\ud83d\ude00", "\ud83c\udfe6", "\ud800", "\udbff", "\udc00", "\udfff", "\ude00\ud83d",
      "\u2028", "\u2029", "<script>", "'", " ", "6222021234567890123"
    };

    private final Random r;
    private final boolean decodable;

    Values(Random r, boolean decodable) {
      this.r = r;
      this.decodable = decodable;
    }

    FundFlow flow() {
      Category category = pick(Category.values());
      return new FundFlow(
          anInt(),
          aLong(),
          time(),
          decodable ? text() : nullable(this::text),
          decodable ? text() : nullable(this::text),
          anInt(),
          pick(MoneyType.values()),
          anInt(),
          decimal(),
          decimal(),
          nullable(this::text),
          nullable(this::text),
          category,
          pick(Direction.values()),
          r.nextBoolean(),
          nullable(this::anInt),
          nullable(this::anInt),
          nullable(r::nextBoolean),
          nullable(this::text),
          nullable(this::text));
    }

    CustomerDaySummary summary() {
      EnumMap<Category, CategoryTotal> byCategory = new EnumMap<>(Category.class);
      for (Category c : Category.values()) {
        if (r.nextInt(3) == 0) {
          byCategory.put(c, new CategoryTotal(decimal(), aLong()));
        }
      }
      boolean hasLast = r.nextBoolean();
      return new CustomerDaySummary(
          new CustomerDayKey(text(), anInt(), pick(MoneyType.values())),
          decimal(),
          decimal(),
          decimal(),
          aLong(),
          byCategory,
          hasLast ? decimal() : null,
          hasLast ? time() : null,
          hasLast ? aLong() : null);
    }

    private String text() {
      int kind = r.nextInt(10);
      if (kind < 3) { // plain ASCII, the usual case
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(30);
        for (int i = 0; i < n; i++) {
          b.append((char) (' ' + r.nextInt(95)));
        }
        return b.toString();
      }
      if (kind < 4) { // any UTF-16 unit at all, surrogates included
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
          b.append((char) r.nextInt(0x10000));
        }
        return b.toString();
      }
      if (kind == 4 && r.nextInt(50) == 0) { // longer than Jackson's output buffer
        return repeat(r.nextInt(20_000) + 8_000);
      }
      return repeat(r.nextInt(12));
    }

    private String repeat(int pieces) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < pieces; i++) {
        b.append(PIECES[r.nextInt(PIECES.length)]);
      }
      return b.toString();
    }

    private BigDecimal decimal() {
      int kind = r.nextInt(8);
      int scale =
          switch (kind) {
            case 0 -> r.nextInt(40);
            case 1 -> decodable ? 0 : -r.nextInt(20);
            case 2 -> 0;
            default -> 2; // the domain's scale
          };
      BigInteger unscaled =
          switch (r.nextInt(6)) {
            case 0 -> BigInteger.valueOf(r.nextInt(201) - 100);
            case 1 -> new BigInteger(1 + r.nextInt(200), r); // far beyond a long
            case 2 -> BigInteger.valueOf(pick(EDGE_LONGS));
            default -> BigInteger.valueOf(r.nextLong() % 100_000_000_000L);
          };
      if (r.nextBoolean()) {
        unscaled = unscaled.negate();
      }
      return new BigDecimal(unscaled, scale);
    }

    private static final Long[] EDGE_LONGS = {
      0L, 1L, 9L, 10L, 99L, 100L, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L,
      Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, (long) Integer.MAX_VALUE,
      (long) Integer.MIN_VALUE
    };

    private LocalDateTime time() {
      int year =
          switch (r.nextInt(10)) {
            case 0 -> r.nextInt(1000); // zero-padded
            case 1 -> r.nextInt(2_000_000_000) - 999_999_999; // signed, more digits
            case 2 -> pick(new Integer[] {0, 999, 1000, 9999, 10000, -1, 999_999_999, -999_999_999});
            default -> 2000 + r.nextInt(40);
          };
      int second = r.nextInt(3) == 0 ? 0 : r.nextInt(60);
      int nano =
          switch (r.nextInt(6)) {
            case 0 -> 0;
            case 1 -> r.nextInt(1000) * 1_000_000;
            case 2 -> r.nextInt(1_000_000) * 1000;
            case 3 -> pick(new Integer[] {1, 999_999_999, 1_000, 1_000_000, 100_000_000, 10});
            default -> r.nextInt(1_000_000_000);
          };
      return LocalDateTime.of(
          year, 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), second, nano);
    }

    private int anInt() {
      return r.nextBoolean() ? r.nextInt() : pick(EDGE_INTS);
    }

    private static final Integer[] EDGE_INTS = {
      0, 1, -1, 9, 10, -10, 20261119, Integer.MAX_VALUE, Integer.MIN_VALUE
    };

    private long aLong() {
      return r.nextBoolean() ? r.nextLong() : pick(EDGE_LONGS);
    }

    private <T> T nullable(Supplier<T> value) {
      return r.nextInt(4) == 0 ? null : value.get();
    }

    private <T> T pick(T[] values) {
      return values[r.nextInt(values.length)];
    }
  }
}
