package io.fundflow.common.ads;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One row of {@code ADS_ADVISORY_DAILY} (SPEC §2), key (TRADE_DATE, PORTFOLIO_CODE), without the
 * UPDATED_AT and SOURCE columns the writer adds. Amounts have scale 2; {@code signRate} has scale 4
 * and is null when no contract was applied that day. See {@link AdvisoryBook} for the definitions.
 */
public record AdvisoryDailyMetrics(
    int tradeDate,
    String portfolioCode,
    long newSignedCustomers,
    long appliedContracts,
    long signedContracts,
    BigDecimal signRate,
    long addedCustomers,
    BigDecimal addedAmount,
    BigDecimal redeemedAmount,
    long retainedCustomers,
    BigDecimal aum) {

  public AdvisoryDailyMetrics {
    Objects.requireNonNull(portfolioCode, "portfolioCode");
    Objects.requireNonNull(addedAmount, "addedAmount");
    Objects.requireNonNull(redeemedAmount, "redeemedAmount");
    Objects.requireNonNull(aum, "aum");
  }
}
