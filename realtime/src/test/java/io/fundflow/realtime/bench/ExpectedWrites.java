package io.fundflow.realtime.bench;

import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.dws.CustomerDayAccumulator;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.hbase.CellVersion;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.RowMutation;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The HBase writes the fund-flow job makes for a workload, built with the same common rules and row
 * codecs ({@link FundFlowRows}, {@link CustomerDayRows}): per change, the detail put (or delete, and
 * the delete of a moved row), the manifest entry once, and the customer-day summary after each
 * change (one write for an update within its summary, as {@code DayDelta} does) or, as the least any
 * job must write, once per customer-day at the end. The bare-HBase baselines write exactly these.
 */
final class ExpectedWrites {

  private ExpectedWrites() {}

  /** Counts of what a workload makes the job write and leave in HBase. */
  record Counts(long detailMutations, long summaryMutations, long liveDetailRows, long liveSummaryRows) {

    /** Every detail and summary mutation (the day-bucket manifest entries come on top). */
    long mutations() {
      return detailMutations + summaryMutations;
    }
  }

  /** The counts, from the change log alone. */
  static Counts count(BenchWorkload w) {
    long details = 0;
    long summaries = 0;
    Map<String, FundJournalEntry> live = new HashMap<>();
    for (BenchWorkload.Change c : w.changes()) {
      switch (c.op()) {
        case "c" -> {
          details += 1;
          summaries += 1;
          live.put(c.after().primaryKey(), c.after());
        }
        case "u" -> {
          boolean moved = !c.before().occurTime().equals(c.after().occurTime());
          details += moved ? 2 : 1;
          // The bench's updates keep the money type: one summary write retracting and adding.
          summaries += 1;
          live.put(c.after().primaryKey(), c.after());
        }
        default -> {
          details += 1;
          summaries += 1;
          live.remove(c.before().primaryKey());
        }
      }
    }
    // The stream never deletes a summary row (an emptied customer-day is an empty cell), so every
    // customer-day any change touched has a row at the end, live entries or not.
    Set<String> days = new HashSet<>();
    for (BenchWorkload.Change c : w.changes()) {
      for (FundJournalEntry e : new FundJournalEntry[] {c.before(), c.after()}) {
        if (e != null) {
          days.add(e.clientId() + "/" + e.initDate() + "/" + e.moneyType());
        }
      }
    }
    return new Counts(details, summaries, live.size(), days.size());
  }

  /** The detail rowkeys HBase holds at the end: one per live entry. */
  static Set<ByteBuffer> liveDetailRowKeys(BenchWorkload w) {
    Map<String, FundJournalEntry> live = new HashMap<>();
    for (BenchWorkload.Change c : w.changes()) {
      if (c.after() != null) {
        live.put(c.after().primaryKey(), c.after());
      } else {
        live.remove(c.before().primaryKey());
      }
    }
    Set<ByteBuffer> keys = new HashSet<>();
    for (FundJournalEntry e : live.values()) {
      keys.add(ByteBuffer.wrap(rowKey(e)));
    }
    return keys;
  }

  /** The detail rowkey of a journal entry (it does not depend on the dimensions). */
  static byte[] rowKey(FundJournalEntry e) {
    return FundFlowRows.rowKey(bare(e));
  }

  /**
   * Replays the workload into {@code out}: the detail writes of each change in the order the job
   * emits them, and the customer-day summaries either after every change ({@code
   * summaryPerChange}) or each day's final summary once, at its newest version, after all details.
   */
  static void replay(BenchWorkload w, boolean summaryPerChange, Consumer<RowMutation> out) {
    Map<String, Customer> customers =
        w.customers().stream().collect(Collectors.toMap(Customer::clientId, Function.identity()));
    Map<String, Channel> channels =
        w.channels().stream().collect(Collectors.toMap(Channel::channelCode, Function.identity()));
    Map<CustomerDayKey, CustomerDayAccumulator> days = new HashMap<>();
    // The newest version of each changed day, when only the final summaries are written.
    Map<CustomerDayKey, Long> changedDays = summaryPerChange ? null : new LinkedHashMap<>();
    Summaries summaries = new Summaries(days, changedDays, out);
    Set<Long> manifest = new HashSet<>();
    for (BenchWorkload.Change c : w.changes()) {
      long version = CellVersion.stream(c.scn());
      FundFlow previous = c.before() == null ? null : bare(c.before());
      FundFlow current =
          c.after() == null
              ? null
              : FundFlowBuilder.build(
                  c.after(),
                  Optional.of(customers.get(c.after().clientId())),
                  Optional.of(channels.get(c.after().channel())));
      if (previous != null && (current == null || FundFlowRows.rowKeyChanged(previous, current))) {
        out.accept(FundFlowRows.delete(previous, version));
      }
      if (current != null) {
        out.accept(FundFlowRows.put(current, version));
        LocalDate occurDay = current.occurTime().toLocalDate();
        if (manifest.add(((long) current.initDate() << 32) | occurDay.toEpochDay())) {
          out.accept(FundFlowRows.manifest(current.initDate(), occurDay, version));
        }
      }
      if (previous != null && current != null
          && CustomerDayKey.of(previous).equals(CustomerDayKey.of(current))) {
        summaries.change(CustomerDayKey.of(current), a -> a.retract(previous).add(current), version);
        continue;
      }
      if (previous != null) {
        summaries.change(CustomerDayKey.of(previous), a -> a.retract(previous), version);
      }
      if (current != null) {
        summaries.change(CustomerDayKey.of(current), a -> a.add(current), version);
      }
    }
    if (changedDays == null) {
      return;
    }
    changedDays.forEach(
        (key, version) -> {
          CustomerDayAccumulator acc = days.get(key);
          out.accept(
              acc == null
                  ? CustomerDayRows.empty(key, version)
                  : CustomerDayRows.put(acc.toSummary(), version));
        });
  }

  /** Applies changes to the days' accumulators and writes the summary now or notes the day. */
  private record Summaries(
      Map<CustomerDayKey, CustomerDayAccumulator> days,
      Map<CustomerDayKey, Long> changedDays,
      Consumer<RowMutation> out) {

    void change(CustomerDayKey key, Consumer<CustomerDayAccumulator> change, long version) {
      CustomerDayAccumulator acc = days.computeIfAbsent(key, CustomerDayAccumulator::new);
      change.accept(acc);
      if (acc.isEmpty()) {
        days.remove(key);
      }
      if (changedDays != null) {
        changedDays.merge(key, version, Math::max);
      } else if (acc.isEmpty()) {
        out.accept(CustomerDayRows.empty(key, version));
      } else {
        out.accept(CustomerDayRows.put(acc.toSummary(), version));
      }
    }
  }

  private static FundFlow bare(FundJournalEntry entry) {
    return FundFlowBuilder.build(entry, Optional.empty(), Optional.empty());
  }
}
