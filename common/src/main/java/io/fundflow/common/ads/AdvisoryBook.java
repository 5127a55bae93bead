package io.fundflow.common.ads;

import io.fundflow.common.changelog.ChangeEvent;
import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.OrderStatus;
import io.fundflow.common.model.OrderType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every advisory contract and order, current version per key, from which the {@code
 * ADS_ADVISORY_DAILY} rows of any trading date are computed. The stream feeds it change by change
 * and recomputes the portfolios each change touched; the batch fills it with all rows up to the date
 * and asks for the whole day: one rule, one answer.
 *
 * <p>Versions are ordered by their {@link SourcePosition}: a change not newer than the version held
 * is ignored, and a delete leaves a versioned tombstone, so the same set of versions applied in any
 * order gives the same book.
 *
 * <h2>Definitions (SPEC §2), for trading date D and portfolio P</h2>
 *
 * Contract dates are the Asia/Shanghai dates of APPLY_TIME, SIGN_TIME and TERMINATE_TIME (see
 * {@link ContractDates} for which statuses make them count); order dates are TRADE_DATE. A contract
 * is <em>active</em> at the end of D when it was signed on or before D and not terminated on or
 * before D.
 *
 * <ul>
 *   <li>APPLIED_CONTRACTS: P's contracts applied on D, whatever became of them later.
 *   <li>SIGNED_CONTRACTS: P's contracts signed on D, including one terminated later, even the same
 *       day: it was signed that day.
 *   <li>SIGN_RATE: signed / applied, 4 decimals HALF_UP, null when none applied. Contracts signed on
 *       D may have been applied earlier, so the rate can exceed 1.
 *   <li>NEW_SIGNED_CUSTOMERS: customers whose earliest signing among their contracts of P is on D;
 *       a later second contract does not make them new again, a termination in between neither.
 *   <li>ADDED_CUSTOMERS / ADDED_AMOUNT / REDEEMED_AMOUNT: distinct customers and sum of the
 *       ACCEPTED ADD orders of P traded on D; sum of the ACCEPTED REDEEM orders of P traded on D.
 *       These are flows and count whatever state the contract is in.
 *   <li>A customer's <em>position</em> in P at the end of D: PURCHASE + ADD − REDEEM of the ACCEPTED
 *       orders of P traded on or before D whose contract is active at the end of D. Orders under an
 *       unsigned, terminated or unknown contract are not in it; once their contract is signed they
 *       are, back to the first order (AUM is cumulative).
 *   <li>AUM: the sum of all customers' positions in P.
 *   <li>RETAINED_CUSTOMERS: customers with an active contract of P and a position in P above zero
 *       (a customer who redeemed everything is not retained).
 * </ul>
 *
 * Orders are attributed to P by their own PORTFOLIO_CODE and CLIENT_ID, contracts by theirs; in
 * consistent source data the two agree.
 *
 * <p>A portfolio has a row for D when on D a contract of it was applied, signed or terminated, an
 * ACCEPTED order of it was traded, or it has an active contract or assets under one at the end of
 * D. Not thread-safe.
 */
public final class AdvisoryBook {

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  /** A row's current version, or a tombstone ({@code row == null}) left by a delete. */
  public record Version<T>(String key, T row, SourcePosition position) {

    public Version {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(position, "position");
    }

    /** True when the row was deleted at {@code position}. */
    public boolean deleted() {
      return row == null;
    }
  }

  private final Map<String, Version<AdvisoryContract>> contracts = new HashMap<>();
  private final Map<String, Version<AdvisoryOrder>> orders = new HashMap<>();

  // Indices over live rows, so that a portfolio's metrics read only that portfolio's rows.
  private final Map<String, Set<String>> contractIdsByPortfolio = new HashMap<>();
  private final Map<String, Set<String>> orderIdsByPortfolio = new HashMap<>();
  private final Map<String, Set<String>> orderIdsByContract = new HashMap<>();

  /**
   * Applies a contract or order change from the change log.
   *
   * @return the portfolios whose metrics may have changed; empty when the change was stale
   * @throws IllegalArgumentException for a change of another table
   */
  public Set<String> apply(ChangeEvent event) {
    String key = event.primaryKey();
    return switch (event.table()) {
      case ADVISORY_CONTRACT ->
          event.op().upserts()
              ? upsertContract((AdvisoryContract) event.after(), event.position())
              : deleteContract(key, event.position());
      case ADVISORY_ORDER ->
          event.op().upserts()
              ? upsertOrder((AdvisoryOrder) event.after(), event.position())
              : deleteOrder(key, event.position());
      default -> throw new IllegalArgumentException("not an advisory table: " + event.table());
    };
  }

  /** Takes this version of a contract unless a newer one is held; returns the portfolios touched. */
  public Set<String> upsertContract(AdvisoryContract contract, SourcePosition position) {
    return putContract(new Version<>(contract.contractId(), contract, position));
  }

  /** Deletes a contract unless a newer version is held; returns the portfolios touched. */
  public Set<String> deleteContract(String contractId, SourcePosition position) {
    return putContract(new Version<>(contractId, null, position));
  }

  /** Takes this version of an order unless a newer one is held; returns the portfolios touched. */
  public Set<String> upsertOrder(AdvisoryOrder order, SourcePosition position) {
    return putOrder(new Version<>(order.orderId(), order, position));
  }

  /** Deletes an order unless a newer version is held; returns the portfolios touched. */
  public Set<String> deleteOrder(String orderId, SourcePosition position) {
    return putOrder(new Version<>(orderId, null, position));
  }

  /** The current contract, empty when unknown or deleted. */
  public Optional<AdvisoryContract> contract(String contractId) {
    Version<AdvisoryContract> v = contracts.get(contractId);
    return v == null ? Optional.empty() : Optional.ofNullable(v.row());
  }

  /** The current order, empty when unknown or deleted. */
  public Optional<AdvisoryOrder> order(String orderId) {
    Version<AdvisoryOrder> v = orders.get(orderId);
    return v == null ? Optional.empty() : Optional.ofNullable(v.row());
  }

  /** Every contract version held, tombstones included: enough to rebuild the book by replay. */
  public Collection<Version<AdvisoryContract>> contractVersions() {
    return List.copyOf(contracts.values());
  }

  /** Every order version held, tombstones included: enough to rebuild the book by replay. */
  public Collection<Version<AdvisoryOrder>> orderVersions() {
    return List.copyOf(orders.values());
  }

  /** Every portfolio that has a live contract or order, sorted. */
  public Set<String> portfolios() {
    Set<String> all = new TreeSet<>(contractIdsByPortfolio.keySet());
    all.addAll(orderIdsByPortfolio.keySet());
    return all;
  }

  /** The rows of {@code tradeDate} (yyyymmdd) for every portfolio that has one, by portfolio. */
  public List<AdvisoryDailyMetrics> metricsFor(int tradeDate) {
    List<AdvisoryDailyMetrics> rows = new ArrayList<>();
    for (String portfolio : portfolios()) {
      PortfolioDay day = compute(tradeDate, portfolio);
      if (day.hasRow) {
        rows.add(day.metrics);
      }
    }
    return rows;
  }

  /**
   * The row of one portfolio on {@code tradeDate}, all zeros when it has none: the stream upserts
   * it for every portfolio a change touched, so a row that lost its last activity is corrected.
   */
  public AdvisoryDailyMetrics metricsFor(int tradeDate, String portfolioCode) {
    return compute(tradeDate, portfolioCode).metrics;
  }

  /** True when {@code metricsFor(tradeDate)} lists the portfolio. */
  public boolean hasRow(int tradeDate, String portfolioCode) {
    return compute(tradeDate, portfolioCode).hasRow;
  }

  private record PortfolioDay(AdvisoryDailyMetrics metrics, boolean hasRow) {}

  private PortfolioDay compute(int day, String portfolio) {
    boolean hasRow = false;
    long applied = 0;
    long signed = 0;
    Map<String, Integer> firstSigning = new HashMap<>();
    Set<String> activeCustomers = new HashSet<>();
    for (String id : contractIdsByPortfolio.getOrDefault(portfolio, Set.of())) {
      AdvisoryContract c = contracts.get(id).row();
      ContractDates dates = ContractDates.of(c);
      if (dates.applied() == day) {
        applied++;
      }
      if (dates.signed() != ContractDates.NEVER) {
        if (dates.signed() == day) {
          signed++;
        }
        firstSigning.merge(c.clientId(), dates.signed(), Math::min);
      }
      if (dates.activeAtEndOf(day)) {
        activeCustomers.add(c.clientId());
      }
      hasRow |= dates.applied() == day || dates.signed() == day || dates.terminated() == day;
    }
    long newSigned = firstSigning.values().stream().filter(d -> d == day).count();
    hasRow |= !activeCustomers.isEmpty();

    Set<String> addedCustomers = new HashSet<>();
    BigDecimal added = ZERO;
    BigDecimal redeemed = ZERO;
    Map<String, BigDecimal> positions = new HashMap<>();
    for (String id : orderIdsByPortfolio.getOrDefault(portfolio, Set.of())) {
      AdvisoryOrder o = orders.get(id).row();
      if (o.status() != OrderStatus.ACCEPTED || o.tradeDate() > day) {
        continue;
      }
      BigDecimal amount = o.amount().setScale(2, RoundingMode.UNNECESSARY);
      if (o.tradeDate() == day) {
        hasRow = true;
        if (o.orderType() == OrderType.ADD) {
          addedCustomers.add(o.clientId());
          added = added.add(amount);
        } else if (o.orderType() == OrderType.REDEEM) {
          redeemed = redeemed.add(amount);
        }
      }
      if (contractActiveAtEndOf(o.contractId(), day)) {
        BigDecimal signedAmount = o.orderType() == OrderType.REDEEM ? amount.negate() : amount;
        positions.merge(o.clientId(), signedAmount, BigDecimal::add);
      }
    }
    // An order may be filed under another portfolio than its contract's (inconsistent source
    // data): its assets still give this portfolio a row.
    hasRow |= !positions.isEmpty();
    BigDecimal aum = positions.values().stream().reduce(ZERO, BigDecimal::add);
    long retained =
        activeCustomers.stream()
            .filter(client -> positions.getOrDefault(client, ZERO).signum() > 0)
            .count();
    BigDecimal signRate =
        applied == 0
            ? null
            : BigDecimal.valueOf(signed).divide(BigDecimal.valueOf(applied), 4, RoundingMode.HALF_UP);
    AdvisoryDailyMetrics metrics =
        new AdvisoryDailyMetrics(
            day,
            portfolio,
            newSigned,
            applied,
            signed,
            signRate,
            addedCustomers.size(),
            added,
            redeemed,
            retained,
            aum);
    return new PortfolioDay(metrics, hasRow);
  }

  private boolean contractActiveAtEndOf(String contractId, int day) {
    Version<AdvisoryContract> v = contractId == null ? null : contracts.get(contractId);
    return v != null && !v.deleted() && ContractDates.of(v.row()).activeAtEndOf(day);
  }

  private Set<String> putContract(Version<AdvisoryContract> next) {
    Version<AdvisoryContract> current = contracts.get(next.key());
    if (current != null && !next.position().isAfter(current.position())) {
      return Set.of();
    }
    contracts.put(next.key(), next);
    Set<String> touched = new TreeSet<>();
    if (current != null && !current.deleted()) {
      unindex(contractIdsByPortfolio, current.row().portfolioCode(), next.key());
      addIfPresent(touched, current.row().portfolioCode());
    }
    if (!next.deleted()) {
      index(contractIdsByPortfolio, next.row().portfolioCode(), next.key());
      addIfPresent(touched, next.row().portfolioCode());
    }
    // Its orders' AUM depends on the contract's state, wherever the orders are filed.
    for (String orderId : orderIdsByContract.getOrDefault(next.key(), Set.of())) {
      addIfPresent(touched, orders.get(orderId).row().portfolioCode());
    }
    return touched;
  }

  private Set<String> putOrder(Version<AdvisoryOrder> next) {
    Version<AdvisoryOrder> current = orders.get(next.key());
    if (current != null && !next.position().isAfter(current.position())) {
      return Set.of();
    }
    orders.put(next.key(), next);
    Set<String> touched = new TreeSet<>();
    if (current != null && !current.deleted()) {
      AdvisoryOrder old = current.row();
      unindex(orderIdsByPortfolio, old.portfolioCode(), next.key());
      unindex(orderIdsByContract, old.contractId(), next.key());
      addIfPresent(touched, old.portfolioCode());
    }
    if (!next.deleted()) {
      AdvisoryOrder row = next.row();
      index(orderIdsByPortfolio, row.portfolioCode(), next.key());
      index(orderIdsByContract, row.contractId(), next.key());
      addIfPresent(touched, row.portfolioCode());
    }
    return touched;
  }

  private static void addIfPresent(Set<String> touched, String portfolio) {
    if (portfolio != null) {
      touched.add(portfolio);
    }
  }

  private static void index(Map<String, Set<String>> index, String by, String id) {
    if (by != null) {
      index.computeIfAbsent(by, k -> new HashSet<>()).add(id);
    }
  }

  private static void unindex(Map<String, Set<String>> index, String by, String id) {
    if (by == null) {
      return;
    }
    Set<String> ids = index.get(by);
    if (ids != null && ids.remove(id) && ids.isEmpty()) {
      index.remove(by);
    }
  }
}
