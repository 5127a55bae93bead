package io.fundflow.generator;

import io.fundflow.common.changelog.ChangeOp;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates one simulated trading day from {@link GeneratorSettings}: the counter system's change
 * log on the ODS topics, the authoritative day-end data, and the faults between them. Pure (no I/O,
 * no clock) and deterministic: the same settings give byte-identical output.
 *
 * <p>Usage: {@code GeneratedDay day =
 * TradingDayGenerator.generate(GeneratorSettings.defaults(date));}
 */
public final class TradingDayGenerator {

  private TradingDayGenerator() {}

  /** Generates the day. */
  public static GeneratedDay generate(GeneratorSettings settings) {
    // The population depends on the seed alone; the day's events also on the date.
    Population population =
        Population.draw(settings.seed(), settings.tradingDate(), settings.customers());
    Random random = new Random(settings.seed() ^ (settings.initDate() * 0x9E3779B97F4A7C15L));
    MarketTimeline timeline = new MarketTimeline(settings.tradingDate());
    RowVersions versions = new RowVersions(settings.goldenGateShare(), random);
    int initDate = settings.initDate();

    List<Channel> channels = dimensionsBeforeTheOpen(population, timeline, versions);
    Map<String, Customer> customers = new LinkedHashMap<>();
    population.customers().forEach(c -> customers.put(c.clientId(), c));
    changeDimensions(population, customers, channels, timeline, random, versions);

    AdvisoryPlanner.Book book =
        new AdvisoryPlanner(timeline, random, versions).plan(population.customers());

    List<JournalItem> items = new JournalPlanner(settings, timeline, random).plan(population);
    List<FundJournalEntry> journal = new ArrayList<>();
    List<Fault> faults = new ArrayList<>();
    for (JournalItem item : items) {
      journalVersions(item, initDate, random, versions);
      if (item.fate.inDayEnd()) {
        journal.add(item.entry(initDate));
      }
      Fault fault = fault(item, initDate);
      if (fault != null) {
        faults.add(fault);
      }
    }

    long firstPosition = settings.tradingDate().toEpochDay() * 100_000_000L;
    List<TimedChange> changeLog =
        new ChangeLogAssembler(random, firstPosition)
            .assemble(versions.all(), settings.malformedMessages());
    DayEndData dayEnd =
        new DayEndData(
            initDate,
            journal,
            new ArrayList<>(customers.values()),
            channels,
            book.contracts(),
            book.orders());
    return new GeneratedDay(settings, changeLog, dayEnd, new FaultManifest(faults));
  }

  /** Channels and customers as the connector's snapshot reads them before the open. */
  private static List<Channel> dimensionsBeforeTheOpen(
      Population population, MarketTimeline timeline, RowVersions versions) {
    LocalDateTime at = timeline.snapshot();
    for (Channel c : population.channels()) {
      versions.add(at, ChangeOp.SNAPSHOT, null, c, versions.style());
      at = at.plusNanos(2_000_000);
    }
    for (Customer c : population.customers()) {
      versions.add(at, ChangeOp.SNAPSHOT, null, c, versions.style());
      at = at.plusNanos(2_000_000);
    }
    return new ArrayList<>(population.channels());
  }

  /**
   * The day's dimension changes: a customer opens an account, a few change their mobile number,
   * risk level or key-client flag, and a channel is renamed over lunch.
   */
  private static void changeDimensions(
      Population population,
      Map<String, Customer> customers,
      List<Channel> channels,
      MarketTimeline timeline,
      Random random,
      RowVersions versions) {
    Customer newcomer = population.newcomer();
    customers.put(newcomer.clientId(), newcomer);
    versions.add(
        timeline.between(random, LocalTime.of(9, 5), LocalTime.of(9, 25)),
        ChangeOp.INSERT,
        null,
        newcomer,
        versions.style());

    List<Customer> changing = new ArrayList<>(population.customers());
    Collections.shuffle(changing, random);
    int count = Math.max(1, changing.size() / 50);
    for (Customer before : changing.subList(0, count)) {
      Customer after;
      switch (random.nextInt(3)) {
        case 0:
          after =
              new Customer(
                  before.clientId(),
                  before.clientName(),
                  before.idKind(),
                  before.idNo(),
                  String.format("139%08d", random.nextInt(100_000_000)),
                  before.branchNo(),
                  before.openDate(),
                  before.clientStatus(),
                  before.riskLevel(),
                  before.keyClient());
          break;
        case 1:
          after =
              new Customer(
                  before.clientId(),
                  before.clientName(),
                  before.idKind(),
                  before.idNo(),
                  before.mobile(),
                  before.branchNo(),
                  before.openDate(),
                  before.clientStatus(),
                  before.riskLevel() % 5 + 1,
                  before.keyClient());
          break;
        default:
          after =
              new Customer(
                  before.clientId(),
                  before.clientName(),
                  before.idKind(),
                  before.idNo(),
                  before.mobile(),
                  before.branchNo(),
                  before.openDate(),
                  before.clientStatus(),
                  before.riskLevel(),
                  !before.keyClient());
      }
      customers.put(after.clientId(), after);
      versions.add(
          timeline.between(random, LocalTime.of(9, 0), LocalTime.of(15, 30)),
          ChangeOp.UPDATE,
          before,
          after,
          versions.style());
    }

    int w = channels.size() - 1;
    Channel renamedFrom = channels.get(w);
    Channel renamed = new Channel(renamedFrom.channelCode(), "微信小程序", renamedFrom.channelType());
    channels.set(w, renamed);
    versions.add(
        timeline.between(random, LocalTime.of(12, 0), LocalTime.of(12, 30)),
        ChangeOp.UPDATE,
        renamedFrom,
        renamed,
        versions.style());
  }

  /** The change-log versions of one journal entry, by its fate. */
  private static void journalVersions(
      JournalItem item, int initDate, Random random, RowVersions versions) {
    RowVersions.Style style =
        new RowVersions.Style(
            item.goldenGate ? Envelope.GOLDENGATE : Envelope.DEBEZIUM, item.wrapped);
    FundJournalEntry entry = item.entry(initDate);
    LocalDateTime insert = item.time.plusNanos((20 + random.nextInt(280)) * 1_000_000L);
    switch (item.fate) {
      case MISSING:
        return;
      case WRONG_AMOUNT:
        versions.add(
            insert,
            ChangeOp.INSERT,
            null,
            item.entryWithAmount(initDate, item.streamedAmount),
            style);
        return;
      case UPDATED:
        {
          FundJournalEntry provisional =
              new FundJournalEntry(
                  entry.initDate(),
                  entry.serialNo(),
                  entry.occurTime(),
                  entry.clientId(),
                  entry.fundAccount(),
                  entry.branchNo(),
                  entry.moneyType(),
                  entry.businessFlag(),
                  entry.occurBalance(),
                  entry.postBalance(),
                  null,
                  "处理中");
          versions.add(insert, ChangeOp.INSERT, null, provisional, style);
          versions.add(
              item.time.plusSeconds(10 + random.nextInt(290)),
              ChangeOp.UPDATE,
              provisional,
              entry,
              style);
          return;
        }
      case DELETED:
        versions.add(insert, ChangeOp.INSERT, null, entry, style);
        versions.add(
            item.time.plusSeconds(5 + random.nextInt(595)), ChangeOp.DELETE, entry, null, style);
        return;
      default:
        versions.add(insert, ChangeOp.INSERT, null, entry, style);
    }
  }

  private static Fault fault(JournalItem item, int initDate) {
    FaultKind kind;
    switch (item.fate) {
      case MISSING:
        kind = FaultKind.MISSING;
        break;
      case WRONG_AMOUNT:
        kind = FaultKind.WRONG_AMOUNT;
        break;
      case ROLLED_BACK:
        kind = FaultKind.ROLLED_BACK;
        break;
      default:
        return null;
    }
    return new Fault(
        kind,
        initDate,
        item.serialNo,
        item.account.owner().clientId(),
        item.account.fundAccount(),
        item.account.moneyType(),
        item.flag,
        item.time,
        kind == FaultKind.ROLLED_BACK ? null : item.amount,
        kind == FaultKind.MISSING
            ? null
            : kind == FaultKind.WRONG_AMOUNT ? item.streamedAmount : item.amount);
  }
}
