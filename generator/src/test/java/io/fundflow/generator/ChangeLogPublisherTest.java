package io.fundflow.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.names.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class ChangeLogPublisherTest {

  private static final Instant T0 = Instant.parse("2026-11-20T01:30:00Z");

  /** A clock that only moves when the publisher sleeps. */
  static final class SleepingClock extends Clock {
    Instant now;
    final List<Duration> sleeps = new ArrayList<>();

    SleepingClock(Instant now) {
      this.now = now;
    }

    void sleep(Duration d) {
      sleeps.add(d);
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static TimedChange change(Instant at, String topic, String value) {
    return new TimedChange(
        at,
        topic,
        "k".getBytes(),
        value == null ? null : value.getBytes(),
        Envelope.DEBEZIUM,
        value == null ? ChangeKind.TOMBSTONE : ChangeKind.INSERT);
  }

  @Test
  void sendsInOrderEachWhenTheClockReachesItAndCountsPerTopic() throws Exception {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    SleepingClock clock = new SleepingClock(T0);
    List<TimedChange> log =
        List.of(
            change(T0.minusSeconds(5), Topics.ODS_CUSTOMER, "a"),
            change(T0.plusSeconds(2), Topics.ODS_FUND_JOURNAL, "b"),
            change(T0.plusSeconds(2), Topics.ODS_FUND_JOURNAL, null),
            change(T0.plusMillis(2_300), Topics.ODS_FUND_JOURNAL, "c"));
    try (ChangeLogPublisher p =
        new ChangeLogPublisher(producer, Pacing.onClock(clock), clock::sleep)) {
      p.publish(log);
      assertEquals(4, p.progress().sent());
      assertEquals(1, p.progress().sent(Topics.ODS_CUSTOMER));
      assertEquals(3, p.progress().sent(Topics.ODS_FUND_JOURNAL));
      assertTrue(p.progress().done());
      assertEquals(T0.plusMillis(2_300), p.progress().lastSendAt());
    }
    List<ProducerRecord<byte[], byte[]>> sent = producer.history();
    assertEquals(4, sent.size());
    assertArrayEquals("a".getBytes(), sent.get(0).value());
    assertEquals(null, sent.get(2).value());
    assertArrayEquals("c".getBytes(), sent.get(3).value());
    // Waited 2 s in steps of at most 500 ms, then 300 ms; never for the late first message.
    assertEquals(
        Duration.ofMillis(2_300), clock.sleeps.stream().reduce(Duration.ZERO, Duration::plus));
    assertTrue(clock.sleeps.stream().allMatch(d -> d.toMillis() <= 500));
    assertEquals(T0.plusMillis(2_300), clock.now);
  }

  @Test
  void asFastAsPossibleNeverSleeps() throws Exception {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    List<Duration> sleeps = new ArrayList<>();
    GeneratedDay day =
        TradingDayGenerator.generate(
            GeneratorSettings.defaults(java.time.LocalDate.of(2026, 11, 20)).withCustomers(30));
    try (ChangeLogPublisher p =
        new ChangeLogPublisher(producer, Pacing.asFastAsPossible(), sleeps::add)) {
      p.publish(day.changeLog());
      assertEquals(day.messagesPerTopic(), p.progress().sentPerTopic());
    }
    assertTrue(sleeps.isEmpty());
    assertEquals(day.changeLog().size(), producer.history().size());
  }

  @Test
  void aRefusedMessageFailsThePublish() {
    // The broker refuses every pending message when the publisher flushes.
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()) {
          @Override
          public synchronized void flush() {
            while (errorNext(new RuntimeException("broker says no"))) {
              // every pending send fails
            }
          }
        };
    ChangeLogPublisher p = new ChangeLogPublisher(producer, Pacing.asFastAsPossible(), d -> {});
    var e =
        assertThrows(
            ChangeLogPublisher.PublishFailedException.class,
            () -> p.publish(List.of(change(T0, Topics.ODS_CHANNEL, "x"))));
    assertTrue(e.getMessage().contains("broker says no"));
    assertEquals(0, p.progress().sent());
  }

  @Test
  void theProducerIsIdempotentWithAcksAll() {
    var props = ChangeLogPublisher.producerProperties("127.0.0.1:1");
    assertEquals("all", props.get("acks"));
    assertEquals("true", props.get("enable.idempotence"));
  }
}
