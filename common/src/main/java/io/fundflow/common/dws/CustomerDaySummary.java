package io.fundflow.common.dws;

import io.fundflow.common.dwd.Category;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The customer-day fund-flow summary (SPEC §2 DWS, topic {@code dws.customer_day}). Amounts have
 * scale 2.
 *
 * @param inflow sum of the positive amounts
 * @param outflow sum of the magnitudes of the negative amounts, a non-negative number
 * @param net {@code inflow - outflow}, equal to the sum of all signed amounts
 * @param entryCount entries of the day, zero amounts included (they are in neither sum)
 * @param byCategory signed sum and count per category; categories without entries are absent
 * @param lastPostBalance POST_BALANCE of the latest entry by (OCCUR_TIME, SERIAL_NO); null when the
 *     day has no entries
 * @param lastOccurTime OCCUR_TIME of that entry, null with it
 * @param lastSerialNo SERIAL_NO of that entry, null with it
 */
public record CustomerDaySummary(
    CustomerDayKey key,
    BigDecimal inflow,
    BigDecimal outflow,
    BigDecimal net,
    long entryCount,
    Map<Category, CategoryTotal> byCategory,
    BigDecimal lastPostBalance,
    LocalDateTime lastOccurTime,
    Long lastSerialNo) {

  public CustomerDaySummary {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(inflow, "inflow");
    Objects.requireNonNull(outflow, "outflow");
    Objects.requireNonNull(net, "net");
    byCategory =
        byCategory.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new EnumMap<>(byCategory));
  }

  /** The category's total, zero when the day has none of it. */
  public CategoryTotal category(Category category) {
    return byCategory.getOrDefault(category, new CategoryTotal(BigDecimal.ZERO.setScale(2), 0));
  }
}
