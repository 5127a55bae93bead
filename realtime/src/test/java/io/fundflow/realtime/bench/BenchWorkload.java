package io.fundflow.realtime.bench;

import io.fundflow.common.model.Channel;
import io.fundflow.common.model.ChannelType;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A trading day's change log for the benchmark: many customers, a few channels, and journal changes
 * in source order — mostly inserts, some updates (a few of which move the entry's time, hence its
 * rowkey) and some deletes. Deterministic for a seed.
 *
 * @param initDate the trading day every entry belongs to (and occurs on)
 * @param customers the CUSTOMER rows
 * @param channels the CHANNEL rows
 * @param changes the FUND_JOURNAL changes, in source (SCN) order
 */
record BenchWorkload(
    int initDate, List<Customer> customers, List<Channel> channels, List<Change> changes) {

  /** One FUND_JOURNAL change. */
  record Change(String op, FundJournalEntry before, FundJournalEntry after, long scn) {

    /** The row image the change leaves (after), or removes (before, for a delete). */
    FundJournalEntry row() {
      return after != null ? after : before;
    }
  }

  /** Business flags with the sign their category expects, weighted roughly like a real day. */
  private static final int[][] FLAGS = {
    {4001, -1}, {4001, -1}, {4001, -1}, {4002, 1}, {4002, 1}, {4002, 1}, {4201, -1}, {4201, -1},
    {2041, 1}, {2042, -1}, {4101, 1}, {4301, 1}, {4401, -1}, {4402, 1}
  };

  /** The customer ids of a run: a run tag keeps runs on a shared stack apart. */
  static String clientId(long runTag, int index) {
    return "B" + runTag + String.format("%07d", index);
  }

  /**
   * Generates {@code flows} journal changes over {@code customerCount} customers.
   *
   * @param firstScn the SCN of the first change; later ones follow one by one
   */
  static BenchWorkload generate(
      long seed, long runTag, LocalDate day, int flows, int customerCount, long firstScn) {
    SplittableRandom random = new SplittableRandom(seed);
    int initDate = day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    List<Channel> channels = new ArrayList<>();
    ChannelType[] types = ChannelType.values();
    for (int i = 0; i < 8; i++) {
      channels.add(new Channel(Integer.toString(i + 1), "渠道" + (i + 1), types[i % types.length]));
    }
    List<Customer> customers = new ArrayList<>(customerCount);
    for (int i = 0; i < customerCount; i++) {
      customers.add(
          new Customer(
              clientId(runTag, i),
              "客户" + i,
              "0",
              "11010119800101" + String.format("%04d", i % 10_000),
              "138" + String.format("%08d", i % 100_000_000),
              3100 + i % 20,
              20190315,
              "0",
              1 + i % 5,
              i % 10 == 0));
    }
    List<Change> changes = new ArrayList<>(flows);
    List<FundJournalEntry> live = new ArrayList<>(flows);
    LocalDateTime open = day.atTime(9, 0);
    long scn = firstScn;
    long serial = 1;
    for (int i = 0; i < flows; i++) {
      int dice = random.nextInt(100);
      if (dice < 90 || live.size() < 100) {
        FundJournalEntry e = newEntry(random, initDate, serial++, open, i, flows, customers, channels);
        live.add(e);
        changes.add(new Change("c", null, e, scn++));
      } else if (dice < 97) {
        int at = random.nextInt(live.size());
        FundJournalEntry old = live.get(at);
        FundJournalEntry updated = updated(random, old);
        live.set(at, updated);
        changes.add(new Change("u", old, updated, scn++));
      } else {
        int at = random.nextInt(live.size());
        FundJournalEntry old = live.get(at);
        live.set(at, live.get(live.size() - 1));
        live.remove(live.size() - 1);
        changes.add(new Change("d", old, null, scn++));
      }
    }
    return new BenchWorkload(initDate, customers, channels, changes);
  }

  /** An insert of a new entry; the day's entries spread over 09:00–15:00 in serial order. */
  static FundJournalEntry newEntry(
      SplittableRandom random,
      int initDate,
      long serial,
      LocalDateTime open,
      int index,
      int total,
      List<Customer> customers,
      List<Channel> channels) {
    Customer c = customers.get(random.nextInt(customers.size()));
    int[] flag = FLAGS[random.nextInt(FLAGS.length)];
    long cents = 100 + random.nextLong(5_000_000);
    BigDecimal amount = BigDecimal.valueOf(flag[1] * cents, 2);
    int moneyDice = random.nextInt(20);
    MoneyType money = moneyDice == 0 ? MoneyType.USD : moneyDice == 1 ? MoneyType.HKD : MoneyType.CNY;
    long millisIntoDay = (long) index * (6L * 3_600_000L) / Math.max(1, total);
    return new FundJournalEntry(
        initDate,
        serial,
        open.plusNanos(millisIntoDay * 1_000_000L),
        c.clientId(),
        "6" + c.clientId().substring(1),
        c.branchNo(),
        money,
        flag[0],
        amount,
        BigDecimal.valueOf(random.nextLong(100_000_000), 2),
        channels.get(random.nextInt(channels.size())).channelCode(),
        "bench entry " + serial + " card 6222020200" + (serial % 1_000_000));
  }

  /** A corrected amount; one update in five also moves the entry's time, so its rowkey moves. */
  private static FundJournalEntry updated(SplittableRandom random, FundJournalEntry e) {
    BigDecimal amount =
        BigDecimal.valueOf(e.occurBalance().signum() * (100 + random.nextLong(5_000_000)), 2);
    LocalDateTime time = random.nextInt(5) == 0 ? e.occurTime().plusSeconds(1) : e.occurTime();
    return new FundJournalEntry(
        e.initDate(), e.serialNo(), time, e.clientId(), e.fundAccount(), e.branchNo(),
        e.moneyType(), e.businessFlag(), amount, e.postBalance(), e.channel(), e.remark());
  }
}
