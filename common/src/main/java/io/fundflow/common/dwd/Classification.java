package io.fundflow.common.dwd;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How one journal entry is classified: its category from BUSINESS_FLAG, its direction from the
 * amount's sign, and whether the two disagree. A disagreement is a data-quality finding to count
 * and report; the amount is never flipped.
 */
public record Classification(Category category, Direction direction, boolean signMismatch) {

  public Classification {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(direction, "direction");
  }

  /** Classifies an entry with this BUSINESS_FLAG and signed OCCUR_BALANCE. */
  public static Classification of(int businessFlag, BigDecimal occurBalance) {
    Category category = Category.ofBusinessFlag(businessFlag);
    Direction direction = Direction.of(occurBalance);
    return new Classification(category, direction, category.disagreesWith(direction));
  }

  /** True when the flag is not in SPEC's table (category OTHER), to be counted as such. */
  public boolean unknownFlag() {
    return category == Category.OTHER;
  }
}
