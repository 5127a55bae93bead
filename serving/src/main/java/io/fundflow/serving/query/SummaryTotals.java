package io.fundflow.serving.query;

import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CategoryTotal;
import io.fundflow.common.dws.CustomerDaySummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * Adds customer-day summaries and single flows of one currency into the totals a summary answers:
 * inflow, outflow (a positive number), net, count and per-category signed sums and counts, with the
 * same definitions as the DWS summary (SPEC §2).
 */
public final class SummaryTotals {

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private BigDecimal inflow = ZERO;
  private BigDecimal outflow = ZERO;
  private long count;
  private final Map<Category, BigDecimal> categorySums = new EnumMap<>(Category.class);
  private final Map<Category, Long> categoryCounts = new EnumMap<>(Category.class);

  /** Adds a whole customer-day. */
  public void add(CustomerDaySummary s) {
    inflow = inflow.add(s.inflow());
    outflow = outflow.add(s.outflow());
    count += s.entryCount();
    s.byCategory().forEach((c, t) -> addCategory(c, t.sum(), t.count()));
  }

  /** Adds one flow. */
  public void add(FundFlow f) {
    BigDecimal amount = f.occurBalance();
    if (amount.signum() > 0) {
      inflow = inflow.add(amount);
    } else if (amount.signum() < 0) {
      outflow = outflow.add(amount.negate());
    }
    count++;
    addCategory(f.category(), amount, 1);
  }

  private void addCategory(Category c, BigDecimal sum, long n) {
    categorySums.merge(c, sum, BigDecimal::add);
    categoryCounts.merge(c, n, Long::sum);
  }

  public BigDecimal inflow() {
    return scaled(inflow);
  }

  public BigDecimal outflow() {
    return scaled(outflow);
  }

  /** Inflow minus outflow. */
  public BigDecimal net() {
    return scaled(inflow.subtract(outflow));
  }

  public long count() {
    return count;
  }

  /** Per category, in enum order; categories without entries are absent. */
  public Map<Category, CategoryTotal> byCategory() {
    Map<Category, CategoryTotal> out = new EnumMap<>(Category.class);
    categorySums.forEach(
        (c, sum) -> out.put(c, new CategoryTotal(scaled(sum), categoryCounts.get(c))));
    return out;
  }

  private static BigDecimal scaled(BigDecimal v) {
    // Inputs have scale 2; this only normalises a sum that started from a differently scaled zero.
    return v.setScale(2, RoundingMode.UNNECESSARY);
  }
}
