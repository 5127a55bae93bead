package io.fundflow.common.dws;

import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.FundFlow;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
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
    return add(SummaryFigures.of(flow));
  }

  /** Counts a flow given by its summary figures alone. */
  public CustomerDayAccumulator add(SummaryFigures flow) {
    apply(flow, 1);
    return this;
  }

  /** Uncounts a flow previously added (the old version of an updated entry, or a deleted one). */
  public CustomerDayAccumulator retract(FundFlow flow) {
    apply(SummaryFigures.of(flow), -1);
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

  /**
   * Everything the accumulator holds, as read-only views (no copy: an engine's state serializer
   * reads them on every state access). They follow later changes of the accumulator.
   */
  public Parts parts() {
    return new Parts(
        key,
        inflow,
        outflow,
        entryCount,
        Collections.unmodifiableMap(categorySums),
        Collections.unmodifiableMap(categoryCounts),
        Collections.unmodifiableSortedMap(balancePoints));
  }

  /**
   * An accumulator holding exactly {@code parts} (copied), as {@link #parts()} gave them.
   *
   * @throws IllegalArgumentException when a map holds a zero, which a real accumulator never keeps
   *     (its zeros drop out, and {@link #isEmpty()} relies on it)
   */
  public static CustomerDayAccumulator restore(Parts parts) {
    CustomerDayAccumulator acc = new CustomerDayAccumulator();
    acc.key = parts.key();
    acc.inflow = parts.inflow();
    acc.outflow = parts.outflow();
    acc.entryCount = parts.entryCount();
    parts.categorySums().forEach((c, sum) -> acc.categorySums.put(c, nonZero(sum.signum(), c, sum)));
    parts
        .categoryCounts()
        .forEach((c, count) -> acc.categoryCounts.put(c, nonZero(Long.signum(count), c, count)));
    parts.balancePoints().forEach((p, m) -> nonZero(m, p, m));
    // From a sorted map of the same (natural) order, TreeMap builds in linear time, no comparisons.
    if (parts.balancePoints().comparator() != null) {
      throw new IllegalArgumentException("balance points must be in their natural order");
    }
    acc.balancePoints.putAll(parts.balancePoints());
    return acc;
  }

  private static <V> V nonZero(int signum, Object key, V value) {
    Objects.requireNonNull(key, "map key");
    if (signum == 0) {
      throw new IllegalArgumentException("zero kept for " + key + ": a real accumulator drops it");
    }
    return value;
  }

  /**
   * The parts of an accumulator, for an engine that stores it in its own binary format rather than
   * through Java serialization or a reflective serializer.
   *
   * @param key the summary's key, null while the accumulator has seen nothing
   * @param inflow the sum of positive amounts (scale 2)
   * @param outflow the sum of negated negative amounts (scale 2)
   * @param entryCount the entries counted (adds minus retracts)
   * @param categorySums the signed amount per category, without zeros
   * @param categoryCounts the entries per category, without zeros
   * @param balancePoints each balance point with its multiplicity, without zeros
   */
  public record Parts(
      CustomerDayKey key,
      BigDecimal inflow,
      BigDecimal outflow,
      long entryCount,
      Map<Category, BigDecimal> categorySums,
      Map<Category, Long> categoryCounts,
      SortedMap<BalancePoint, Integer> balancePoints) {

    public Parts {
      Objects.requireNonNull(inflow, "inflow");
      Objects.requireNonNull(outflow, "outflow");
      Objects.requireNonNull(categorySums, "categorySums");
      Objects.requireNonNull(categoryCounts, "categoryCounts");
      Objects.requireNonNull(balancePoints, "balancePoints");
    }
  }

  private void apply(SummaryFigures flow, int sign) {
    adoptKey(flow.key());
    BigDecimal amount = flow.amount();
    BigDecimal signed = sign > 0 ? amount : amount.negate();
    if (amount.signum() > 0) {
      inflow = inflow.add(signed);
    } else if (amount.signum() < 0) {
      outflow = outflow.subtract(signed);
    }
    entryCount += sign;
    addCategory(flow.category(), signed, sign);
    addBalancePoint(flow.balance(), sign);
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
