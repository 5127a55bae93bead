package io.fundflow.common.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.ChannelType;
import io.fundflow.common.model.ContractStatus;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import io.fundflow.common.model.OrderStatus;
import io.fundflow.common.model.OrderType;
import io.fundflow.common.model.SourceRow;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every row the encoders write, in every envelope and op, decodes through {@link ChangeLogDecoder}
 * to the same row, op and position.
 */
class EncoderRoundTripProperties {

  private final ChangeLogDecoder decoder = new ChangeLogDecoder();

  enum Envelope {
    DEBEZIUM_PLAIN(DebeziumMessages::plain),
    DEBEZIUM_WRAPPED(DebeziumMessages::wrapped),
    GOLDENGATE(GoldenGateMessages::encode);

    final Function<RowChange, byte[]> encode;

    Envelope(Function<RowChange, byte[]> encode) {
      this.encode = encode;
    }
  }

  @Property(tries = 400)
  void encodedRowDecodesToItself(
      @ForAll("rows") SourceRow row,
      @ForAll("rows") SourceRow otherRow,
      @ForAll Envelope envelope,
      @ForAll ChangeOp op,
      @ForAll("positions") long position) {
    SourceTable table = SourceRowColumns.tableOf(row);
    long commit = 1_795_051_862_123L + position % 1_000_000;
    var image = SourceRowColumns.of(row);
    // An update carries a before image of the same table when one is at hand.
    var before =
        op == ChangeOp.DELETE
            ? image
            : op == ChangeOp.UPDATE && SourceRowColumns.tableOf(otherRow) == table
                ? SourceRowColumns.of(otherRow)
                : null;
    var after = op == ChangeOp.DELETE ? null : image;
    RowChange change = new RowChange(table, op, before, after, position, commit);

    DecodeResult result = decoder.decode(table.odsTopic(), envelope.encode.apply(change));

    ChangeEvent event =
        assertInstanceOf(DecodeResult.Decoded.class, result, result::toString).event();
    assertEquals(table, event.table());
    assertEquals(expectedOp(envelope, op), event.op());
    assertEquals(row, event.row());
    assertEquals(position, event.position().position());
    assertEquals(commit, event.sourceTimeMillis());
    if (before != null && op == ChangeOp.UPDATE) {
      assertEquals(otherRow, event.before());
    }
  }

  @Property(tries = 50)
  void keysNameTheRowsPrimaryKey(@ForAll("rows") SourceRow row) {
    SourceTable table = SourceRowColumns.tableOf(row);
    var columns = SourceRowColumns.of(row);
    String gg =
        new String(GoldenGateMessages.key(table, columns), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(row.primaryKey().replace('/', '_'), gg);
    String dbz =
        new String(DebeziumMessages.key(table, columns), java.nio.charset.StandardCharsets.UTF_8);
    for (SourceColumn key : SourceSchema.keyColumns(table)) {
      assertEquals(true, dbz.contains("\"" + key.name() + "\":"), dbz);
    }
  }

  private static ChangeOp expectedOp(Envelope envelope, ChangeOp op) {
    return envelope == Envelope.GOLDENGATE && op == ChangeOp.SNAPSHOT ? ChangeOp.INSERT : op;
  }

  @Provide
  Arbitrary<Long> positions() {
    return Arbitraries.longs().between(0, 99_999_999_999_999L);
  }

  @Provide
  Arbitrary<SourceRow> rows() {
    return Arbitraries.oneOf(journal(), customers(), channels(), contracts(), orders());
  }

  private static Arbitrary<BigDecimal> money() {
    return Arbitraries.bigDecimals()
        .between(new BigDecimal("-99999999999.99"), new BigDecimal("99999999999.99"))
        .ofScale(2);
  }

  private static Arbitrary<LocalDateTime> times() {
    return Arbitraries.longs()
        .between(0, 400L * 24 * 3600 * 1000)
        .map(ms -> LocalDateTime.of(2026, 1, 1, 0, 0).plus(ms, ChronoUnit.MILLIS));
  }

  private static Arbitrary<String> codes(int max) {
    return Arbitraries.strings().withChars("0123456789ABCDEFXYZ").ofMinLength(1).ofMaxLength(max);
  }

  private static Arbitrary<String> texts() {
    return Arbitraries.strings()
        .withChars("abc 张伟王芳,\"'\\/0123456789")
        .ofMinLength(1)
        .ofMaxLength(30)
        .filter(s -> !s.isBlank() && s.strip().equals(s))
        .injectNull(0.2);
  }

  private static Arbitrary<SourceRow> journal() {
    return Combinators.combine(
            Arbitraries.of(20241231, 20250102, 20261119),
            Arbitraries.longs().between(1, 999_999_999_999L),
            times(),
            codes(18),
            Arbitraries.of(MoneyType.class),
            Arbitraries.of(2041, 2042, 4001, 4002, 4101, 4201, 4301, 4401, 4402),
            money(),
            money())
        .as(
            (date, serial, time, client, moneyType, flag, amount, post) ->
                (SourceRow)
                    new FundJournalEntry(
                        date,
                        serial,
                        time,
                        client,
                        "6" + client,
                        3101,
                        moneyType,
                        flag,
                        amount,
                        post,
                        "7",
                        "card 6222 transfer"));
  }

  private static Arbitrary<SourceRow> customers() {
    return Combinators.combine(
            codes(18), texts(), Arbitraries.integers().between(1, 5), Arbitraries.of(true, false))
        .as(
            (client, name, risk, key) ->
                (SourceRow)
                    new Customer(
                        client,
                        name,
                        "0",
                        "110101198001011234",
                        "13812345678",
                        3101,
                        20190315,
                        "0",
                        risk,
                        key));
  }

  private static Arbitrary<SourceRow> channels() {
    return Combinators.combine(
            codes(4), texts().filter(s -> s != null), Arbitraries.of(ChannelType.class))
        .as((code, name, type) -> (SourceRow) new Channel(code, name, type));
  }

  private static Arbitrary<SourceRow> contracts() {
    return Combinators.combine(
            codes(32),
            codes(18),
            times(),
            times().injectNull(0.5),
            Arbitraries.of(ContractStatus.class))
        .as(
            (id, client, apply, sign, status) ->
                (SourceRow)
                    new AdvisoryContract(id, client, "PF-STEADY", 3101, apply, sign, null, status));
  }

  private static Arbitrary<SourceRow> orders() {
    return Combinators.combine(
            codes(32),
            Arbitraries.of(OrderType.class),
            money().filter(m -> m.signum() > 0),
            times(),
            Arbitraries.of(OrderStatus.class))
        .as(
            (id, type, amount, time, status) ->
                (SourceRow)
                    new AdvisoryOrder(
                        id,
                        "C" + id.substring(0, Math.min(8, id.length())),
                        "100200300",
                        "PF-GROWTH",
                        type,
                        amount,
                        time,
                        20261119,
                        status));
  }
}
