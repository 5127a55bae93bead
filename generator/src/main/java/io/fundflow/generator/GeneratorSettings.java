package io.fundflow.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: one trading day, seeded. The same settings always give byte-identical output.
 *
 * @param seed the random seed; customers and channels depend on it alone (the same population every
 *     day), the day's events on it and the date
 * @param tradingDate the trading day (INIT_DATE); a weekday
 * @param customers number of customers, at least 10
 * @param entriesPerCustomer average fund-journal entries per customer and day (fees included), > 0
 * @param missingFaults entries of the day-end data never sent on the stream
 * @param wrongAmountFaults entries whose last streamed version has another amount than day-end
 * @param rolledBackFaults entries sent on the stream that day-end does not hold
 * @param goldenGateShare share of rows (0..1) whose changes travel in GoldenGate envelopes; the
 *     rest are Debezium, a third of them with the schema wrapper
 * @param malformedMessages broken messages (bad JSON, missing key column, bad decimal) in turn
 */
public record GeneratorSettings(
    long seed,
    LocalDate tradingDate,
    int customers,
    double entriesPerCustomer,
    int missingFaults,
    int wrongAmountFaults,
    int rolledBackFaults,
    double goldenGateShare,
    int malformedMessages) {

  /** Default customers of a day. */
  public static final int DEFAULT_CUSTOMERS = 200;

  /** Default entries per customer. */
  public static final double DEFAULT_ENTRIES_PER_CUSTOMER = 6.0;

  /** Default count of each fault kind. */
  public static final int DEFAULT_FAULTS = 4;

  /** Default share of GoldenGate rows. */
  public static final double DEFAULT_GOLDENGATE_SHARE = 0.3;

  /** Default number of malformed messages. */
  public static final int DEFAULT_MALFORMED = 6;

  public GeneratorSettings {
    Objects.requireNonNull(tradingDate, "tradingDate");
    if (tradingDate.getDayOfWeek() == DayOfWeek.SATURDAY
        || tradingDate.getDayOfWeek() == DayOfWeek.SUNDAY) {
      throw new IllegalArgumentException("tradingDate " + tradingDate + " is not a weekday");
    }
    if (tradingDate.getYear() < 2000 || tradingDate.getYear() > 9999) {
      throw new IllegalArgumentException("tradingDate " + tradingDate + " is out of range");
    }
    if (customers < 10 || customers > 10_000_000) {
      throw new IllegalArgumentException("customers must be in 10..10000000: " + customers);
    }
    if (!(entriesPerCustomer > 0) || entriesPerCustomer > 1000) {
      throw new IllegalArgumentException(
          "entriesPerCustomer must be in (0, 1000]: " + entriesPerCustomer);
    }
    int faults = missingFaults + wrongAmountFaults + rolledBackFaults;
    if (missingFaults < 0 || wrongAmountFaults < 0 || rolledBackFaults < 0) {
      throw new IllegalArgumentException("fault counts must not be negative");
    }
    if (faults > customers / 2) {
      throw new IllegalArgumentException(
          "at most customers/2 faults in all (each hits its own customer): " + faults);
    }
    if (!(goldenGateShare >= 0 && goldenGateShare <= 1)) {
      throw new IllegalArgumentException("goldenGateShare must be in 0..1: " + goldenGateShare);
    }
    if (malformedMessages < 0 || malformedMessages > 10_000) {
      throw new IllegalArgumentException(
          "malformedMessages must be in 0..10000: " + malformedMessages);
    }
  }

  /** The defaults for {@code tradingDate}: seed 42, 200 customers, 4 faults of each kind. */
  public static GeneratorSettings defaults(LocalDate tradingDate) {
    return new GeneratorSettings(
        42L,
        tradingDate,
        DEFAULT_CUSTOMERS,
        DEFAULT_ENTRIES_PER_CUSTOMER,
        DEFAULT_FAULTS,
        DEFAULT_FAULTS,
        DEFAULT_FAULTS,
        DEFAULT_GOLDENGATE_SHARE,
        DEFAULT_MALFORMED);
  }

  /** The trading day as yyyymmdd. */
  public int initDate() {
    return tradingDate.getYear() * 10_000
        + tradingDate.getMonthValue() * 100
        + tradingDate.getDayOfMonth();
  }

  public GeneratorSettings withSeed(long value) {
    return new GeneratorSettings(
        value,
        tradingDate,
        customers,
        entriesPerCustomer,
        missingFaults,
        wrongAmountFaults,
        rolledBackFaults,
        goldenGateShare,
        malformedMessages);
  }

  public GeneratorSettings withCustomers(int value) {
    return new GeneratorSettings(
        seed,
        tradingDate,
        value,
        entriesPerCustomer,
        missingFaults,
        wrongAmountFaults,
        rolledBackFaults,
        goldenGateShare,
        malformedMessages);
  }

  public GeneratorSettings withEntriesPerCustomer(double value) {
    return new GeneratorSettings(
        seed,
        tradingDate,
        customers,
        value,
        missingFaults,
        wrongAmountFaults,
        rolledBackFaults,
        goldenGateShare,
        malformedMessages);
  }

  /** The same count for each of the three fault kinds. */
  public GeneratorSettings withFaults(int missing, int wrongAmount, int rolledBack) {
    return new GeneratorSettings(
        seed,
        tradingDate,
        customers,
        entriesPerCustomer,
        missing,
        wrongAmount,
        rolledBack,
        goldenGateShare,
        malformedMessages);
  }

  public GeneratorSettings withGoldenGateShare(double value) {
    return new GeneratorSettings(
        seed,
        tradingDate,
        customers,
        entriesPerCustomer,
        missingFaults,
        wrongAmountFaults,
        rolledBackFaults,
        value,
        malformedMessages);
  }

  public GeneratorSettings withMalformedMessages(int value) {
    return new GeneratorSettings(
        seed,
        tradingDate,
        customers,
        entriesPerCustomer,
        missingFaults,
        wrongAmountFaults,
        rolledBackFaults,
        goldenGateShare,
        value);
  }
}
