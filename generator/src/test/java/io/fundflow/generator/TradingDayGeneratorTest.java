package io.fundflow.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.changelog.ChangeEvent;
import io.fundflow.common.changelog.RejectReason;
import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.ContractStatus;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.OrderStatus;
import io.fundflow.common.model.OrderType;
import io.fundflow.common.model.SourceRow;
import io.fundflow.common.names.Topics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TradingDayGeneratorTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final GeneratorSettings SETTINGS = GeneratorSettings.defaults(DAY);
  private static final GeneratedDay GENERATED = TradingDayGenerator.generate(SETTINGS);

  @Test
  void theSameSettingsGiveByteIdenticalOutput() {
    GeneratedDay again = TradingDayGenerator.generate(SETTINGS);
    assertEquals(GENERATED.changeLog().size(), again.changeLog().size());
    for (int i = 0; i < again.changeLog().size(); i++) {
      TimedChange a = GENERATED.changeLog().get(i);
      TimedChange b = again.changeLog().get(i);
      assertEquals(a.sendAt(), b.sendAt());
      assertEquals(a.topic(), b.topic());
      assertEquals(a.envelope(), b.envelope());
      assertEquals(a.kind(), b.kind());
      assertArrayEquals(a.key(), b.key());
      assertArrayEquals(a.value(), b.value(), "message " + i);
    }
    assertEquals(GENERATED.dayEnd(), again.dayEnd());
    assertEquals(GENERATED.faults(), again.faults());
  }

  @Test
  void anotherSeedGivesAnotherDayButTheSameCustomersComeBackEveryDay() {
    GeneratedDay otherSeed = TradingDayGenerator.generate(SETTINGS.withSeed(7));
    assertNotEquals(GENERATED.dayEnd().journal(), otherSeed.dayEnd().journal());

    GeneratedDay nextDay =
        TradingDayGenerator.generate(
            new GeneratorSettings(
                SETTINGS.seed(),
                DAY.plusDays(3),
                SETTINGS.customers(),
                SETTINGS.entriesPerCustomer(),
                4,
                4,
                4,
                0.3,
                6));
    Set<String> ids = ids(GENERATED);
    assertEquals(ids, ids(nextDay));
  }

  private static Set<String> ids(GeneratedDay day) {
    return day.dayEnd().customers().stream()
        .filter(c -> c.openDate() < day.settings().initDate())
        .map(c -> c.clientId() + c.idNo())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyFaultKindComesInTheConfiguredCountEachOnItsOwnCustomer() {
    GeneratedDay day = TradingDayGenerator.generate(SETTINGS.withFaults(3, 5, 2));
    assertEquals(3, day.faults().of(FaultKind.MISSING).size());
    assertEquals(5, day.faults().of(FaultKind.WRONG_AMOUNT).size());
    assertEquals(2, day.faults().of(FaultKind.ROLLED_BACK).size());
    assertEquals(10, day.faults().clientIds().size());
    for (Fault f : day.faults().faults()) {
      assertEquals(
          2, (f.expectedAmount() == null ? f.streamedAmount() : f.expectedAmount()).scale());
      if (f.kind() == FaultKind.WRONG_AMOUNT) {
        assertNotEquals(0, f.expectedAmount().compareTo(f.streamedAmount()));
        assertEquals(f.expectedAmount().signum(), f.streamedAmount().signum());
      }
    }
    for (Fault f : day.faults().of(FaultKind.MISSING)) {
      assertTrue(
          day.dayEnd().journalOf(f.clientId()).stream()
              .anyMatch(e -> e.serialNo() == f.serialNo()
                  && e.occurBalance().equals(f.expectedAmount())),
          f.toString());
    }
    for (Fault f : day.faults().of(FaultKind.ROLLED_BACK)) {
      assertTrue(
          day.dayEnd().journalOf(f.clientId()).stream().noneMatch(e -> e.serialNo() == f.serialNo()));
    }
    GeneratedDay none = TradingDayGenerator.generate(SETTINGS.withFaults(0, 0, 0));
    assertEquals(0, none.faults().size());
  }

  @Test
  void theDecoderAcceptsEveryMessageButTheMalformedOnesAndSkipsTombstones() {
    StreamReplay replay = StreamReplay.of(GENERATED.changeLog());
    long malformed = GENERATED.count(ChangeKind.MALFORMED);
    assertEquals(SETTINGS.malformedMessages(), malformed);
    assertEquals(malformed, replay.rejected.size());
    assertEquals(GENERATED.count(ChangeKind.TOMBSTONE), replay.skipped.size());
    assertEquals(
        GENERATED.changeLog().stream().filter(c -> c.kind().decodes()).count(),
        replay.decoded.size());
    Set<RejectReason> reasons = new TreeSet<>();
    replay.rejected.forEach(r -> reasons.add(r.rejection().reason()));
    assertEquals(
        Set.of(RejectReason.MALFORMED_JSON, RejectReason.MISSING_KEY, RejectReason.BAD_DECIMAL),
        reasons);
  }

  @Test
  void theFinalStreamStateDiffersFromDayEndExactlyByTheFaults() {
    StreamReplay replay = StreamReplay.of(GENERATED.changeLog());
    DayEndData dayEnd = GENERATED.dayEnd();

    Map<String, SourceRow> streamed = replay.rows(SourceTable.FUND_JOURNAL);
    Map<String, FundJournalEntry> expected = new TreeMap<>();
    dayEnd.journal().forEach(e -> expected.put(e.primaryKey(), e));

    Map<String, BigDecimal> missing = new TreeMap<>();
    Map<String, BigDecimal> rolledBack = new TreeMap<>();
    Map<String, BigDecimal[]> wrong = new TreeMap<>();
    expected.forEach(
        (k, e) -> {
          FundJournalEntry s = (FundJournalEntry) streamed.get(k);
          if (s == null) {
            missing.put(k, e.occurBalance());
          } else if (!s.equals(e)) {
            wrong.put(k, new BigDecimal[] {e.occurBalance(), s.occurBalance()});
            // Only the amount (and the balance it moves) may differ.
            assertEquals(e.clientId(), s.clientId());
            assertEquals(e.occurTime(), s.occurTime());
            assertEquals(e.remark(), s.remark());
            assertEquals(
                e.postBalance().subtract(e.occurBalance()),
                s.postBalance().subtract(s.occurBalance()));
          }
        });
    streamed.forEach(
        (k, s) -> {
          if (!expected.containsKey(k)) {
            rolledBack.put(k, ((FundJournalEntry) s).occurBalance());
          }
        });

    Map<String, BigDecimal> faultMissing = new TreeMap<>();
    Map<String, BigDecimal> faultRolledBack = new TreeMap<>();
    Map<String, String> faultWrong = new TreeMap<>();
    for (Fault f : GENERATED.faults().faults()) {
      switch (f.kind()) {
        case MISSING -> faultMissing.put(f.primaryKey(), f.expectedAmount());
        case ROLLED_BACK -> faultRolledBack.put(f.primaryKey(), f.streamedAmount());
        default -> faultWrong.put(f.primaryKey(), f.expectedAmount() + "->" + f.streamedAmount());
      }
    }
    assertEquals(faultMissing, missing);
    assertEquals(faultRolledBack, rolledBack);
    Map<String, String> wrongText = new TreeMap<>();
    wrong.forEach((k, v) -> wrongText.put(k, v[0] + "->" + v[1]));
    assertEquals(faultWrong, wrongText);
    assertEquals(SETTINGS.missingFaults(), missing.size());
    assertEquals(SETTINGS.rolledBackFaults(), rolledBack.size());
    assertEquals(SETTINGS.wrongAmountFaults(), wrong.size());

    // Every other table ends exactly as day-end has it.
    assertEquals(byKey(dayEnd.customers()), replay.rows(SourceTable.CUSTOMER));
    assertEquals(byKey(dayEnd.channels()), replay.rows(SourceTable.CHANNEL));
    assertEquals(byKey(dayEnd.contracts()), replay.rows(SourceTable.ADVISORY_CONTRACT));
    assertEquals(byKey(dayEnd.orders()), replay.rows(SourceTable.ADVISORY_ORDER));
  }

  private static Map<String, SourceRow> byKey(List<? extends SourceRow> rows) {
    Map<String, SourceRow> m = new TreeMap<>();
    rows.forEach(r -> m.put(r.primaryKey(), r));
    return m;
  }

  @Test
  void sourcePositionsIncreaseInCommitOrderAndLateVersionsCarryTheirOlderPosition() {
    List<TimedChange> originals = new ArrayList<>();
    for (TimedChange c : GENERATED.changeLog()) {
      if (c.kind() == ChangeKind.SNAPSHOT
          || c.kind() == ChangeKind.INSERT
          || c.kind() == ChangeKind.UPDATE
          || c.kind() == ChangeKind.DELETE) {
        originals.add(c);
      }
    }
    List<ChangeEvent> events = StreamReplay.of(originals).decoded;
    List<ChangeEvent> byPosition = new ArrayList<>(events);
    byPosition.sort(Comparator.comparingLong(e -> e.position().position()));
    for (int i = 1; i < byPosition.size(); i++) {
      assertTrue(
          byPosition.get(i).position().position() > byPosition.get(i - 1).position().position(),
          "positions are unique");
      assertTrue(
          byPosition.get(i).sourceTimeMillis() >= byPosition.get(i - 1).sourceTimeMillis(),
          "a higher position never commits earlier");
    }

    // A late version is older than the version the stream already had when it arrived.
    StreamReplay all = StreamReplay.of(GENERATED.changeLog());
    long late = 0;
    Map<String, Long> newest = new HashMap<>();
    for (TimedChange c : GENERATED.changeLog()) {
      var r = new io.fundflow.common.changelog.ChangeLogDecoder().decode(c.topic(), c.value());
      if (r instanceof io.fundflow.common.changelog.DecodeResult.Decoded d) {
        String key = d.event().table() + d.event().primaryKey();
        long p = d.event().position().position();
        if (c.kind() == ChangeKind.LATE_VERSION) {
          assertTrue(p < newest.get(key), "late version at " + p + " after " + newest.get(key));
          late++;
        }
        newest.merge(key, p, Math::max);
      }
    }
    assertTrue(late >= 2, "late versions: " + late);
    assertFalse(all.decoded.isEmpty());
  }

  @Test
  void everyKindOfMessageAndBothEnvelopesAppear() {
    for (ChangeKind kind : ChangeKind.values()) {
      assertTrue(GENERATED.count(kind) > 0, kind + " missing");
    }
    Map<Envelope, Long> envelopes = new TreeMap<>();
    GENERATED.changeLog().forEach(c -> envelopes.merge(c.envelope(), 1L, Long::sum));
    assertTrue(envelopes.get(Envelope.GOLDENGATE) > GENERATED.changeLog().size() / 10);
    assertTrue(envelopes.get(Envelope.DEBEZIUM) > GENERATED.changeLog().size() / 3);
    assertTrue(
        GENERATED.changeLog().stream()
            .anyMatch(
                c -> c.value() != null && new String(c.value(), 0, 10).startsWith("{\"schema\"")));
    for (String topic : Topics.ODS) {
      assertTrue(GENERATED.messagesPerTopic().getOrDefault(topic, 0L) > 0, topic);
    }

    GeneratedDay allGoldenGate = TradingDayGenerator.generate(SETTINGS.withGoldenGateShare(1));
    assertTrue(
        allGoldenGate.changeLog().stream().allMatch(c -> c.envelope() == Envelope.GOLDENGATE));
    GeneratedDay allDebezium = TradingDayGenerator.generate(SETTINGS.withGoldenGateShare(0));
    assertTrue(allDebezium.changeLog().stream().allMatch(c -> c.envelope() == Envelope.DEBEZIUM));
  }

  @Test
  void theChangeLogIsInSendOrderWithTheDimensionSnapshotBeforeTheOpen() {
    List<TimedChange> log = GENERATED.changeLog();
    for (int i = 1; i < log.size(); i++) {
      assertFalse(log.get(i).sendAt().isBefore(log.get(i - 1).sendAt()));
    }
    TimedChange firstJournal =
        log.stream()
            .filter(c -> c.topic().equals(Topics.ODS_FUND_JOURNAL))
            .findFirst()
            .orElseThrow();
    long snapshotsAfterFirstJournal =
        log.subList(log.indexOf(firstJournal), log.size()).stream()
            .filter(c -> c.kind() == ChangeKind.SNAPSHOT)
            .count();
    assertEquals(0, snapshotsAfterFirstJournal);
    LocalTime firstSnapshot = log.get(0).sendAt().atZone(SHANGHAI).toLocalTime();
    assertEquals(ChangeKind.SNAPSHOT, log.get(0).kind());
    assertTrue(firstSnapshot.isBefore(LocalTime.of(9, 0)), firstSnapshot.toString());
    assertEquals(DAY, log.get(0).sendAt().atZone(SHANGHAI).toLocalDate());
  }

  @Test
  void journalAmountsAndBalancesAreConsistentPerAccountThroughTheDay() {
    Map<String, List<FundJournalEntry>> byAccount = new TreeMap<>();
    GENERATED
        .dayEnd()
        .journal()
        .forEach(e -> byAccount.computeIfAbsent(e.fundAccount(), k -> new ArrayList<>()).add(e));
    for (List<FundJournalEntry> entries : byAccount.values()) {
      entries.sort(
          Comparator.comparing(FundJournalEntry::occurTime)
              .thenComparingLong(FundJournalEntry::serialNo));
      for (int i = 0; i < entries.size(); i++) {
        FundJournalEntry e = entries.get(i);
        assertEquals(2, e.occurBalance().scale());
        assertEquals(2, e.postBalance().scale());
        assertNotEquals(0, e.occurBalance().signum(), e.toString());
        if (i > 0) {
          assertEquals(
              entries.get(i - 1).postBalance().add(e.occurBalance()),
              e.postBalance(),
              "POST_BALANCE runs on " + e);
        }
        boolean reversal = e.remark() != null && e.remark().startsWith("冲正");
        int expectedSign = Set.of(2041, 4002, 4101, 4301, 4402).contains(e.businessFlag()) ? 1 : -1;
        assertEquals(
            reversal ? -expectedSign : expectedSign, e.occurBalance().signum(), e.toString());
      }
    }
    // Serial numbers follow time.
    List<FundJournalEntry> bySerial = new ArrayList<>(GENERATED.dayEnd().journal());
    bySerial.sort(Comparator.comparingLong(FundJournalEntry::serialNo));
    for (int i = 1; i < bySerial.size(); i++) {
      assertFalse(bySerial.get(i).occurTime().isBefore(bySerial.get(i - 1).occurTime()));
    }
    assertTrue(GENERATED.dayEnd().journal().stream().anyMatch(e -> e.remark().startsWith("冲正")));
  }

  @Test
  void tradesKeepToTheSessionsBurstAtTheOpenAndLunchIsQuiet() {
    int openBurst = 0;
    int lunch = 0;
    for (FundJournalEntry e : GENERATED.dayEnd().journal()) {
      LocalTime t = e.occurTime().toLocalTime();
      boolean reversal = e.remark().startsWith("冲正");
      if (!reversal && Set.of(4001, 4002, 4201).contains(e.businessFlag())) {
        boolean morning = !t.isBefore(LocalTime.of(9, 30)) && t.isBefore(LocalTime.of(11, 30, 5));
        boolean afternoon = !t.isBefore(LocalTime.of(13, 0)) && t.isBefore(LocalTime.of(15, 0, 5));
        assertTrue(morning || afternoon, e.toString());
      }
      if (!t.isBefore(LocalTime.of(9, 30)) && t.isBefore(LocalTime.of(10, 0))) {
        openBurst++;
      }
      if (!t.isBefore(LocalTime.of(11, 45)) && t.isBefore(LocalTime.of(12, 45))) {
        lunch++;
      }
    }
    // Per minute: 30 minutes after the open against an hour of lunch.
    assertTrue(openBurst / 30.0 > 5 * (lunch / 60.0), openBurst + " vs " + lunch);
  }

  @Test
  void theAdvisoryBookHasTheDaysApplicationsSigningsTerminationsAndOrders() {
    DayEndData d = GENERATED.dayEnd();
    int day = SETTINGS.initDate();
    Set<ContractStatus> statuses = new TreeSet<>();
    d.contracts().forEach(c -> statuses.add(c.status()));
    assertEquals(Set.of(ContractStatus.values()), statuses);
    assertTrue(
        d.contracts().stream()
            .anyMatch(c -> c.signTime() != null && c.signTime().toLocalDate().equals(DAY)));
    assertTrue(
        d.contracts().stream()
            .anyMatch(
                c -> c.terminateTime() != null && c.terminateTime().toLocalDate().equals(DAY)));
    Set<OrderType> todaysTypes = new TreeSet<>();
    for (AdvisoryOrder o : d.orders()) {
      assertTrue(o.amount().signum() > 0 && o.amount().scale() == 2, o.toString());
      assertTrue(o.tradeDate() <= day);
      if (o.tradeDate() == day) {
        todaysTypes.add(o.orderType());
      }
    }
    assertEquals(Set.of(OrderType.values()), todaysTypes);
    assertTrue(d.orders().stream().anyMatch(o -> o.status() == OrderStatus.CANCELLED));
    for (var c : d.contracts()) {
      assertTrue(c.applyTime().toLocalDate().compareTo(DAY) <= 0);
      if (c.status() == ContractStatus.APPLIED || c.status() == ContractStatus.REJECTED) {
        assertNull(c.signTime());
      } else {
        assertFalse(c.signTime().isBefore(c.applyTime()));
      }
    }
  }

  @Test
  void badSettingsAreRefusedWithTheSettingNamed() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> SETTINGS.withCustomers(3));
    assertTrue(e.getMessage().contains("customers"));
    var weekend =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> GeneratorSettings.defaults(LocalDate.of(2026, 11, 21)));
    assertTrue(weekend.getMessage().contains("weekday"));
  }
}
