package io.fundflow.generator;

import io.fundflow.common.changelog.ChangeOp;
import io.fundflow.common.changelog.DebeziumMessages;
import io.fundflow.common.changelog.GoldenGateMessages;
import io.fundflow.common.changelog.RowChange;
import io.fundflow.common.changelog.SourceRowColumns;
import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.names.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns the day's committed row versions into the change log as it reaches Kafka: source positions
 * in commit order, each version encoded in its row's envelope, sent shortly after its commit, a
 * tombstone after each Debezium delete; then what real streams add: exact duplicates, older
 * versions replayed after newer ones, and a few malformed messages.
 */
final class ChangeLogAssembler {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final Random random;
  private final long firstPosition;

  /** A message with its place in the order it was produced (ties on send time keep it). */
  private record Pending(TimedChange change, long order) {}

  /** A version with its position and the message that carries it. */
  private record Encoded(RowVersion version, long position, TimedChange message) {}

  ChangeLogAssembler(Random random, long firstPosition) {
    this.random = random;
    this.firstPosition = firstPosition;
  }

  List<TimedChange> assemble(List<RowVersion> versions, int malformed) {
    List<RowVersion> inCommitOrder = new ArrayList<>(versions);
    inCommitOrder.sort(
        Comparator.comparing(RowVersion::commitTime).thenComparingLong(RowVersion::seq));
    List<Pending> out = new ArrayList<>();
    List<Encoded> encoded = new ArrayList<>();
    long position = firstPosition;
    for (RowVersion v : inCommitOrder) {
      // SCNs advance between one table's commits by what other sessions commit meanwhile.
      position += 1 + random.nextInt(5);
      RowChange change = change(v, columns(v.before()), columns(v.after()), position);
      Instant sendAt = instant(v.commitTime()).plusMillis(50 + random.nextInt(750));
      TimedChange message =
          new TimedChange(
              sendAt, topic(v), key(v, change), encode(v, change), v.envelope(), kind(v.op()));
      encoded.add(new Encoded(v, position, message));
      add(out, message);
      if (v.op() == ChangeOp.DELETE && v.envelope() == Envelope.DEBEZIUM) {
        add(
            out,
            new TimedChange(
                sendAt.plusMillis(1),
                message.topic(),
                message.key(),
                null,
                Envelope.DEBEZIUM,
                ChangeKind.TOMBSTONE));
      }
    }
    addDuplicates(out, encoded);
    addLateVersions(out, encoded);
    addMalformed(out, encoded, malformed);
    out.sort(
        Comparator.comparing((Pending p) -> p.change().sendAt()).thenComparingLong(Pending::order));
    return out.stream().map(Pending::change).toList();
  }

  /** About one journal insert in a hundred is sent twice (a producer retry without idempotence). */
  private void addDuplicates(List<Pending> out, List<Encoded> encoded) {
    List<Encoded> inserts = journal(encoded, ChangeOp.INSERT);
    int count = Math.min(inserts.size(), Math.max(3, inserts.size() / 100));
    for (int i = 0; i < count; i++) {
      TimedChange m = inserts.get(random.nextInt(inserts.size())).message();
      add(
          out,
          new TimedChange(
              m.sendAt().plusMillis(1 + random.nextInt(30_000)),
              m.topic(),
              m.key(),
              m.value(),
              m.envelope(),
              ChangeKind.DUPLICATE));
    }
  }

  /**
   * Half of the journal rows with several versions (at least two rows) get their first version
   * replayed after the last: a late insert after an update, or after the row's delete.
   */
  private void addLateVersions(List<Pending> out, List<Encoded> encoded) {
    Map<String, List<Encoded>> byRow = new LinkedHashMap<>();
    for (Encoded e : encoded) {
      if (e.version().table() == SourceTable.FUND_JOURNAL) {
        byRow.computeIfAbsent(e.version().rowKey(), k -> new ArrayList<>()).add(e);
      }
    }
    int replayed = 0;
    for (List<Encoded> row : byRow.values()) {
      if (row.size() < 2 || (replayed >= 2 && random.nextBoolean())) {
        continue;
      }
      replayed++;
      TimedChange first = row.get(0).message();
      TimedChange last = row.get(row.size() - 1).message();
      add(
          out,
          new TimedChange(
              last.sendAt().plusMillis(1_000 + random.nextInt(60_000)),
              first.topic(),
              first.key(),
              first.value(),
              first.envelope(),
              ChangeKind.LATE_VERSION));
    }
  }

  /**
   * Broken retransmissions of journal inserts, in turn: cut-off JSON, the SERIAL_NO key column
   * missing, an amount with three decimals. The intact message is sent too, so none of them changes
   * what the stream should hold.
   */
  private void addMalformed(List<Pending> out, List<Encoded> encoded, int count) {
    List<Encoded> inserts = journal(encoded, ChangeOp.INSERT);
    for (int i = 0; i < count && !inserts.isEmpty(); i++) {
      Encoded e = inserts.get(random.nextInt(inserts.size()));
      TimedChange m = e.message();
      byte[] value;
      switch (i % 3) {
        case 0:
          value = Arrays.copyOf(m.value(), m.value().length / 2);
          break;
        case 1:
          {
            Map<String, Object> row = new LinkedHashMap<>(columns(e.version().after()));
            row.remove("SERIAL_NO");
            value = encode(e.version(), change(e.version(), null, row, e.position()));
            break;
          }
        default:
          {
            Map<String, Object> row = new LinkedHashMap<>(columns(e.version().after()));
            BigDecimal amount = (BigDecimal) row.get("OCCUR_BALANCE");
            row.put("OCCUR_BALANCE", amount.add(new BigDecimal("0.005")));
            // Precise decimals carry scale 2 by schema: a third decimal only exists as text.
            RowChange change = change(e.version(), null, row, e.position());
            value =
                e.version().envelope() == Envelope.GOLDENGATE
                    ? GoldenGateMessages.encode(change)
                    : DebeziumMessages.plain(change);
          }
      }
      add(
          out,
          new TimedChange(
              m.sendAt().plusMillis(1 + random.nextInt(10_000)),
              m.topic(),
              m.key(),
              value,
              m.envelope(),
              ChangeKind.MALFORMED));
    }
  }

  private static List<Encoded> journal(List<Encoded> encoded, ChangeOp op) {
    return encoded.stream()
        .filter(e -> e.version().op() == op && e.version().table() == SourceTable.FUND_JOURNAL)
        .toList();
  }

  private static void add(List<Pending> out, TimedChange change) {
    out.add(new Pending(change, out.size()));
  }

  private static RowChange change(
      RowVersion v, Map<String, Object> before, Map<String, Object> after, long position) {
    return new RowChange(
        v.table(), v.op(), before, after, position, instant(v.commitTime()).toEpochMilli());
  }

  private static byte[] encode(RowVersion v, RowChange change) {
    if (v.envelope() == Envelope.GOLDENGATE) {
      return GoldenGateMessages.encode(change);
    }
    return v.wrapped() ? DebeziumMessages.wrapped(change) : DebeziumMessages.plain(change);
  }

  private static byte[] key(RowVersion v, RowChange change) {
    return v.envelope() == Envelope.GOLDENGATE
        ? GoldenGateMessages.key(v.table(), change.row())
        : DebeziumMessages.key(v.table(), change.row());
  }

  private static Map<String, Object> columns(io.fundflow.common.model.SourceRow row) {
    return row == null ? null : SourceRowColumns.of(row);
  }

  private static String topic(RowVersion v) {
    switch (v.table()) {
      case FUND_JOURNAL:
        return Topics.ODS_FUND_JOURNAL;
      case CUSTOMER:
        return Topics.ODS_CUSTOMER;
      case CHANNEL:
        return Topics.ODS_CHANNEL;
      case ADVISORY_CONTRACT:
        return Topics.ODS_ADVISORY_CONTRACT;
      default:
        return Topics.ODS_ADVISORY_ORDER;
    }
  }

  private static ChangeKind kind(ChangeOp op) {
    switch (op) {
      case SNAPSHOT:
        return ChangeKind.SNAPSHOT;
      case INSERT:
        return ChangeKind.INSERT;
      case UPDATE:
        return ChangeKind.UPDATE;
      default:
        return ChangeKind.DELETE;
    }
  }

  static Instant instant(LocalDateTime local) {
    return local.atZone(SHANGHAI).toInstant();
  }
}
