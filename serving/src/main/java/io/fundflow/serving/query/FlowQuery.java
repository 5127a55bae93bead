package io.fundflow.serving.query;

import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.model.MoneyType;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One validated fund-flow query: a customer, [from, to) on OCCUR_TIME (Asia/Shanghai), optional
 * filters, a page size and where the previous page ended.
 *
 * @param categories the categories to keep; empty keeps every category
 * @param afterRowKey the last rowkey of the previous page (from a verified cursor), or empty
 */
public record FlowQuery(
    String clientId,
    LocalDateTime from,
    LocalDateTime to,
    Set<Category> categories,
    Optional<Direction> direction,
    Optional<MoneyType> moneyType,
    int limit,
    Optional<byte[]> afterRowKey) {

  public FlowQuery {
    categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
  }

  /** True when a flow of this category, direction and currency passes the filters. */
  public boolean accepts(Category category, Direction direction, MoneyType moneyType) {
    return (categories.isEmpty() || categories.contains(category))
        && this.direction.map(d -> d == direction).orElse(true)
        && this.moneyType.map(m -> m == moneyType).orElse(true);
  }

  /** True when any filter is set. */
  public boolean filtered() {
    return !categories.isEmpty() || direction.isPresent() || moneyType.isPresent();
  }

  /**
   * What identifies the query apart from its page: a cursor is bound to it, so a cursor of one
   * query is refused by another. Categories in enum order, so their order in the URL does not
   * matter.
   */
  public String fingerprint() {
    return String.join(
        "|",
        clientId,
        from.toString(),
        to.toString(),
        EnumSet.copyOf(categories.isEmpty() ? EnumSet.noneOf(Category.class) : categories).stream()
            .map(Enum::name)
            .collect(Collectors.joining(",")),
        direction.map(Enum::name).orElse(""),
        moneyType.map(Enum::name).orElse(""));
  }

  /** The filters as audited, e.g. {@code category=FEE,TRADE_BUY;direction=OUT;limit=100}. */
  public String describeFilters() {
    StringBuilder b = new StringBuilder();
    if (!categories.isEmpty()) {
      b.append("category=")
          .append(
              EnumSet.copyOf(categories).stream().map(Enum::name).collect(Collectors.joining(",")))
          .append(';');
    }
    direction.ifPresent(d -> b.append("direction=").append(d).append(';'));
    moneyType.ifPresent(m -> b.append("moneyType=").append(m).append(';'));
    b.append("limit=").append(limit);
    if (afterRowKey.isPresent()) {
      b.append(";cursor");
    }
    return b.toString();
  }
}
