package io.fundflow.batch.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fundflow.common.dwd.Category;
import io.fundflow.common.dws.BalancePoint;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.SummaryFigures;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlowValueTest {

  @Test
  void figuresAndJsonComeBackAsTheyWent() {
    Random r = new Random(20261205);
    for (int i = 0; i < 20_000; i++) {
      SummaryFigures f = randomFigures(r);
      byte[] json = ("{\"serialNo\":" + i + ",\"remark\":\"备注 " + r.nextInt() + "\"}")
          .getBytes(StandardCharsets.UTF_8);

      byte[] value = FlowValue.of(f, json);

      assertEquals(f, FlowValue.figures(value), f.toString());
      assertArrayEquals(json, FlowValue.json(value), f.toString());
    }
  }

  @Test
  void amountsBeyondALongKeepEveryDigit() {
    BigDecimal huge = new BigDecimal(new BigInteger("123456789012345678901234567890"), 2);
    SummaryFigures f = figures("C1", huge.negate(), huge);

    SummaryFigures back = FlowValue.figures(FlowValue.of(f, new byte[] {'{', '}'}));

    assertEquals(huge.negate(), back.amount());
    assertEquals(huge, back.balance().postBalance());
  }

  @Test
  void bytesThatAreNoFlowValueAreRefused() {
    byte[] value =
        FlowValue.of(
            figures("C1", new BigDecimal("1.00"), new BigDecimal("2.00")), new byte[] {'{', '}'});

    assertThrows(IllegalArgumentException.class, () -> FlowValue.figures(new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> FlowValue.json(new byte[] {5, 1}));
    byte[] cut = Arrays.copyOf(value, 20);
    assertThrows(IllegalArgumentException.class, () -> FlowValue.figures(cut));
    byte[] longer = value.clone();
    longer[0]++; // the figures would take one byte of the JSON
    assertThrows(IllegalArgumentException.class, () -> FlowValue.figures(longer));
  }

  private static SummaryFigures randomFigures(Random r) {
    String client = "C" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
    return new SummaryFigures(
        new CustomerDayKey(
            client.substring(0, Math.min(18, client.length())),
            19_900_101 + r.nextInt(1_000_000),
            MoneyType.values()[r.nextInt(MoneyType.values().length)]),
        amount(r),
        Category.values()[r.nextInt(Category.values().length)],
        new BalancePoint(
            LocalDateTime.of(
                1 + r.nextInt(9999),
                1 + r.nextInt(12),
                1 + r.nextInt(28),
                r.nextInt(24),
                r.nextInt(60),
                r.nextInt(60),
                r.nextInt(1_000_000_000)),
            r.nextInt(5) == 0 ? r.nextLong() : r.nextInt(10_000_000),
            amount(r)));
  }

  private static BigDecimal amount(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> BigDecimal.valueOf(r.nextLong(), 2);
      case 1 -> new BigDecimal(new BigInteger(70 + r.nextInt(30), r), 2).negate();
      case 2 -> BigDecimal.ZERO.setScale(2);
      default -> BigDecimal.valueOf(r.nextInt(), 2);
    };
  }

  private static SummaryFigures figures(String client, BigDecimal amount, BigDecimal balance) {
    return new SummaryFigures(
        new CustomerDayKey(client, 20261119, MoneyType.CNY), amount, Category.TRANSFER_IN,
        new BalancePoint(LocalDateTime.of(2026, 11, 19, 9, 30), 7, balance));
  }
}
