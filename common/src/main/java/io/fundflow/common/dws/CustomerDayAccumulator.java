package io.fundflow.common.dws;

import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.FundFlow;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The running customer-day summary of one {@link CustomerDayKey}, kept in stream state (Flink) and
 * aggregation buffers (Spark). An update of a flow is {@code retract(old)} then {@code add(new)}; a
 * delete is {@code retract(old)}.
 *
 * <p>Every field is a sum over signed multiplicities (+1 per add, −1 per retract), so the state
 * is an abelian group: any arrival order of the same adds and retracts, and any split into
 * accumulators later merged, ends in the same state. A retract that arrives before its add leaves
 * negative counts for a while; they cancel when the add comes.
 *
 * <p>To recompute "last POST_BALANCE" exactly when the latest entry is retracted, the day's balance
 * points are kept (a customer has few entries a day), each with its multiplicity.
 *
 * <p>Not thread-safe, like any piece of keyed state.
 */
public final class CustomerDayAccumulator implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  /** Set by the constructor or by the first flow, so that an engine's empty "zero" works. */
  private CustomerDayKey key;

  private BigDecimal inflow = ZERO;
  private BigDecimal outflow = ZERO;
  private long entryCount;
  // HashMap, not EnumMap: engines that serialize state field by field (Flink's Kryo fallback)
  // cannot re-create an EnumMap, which has no no-argument constructor.
  private final HashMap<Category, BigDecimal> categorySums = new HashMap<>();
  private final HashMap<Category, Long> categoryCounts = new HashMap<>();
  private final TreeMap<BalancePoint, Integer> balancePoints = new TreeMap<>();

  /** An empty accumulator that takes its key from the first flow added or merged. */
  public CustomerDayAccumulator() {}

  /** An empty accumulator for this key. */
  public CustomerDayAccumulator(CustomerDayKey key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  /** The key, or null while the accumulator is keyless and has seen nothing. */
  public CustomerDayKey key() {
    return key;
  }

  /** Counts a flow (a new entry, or the new version of an updated one). */
  public CustomerDayAccumulator add(FundFlow flow) {
    apply(flow, 1);
    return this;
  }

  /** Uncounts a flow previously added (the old version of an updated entry, or a deleted one). */
  public CustomerDayAccumulator retract(FundFlow flow) {
    apply(flow, -1);
    return this;
  }

  /** Adds everything {@code other} counted into this accumulator; {@code other} is unchanged. */
  public CustomerDayAccumulator merge(CustomerDayAccumulator other) {
    adoptKey(other.key);
    inflow = inflow.add(other.inflow);
    outflow = outflow.add(other.outflow);
    entryCount += other.entryCount;
    other.categorySums.forEach((c, sum) -> addCategory(c, sum, 0));
    other.categoryCounts.forEach((c, count) -> addCategory(c, ZERO, count));
    other.balancePoints.forEach(this::addBalancePoint);
    return this;
  }

  /**
   * True when nothing is counted any more (every add retracted): the stream can clear its state and
   * delete the served summary.
   */
  public boolean isEmpty() {
    return entryCount == 0
        && inflow.signum() == 0
        && outflow.signum() == 0
        && categorySums.isEmpty()
        && categoryCounts.isEmpty()
        && balancePoints.isEmpty();
  }

  /**
   * The summary of what is counted now.
   *
   * @throws IllegalStateException when the accumulator is keyless and has seen nothing
   */
  public CustomerDaySummary toSummary() {
    if (key == null) {
      throw new IllegalStateException("an accumulator that has seen no flow has no key");
    }
    EnumMap<Category, CategoryTotal> byCategory = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      BigDecimal sum = categorySums.get(c);
      Long count = categoryCounts.get(c);
      if (sum != null || count != null) {
        byCategory.put(
            c, new CategoryTotal(sum == null ? ZERO : sum, count == null ? 0 : count));
      }
    }
    BalancePoint last = lastPresent();
    return new CustomerDaySummary(
        key,
        inflow,
        outflow,
        inflow.subtract(outflow),
        entryCount,
        byCategory,
        last == null ? null : last.postBalance(),
        last == null ? null : last.occurTime(),
        last == null ? null : last.serialNo());
  }

  private void apply(FundFlow flow, int sign) {
    adoptKey(CustomerDayKey.of(flow));
    BigDecimal amount = flow.occurBalance().setScale(2, RoundingMode.UNNECESSARY);
    BigDecimal signed = sign > 0 ? amount : amount.negate();
    if (amount.signum() > 0) {
      inflow = inflow.add(signed);
    } else if (amount.signum() < 0) {
      outflow = outflow.subtract(signed);
    }
    entryCount += sign;
    addCategory(flow.category(), signed, sign);
    addBalancePoint(
        new BalancePoint(
            flow.occurTime(),
            flow.serialNo(),
            flow.postBalance().setScale(2, RoundingMode.UNNECESSARY)),
        sign);
  }

  private void adoptKey(CustomerDayKey other) {
    if (other == null) {
      return;
    }
    if (key == null) {
      key = other;
    } else if (!key.equals(other)) {
      throw new IllegalArgumentException("flow of " + other + " given to the summary of " + key);
    }
  }

  private void addCategory(Category c, BigDecimal sum, long count) {
    // Sum and count are kept in separate maps so that each drops out exactly when it is zero,
    // whatever order adds and retracts came in.
    if (sum.signum() != 0) {
      categorySums.merge(c, sum, (a, b) -> nullIfZero(a.add(b)));
    }
    if (count != 0) {
      categoryCounts.merge(c, count, (a, b) -> a + b == 0 ? null : a + b);
    }
  }

  private void addBalancePoint(BalancePoint p, int multiplicity) {
    balancePoints.merge(p, multiplicity, (a, b) -> a + b == 0 ? null : a + b);
  }

  /** The latest balance point counted a positive number of times; null when there is none. */
  private BalancePoint lastPresent() {
    for (Map.Entry<BalancePoint, Integer> e : balancePoints.descendingMap().entrySet()) {
      if (e.getValue() > 0) {
        return e.getKey();
      }
    }
    return null;
  }

  private static BigDecimal nullIfZero(BigDecimal value) {
    return value.signum() == 0 ? null : value;
  }
}
