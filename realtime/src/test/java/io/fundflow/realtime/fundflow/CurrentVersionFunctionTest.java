package io.fundflow.realtime.fundflow;

import static io.fundflow.realtime.fundflow.Journal.delete;
import static io.fundflow.realtime.fundflow.Journal.entry;
import static io.fundflow.realtime.fundflow.Journal.insert;
import static io.fundflow.realtime.fundflow.Journal.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.realtime.decode.RowChange;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CurrentVersionFunctionTest {

  private KeyedOneInputStreamOperatorTestHarness<String, RowChange<FundJournalEntry>, JournalChange> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new CurrentVersionFunction(Duration.ofDays(1))),
            c -> c.row().primaryKey(),
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private void send(RowChange<FundJournalEntry> c) throws Exception {
    harness.processElement(new StreamRecord<>(c, 0));
  }

  private List<JournalChange> out() {
    return harness.extractOutputValues();
  }

  @Test
  void anInsertHasNoPreviousVersion() throws Exception {
    FundJournalEntry e = entry(1, "c1", "100.00");
    send(insert(e, 10));
    assertEquals(1, out().size());
    assertNull(out().get(0).previous());
    assertEquals(e, out().get(0).current());
  }

  @Test
  void aDuplicateIsDropped() throws Exception {
    FundJournalEntry e = entry(1, "c1", "100.00");
    send(insert(e, 10));
    send(insert(e, 10));
    assertEquals(1, out().size());
  }

  @Test
  void anUpdateRetractsThePreviousVersionThisStreamCounted() throws Exception {
    FundJournalEntry v1 = entry(1, "c1", "50000.00");
    FundJournalEntry v2 = entry(1, "c1", "5000.00");
    send(insert(v1, 10));
    send(update(v1, v2, 20));
    JournalChange change = out().get(1);
    assertEquals(v1, change.previous());
    assertTrue(change.previousCounted());
    assertEquals(v2, change.current());
  }

  @Test
  void anOlderVersionArrivingLateIsIgnored() throws Exception {
    FundJournalEntry v1 = entry(1, "c1", "50000.00");
    FundJournalEntry v2 = entry(1, "c1", "5000.00");
    send(update(v1, v2, 20));
    send(insert(v1, 10));
    assertEquals(1, out().size());
    assertEquals(v2, out().get(0).current());
  }

  @Test
  void aLateInsertAfterTheDeleteDoesNotResurrectTheRow() throws Exception {
    FundJournalEntry v1 = entry(1, "c1", "50000.00");
    send(delete(v1, 30));
    send(insert(v1, 10));
    assertEquals(1, out().size(), "only the delete comes out");
    assertNull(out().get(0).current());
  }

  @Test
  void aRowFirstSeenThroughItsDeleteIsRemovedButNotRetracted() throws Exception {
    FundJournalEntry v1 = entry(1, "c1", "50000.00");
    send(delete(v1, 30));
    JournalChange change = out().get(0);
    assertEquals(v1, change.previous());
    assertFalse(change.previousCounted(), "sums never saw it, so they must not lose it");
  }

  @Test
  void aDeleteOfACountedRowRetractsIt() throws Exception {
    FundJournalEntry v1 = entry(1, "c1", "50000.00");
    send(insert(v1, 10));
    send(delete(v1, 30));
    assertEquals(v1, out().get(1).previous());
    assertTrue(out().get(1).previousCounted());
    assertNull(out().get(1).current());
  }

  @Test
  void aRowsVersionIsForgottenAfterTheTimeToLive() throws Exception {
    FundJournalEntry e = entry(1, "c1", "1.00");
    harness.setStateTtlProcessingTime(0);
    send(insert(e, 10));
    send(insert(e, 10));
    assertEquals(1, out().size(), "within the TTL a replay is a duplicate");

    harness.setStateTtlProcessingTime(Duration.ofDays(1).toMillis() + 1);
    send(insert(e, 10));
    assertEquals(2, out().size(), "after the TTL the version is gone, so state stays bounded");
  }
}
