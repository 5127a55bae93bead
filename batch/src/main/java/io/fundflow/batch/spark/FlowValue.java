package io.fundflow.batch.spark;

import io.fundflow.common.dwd.Category;
import io.fundflow.common.dws.BalancePoint;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.SummaryFigures;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;

/**
 * An expected flow as the shuffle carries it: its {@link SummaryFigures} in a small binary form,
 * then the flow's JSON cell as HBase stores it. The diff task counts the figures into the
 * customer-day summaries without decoding the JSON again, which took ~40% of its time.
 *
 * <pre>
 * u8 figures length | figures | JSON
 * figures: u8 client id length, client id (UTF-8), i32 INIT_DATE, u8 MONEY_TYPE, u8 category,
 *          decimal amount, i64 epoch day and i64 nano of day of OCCUR_TIME, i64 SERIAL_NO,
 *          decimal POST_BALANCE
 * decimal: u8 scale, then i8 n = 0 and an i64 unscaled value, or n > 0 and n bytes of it
 * </pre>
 *
 * Only this job writes and reads it, within one run, so it has no version.
 */
public final class FlowValue {

  private static final MoneyType[] MONEY_TYPES = MoneyType.values();
  private static final Category[] CATEGORIES = Category.values();

  private FlowValue() {}

  /** The shuffle value of a flow with these figures and this JSON cell. */
  public static byte[] of(SummaryFigures f, byte[] json) {
    byte[] client = f.key().clientId().getBytes(StandardCharsets.UTF_8);
    if (client.length > 255) {
      throw new IllegalArgumentException("client id over 255 bytes: " + f.key().clientId());
    }
    BigDecimal amount = f.amount();
    BigDecimal postBalance = f.balance().postBalance();
    int figures =
        1 + client.length + 4 + 1 + 1 + decimalSize(amount) + 3 * 8 + decimalSize(postBalance);
    if (figures > 255) {
      throw new IllegalArgumentException("flow figures over 255 bytes: " + f);
    }
    ByteBuffer b = ByteBuffer.allocate(1 + figures + json.length);
    b.put((byte) figures);
    b.put((byte) client.length).put(client);
    b.putInt(f.key().initDate());
    b.put((byte) f.key().moneyType().ordinal());
    b.put((byte) f.category().ordinal());
    putDecimal(b, amount);
    LocalDateTime t = f.balance().occurTime();
    b.putLong(t.toLocalDate().toEpochDay()).putLong(t.toLocalTime().toNanoOfDay());
    b.putLong(f.balance().serialNo());
    putDecimal(b, postBalance);
    return b.put(json).array();
  }

  /** The flow's JSON cell. */
  public static byte[] json(byte[] value) {
    return Arrays.copyOfRange(value, 1 + figuresLength(value), value.length);
  }

  /**
   * The flow's summary figures.
   *
   * @throws IllegalArgumentException when the bytes are not a value {@link #of} wrote
   */
  public static SummaryFigures figures(byte[] value) {
    try {
      ByteBuffer b = ByteBuffer.wrap(value, 1, figuresLength(value));
      byte[] client = new byte[Byte.toUnsignedInt(b.get())];
      b.get(client);
      CustomerDayKey key =
          new CustomerDayKey(
              new String(client, StandardCharsets.UTF_8), b.getInt(), MONEY_TYPES[b.get()]);
      Category category = CATEGORIES[b.get()];
      BigDecimal amount = getDecimal(b);
      LocalDateTime time =
          LocalDateTime.of(LocalDate.ofEpochDay(b.getLong()), LocalTime.ofNanoOfDay(b.getLong()));
      long serial = b.getLong();
      BigDecimal postBalance = getDecimal(b);
      if (b.hasRemaining()) {
        throw new IllegalArgumentException("flow figures longer than their fields");
      }
      return new SummaryFigures(key, amount, category, new BalancePoint(time, serial, postBalance));
    } catch (BufferUnderflowException | IndexOutOfBoundsException | DateTimeException e) {
      throw new IllegalArgumentException("not a shuffled flow's figures: " + e, e);
    }
  }

  private static int figuresLength(byte[] value) {
    if (value.length == 0 || Byte.toUnsignedInt(value[0]) >= value.length) {
      throw new IllegalArgumentException("not a shuffled flow: " + value.length + " bytes");
    }
    return Byte.toUnsignedInt(value[0]);
  }

  private static int decimalSize(BigDecimal d) {
    BigInteger unscaled = d.unscaledValue();
    return 2 + (unscaled.bitLength() < 64 ? 8 : unscaled.toByteArray().length);
  }

  private static void putDecimal(ByteBuffer b, BigDecimal d) {
    b.put((byte) d.scale());
    BigInteger unscaled = d.unscaledValue();
    if (unscaled.bitLength() < 64) {
      b.put((byte) 0).putLong(unscaled.longValueExact());
    } else {
      byte[] bytes = unscaled.toByteArray();
      b.put((byte) bytes.length).put(bytes);
    }
  }

  private static BigDecimal getDecimal(ByteBuffer b) {
    int scale = b.get();
    int n = Byte.toUnsignedInt(b.get());
    if (n == 0) {
      return BigDecimal.valueOf(b.getLong(), scale);
    }
    byte[] bytes = new byte[n];
    b.get(bytes);
    return new BigDecimal(new BigInteger(bytes), scale);
  }
}
