package io.fundflow.generator;

import io.fundflow.common.changelog.ChangeOp;
import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.ContractStatus;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.OrderStatus;
import io.fundflow.common.model.OrderType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Plans the fund-advisory book: contracts and orders from before the day (snapshotted before the
 * open), then the day's applications, signings with their first purchase, rejections, additional
 * investments, redemptions, a cancelled order and terminations.
 */
final class AdvisoryPlanner {

  private static final String[] PORTFOLIOS = {"PF-STEADY", "PF-BALANCED", "PF-GROWTH"};
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private final MarketTimeline timeline;
  private final Random random;
  private final RowVersions versions;
  private final Map<String, AdvisoryContract> contracts = new LinkedHashMap<>();
  private final Map<String, AdvisoryOrder> orders = new LinkedHashMap<>();
  private final Map<String, RowVersions.Style> styles = new LinkedHashMap<>();
  private final Map<String, BigDecimal> positions = new LinkedHashMap<>();
  private int orderSeq;

  AdvisoryPlanner(MarketTimeline timeline, Random random, RowVersions versions) {
    this.timeline = timeline;
    this.random = random;
    this.versions = versions;
  }

  /** The final contracts (applied up to the day) and orders (traded up to the day). */
  record Book(List<AdvisoryContract> contracts, List<AdvisoryOrder> orders) {}

  Book plan(List<Customer> customers) {
    LocalDate day = timeline.day();
    List<AdvisoryContract> pending = new ArrayList<>();
    List<AdvisoryContract> active = new ArrayList<>();
    List<Customer> withoutContract = new ArrayList<>();
    for (Customer c : customers) {
      int roll = random.nextInt(100);
      if (roll < 15) {
        AdvisoryContract signed = history(c, day);
        if (signed.status() == ContractStatus.SIGNED) {
          active.add(signed);
        }
      } else if (roll < 18) {
        LocalDateTime applied =
            day.minusDays(1 + random.nextInt(5)).atTime(10, 0).plusMinutes(random.nextInt(300));
        pending.add(
            put(
                new AdvisoryContract(
                    contractId(c),
                    c.clientId(),
                    portfolio(),
                    c.branchNo(),
                    applied,
                    null,
                    null,
                    ContractStatus.APPLIED)));
      } else {
        withoutContract.add(c);
      }
    }
    // Everything so far existed before the open: the snapshot.
    LocalDateTime snapshot = timeline.snapshot().plusMinutes(2);
    for (AdvisoryContract c : contracts.values()) {
      versions.add(snapshot, ChangeOp.SNAPSHOT, null, c, style(c.contractId()));
    }
    for (AdvisoryOrder o : orders.values()) {
      versions.add(snapshot, ChangeOp.SNAPSHOT, null, o, style(o.orderId()));
    }

    for (AdvisoryContract c : pending) {
      sign(c, timeline.between(random, LocalTime.of(9, 30), LocalTime.of(14, 30)));
    }
    int applications = Math.max(2, withoutContract.size() * 3 / 100);
    for (int i = 0; i < applications && i < withoutContract.size(); i++) {
      Customer c = withoutContract.get(random.nextInt(withoutContract.size()));
      if (contracts.containsKey(contractId(c))) {
        continue;
      }
      LocalDateTime applied = timeline.between(random, LocalTime.of(9, 30), LocalTime.of(14, 0));
      AdvisoryContract contract =
          new AdvisoryContract(
              contractId(c),
              c.clientId(),
              portfolio(),
              c.branchNo(),
              applied,
              null,
              null,
              ContractStatus.APPLIED);
      put(contract);
      versions.add(
          applied.plusNanos(millis(50, 500)),
          ChangeOp.INSERT,
          null,
          contract,
          style(contract.contractId()));
      int outcome = random.nextInt(100);
      if (outcome < 60) {
        sign(contract, applied.plusMinutes(5 + random.nextInt(55)));
      } else if (outcome < 75) {
        LocalDateTime when = applied.plusMinutes(10 + random.nextInt(50));
        AdvisoryContract rejected =
            new AdvisoryContract(
                contract.contractId(),
                c.clientId(),
                contract.portfolioCode(),
                c.branchNo(),
                applied,
                null,
                null,
                ContractStatus.REJECTED);
        put(rejected);
        versions.add(when, ChangeOp.UPDATE, contract, rejected, style(contract.contractId()));
      }
    }

    boolean cancelled = false;
    int terminations = Math.min(2, active.size() / 10 + 1);
    for (AdvisoryContract c : active) {
      int roll = random.nextInt(100);
      LocalDateTime when = timeline.tradeTime(random);
      if (terminations > 0 && roll < 10) {
        terminations--;
        BigDecimal all = positions.get(c.contractId());
        order(c, OrderType.REDEEM, all, when, OrderStatus.ACCEPTED, true);
        LocalDateTime end = when.plusMinutes(1 + random.nextInt(10));
        AdvisoryContract terminated =
            new AdvisoryContract(
                c.contractId(),
                c.clientId(),
                c.portfolioCode(),
                c.branchNo(),
                c.applyTime(),
                c.signTime(),
                end,
                ContractStatus.TERMINATED);
        put(terminated);
        versions.add(end, ChangeOp.UPDATE, c, terminated, style(c.contractId()));
      } else if (roll < 30) {
        AdvisoryOrder add =
            order(c, OrderType.ADD, hundreds(5_000, 100_000), when, OrderStatus.ACCEPTED, true);
        if (!cancelled) {
          cancelled = true;
          AdvisoryOrder cancel =
              new AdvisoryOrder(
                  add.orderId(),
                  add.contractId(),
                  add.clientId(),
                  add.portfolioCode(),
                  add.orderType(),
                  add.amount(),
                  add.orderTime(),
                  add.tradeDate(),
                  OrderStatus.CANCELLED);
          orders.put(cancel.orderId(), cancel);
          positions.merge(c.contractId(), add.amount().negate(), BigDecimal::add);
          versions.add(
              when.plusMinutes(2 + random.nextInt(18)),
              ChangeOp.UPDATE,
              add,
              cancel,
              style(add.orderId()));
        }
      } else if (roll < 38) {
        BigDecimal half =
            positions.get(c.contractId()).divide(new BigDecimal("2"), 0, RoundingMode.DOWN);
        if (half.compareTo(HUNDRED) >= 0) {
          order(c, OrderType.REDEEM, half.setScale(2), when, OrderStatus.ACCEPTED, true);
        }
      }
    }
    return new Book(List.copyOf(contracts.values()), List.copyOf(orders.values()));
  }

  /** A contract signed before the day, its purchase and later orders; some terminated since. */
  private AdvisoryContract history(Customer c, LocalDate day) {
    LocalDateTime applied =
        day.minusDays(30 + random.nextInt(370)).atTime(10, 0).plusMinutes(random.nextInt(300));
    LocalDateTime signed = applied.plusDays(1 + random.nextInt(3));
    AdvisoryContract contract =
        put(
            new AdvisoryContract(
                contractId(c),
                c.clientId(),
                portfolio(),
                c.branchNo(),
                applied,
                signed,
                null,
                ContractStatus.SIGNED));
    order(
        contract,
        OrderType.PURCHASE,
        hundreds(10_000, 500_000),
        signed.plusHours(1),
        OrderStatus.ACCEPTED,
        false);
    LocalDateTime t = signed.plusHours(1);
    int later = random.nextInt(4);
    for (int i = 0; i < later && t.toLocalDate().isBefore(day.minusDays(2)); i++) {
      t =
          t.plusDays(
              1
                  + random.nextInt(
                      (int)
                          Math.max(
                              1,
                              java.time.temporal.ChronoUnit.DAYS.between(t.toLocalDate(), day)
                                  / 2)));
      if (!t.toLocalDate().isBefore(day)) {
        break;
      }
      order(contract, OrderType.ADD, hundreds(5_000, 100_000), t, OrderStatus.ACCEPTED, false);
    }
    if (random.nextInt(5) == 0 && t.toLocalDate().isBefore(day.minusDays(1))) {
      LocalDateTime end = t.plusDays(1);
      order(
          contract,
          OrderType.REDEEM,
          positions.get(contract.contractId()),
          end,
          OrderStatus.ACCEPTED,
          false);
      return put(
          new AdvisoryContract(
              contract.contractId(),
              c.clientId(),
              contract.portfolioCode(),
              c.branchNo(),
              applied,
              signed,
              end.plusMinutes(5),
              ContractStatus.TERMINATED));
    }
    return contract;
  }

  private void sign(AdvisoryContract applied, LocalDateTime when) {
    AdvisoryContract signed =
        new AdvisoryContract(
            applied.contractId(),
            applied.clientId(),
            applied.portfolioCode(),
            applied.branchNo(),
            applied.applyTime(),
            when,
            null,
            ContractStatus.SIGNED);
    put(signed);
    versions.add(when, ChangeOp.UPDATE, applied, signed, style(applied.contractId()));
    order(
        signed,
        OrderType.PURCHASE,
        hundreds(10_000, 300_000),
        when.plusMinutes(1 + random.nextInt(30)),
        OrderStatus.ACCEPTED,
        true);
  }

  private AdvisoryOrder order(
      AdvisoryContract c,
      OrderType type,
      BigDecimal amount,
      LocalDateTime when,
      OrderStatus status,
      boolean today) {
    String id = String.format("AO%d%06d", Population.yyyymmdd(when.toLocalDate()), ++orderSeq);
    AdvisoryOrder o =
        new AdvisoryOrder(
            id,
            c.contractId(),
            c.clientId(),
            c.portfolioCode(),
            type,
            amount,
            when,
            Population.yyyymmdd(when.toLocalDate()),
            status);
    orders.put(id, o);
    BigDecimal signed = type == OrderType.REDEEM ? amount.negate() : amount;
    positions.merge(c.contractId(), signed, BigDecimal::add);
    if (today) {
      versions.add(when.plusNanos(millis(50, 500)), ChangeOp.INSERT, null, o, style(id));
    }
    return o;
  }

  private AdvisoryContract put(AdvisoryContract c) {
    contracts.put(c.contractId(), c);
    return c;
  }

  private RowVersions.Style style(String rowId) {
    return styles.computeIfAbsent(rowId, k -> versions.style());
  }

  private static String contractId(Customer c) {
    return "AC" + c.clientId() + "01";
  }

  private String portfolio() {
    return PORTFOLIOS[random.nextInt(PORTFOLIOS.length)];
  }

  private BigDecimal hundreds(int from, int to) {
    return BigDecimal.valueOf((from / 100 + random.nextInt((to - from) / 100)) * 100L).setScale(2);
  }

  private long millis(int from, int to) {
    return (from + random.nextInt(to - from)) * 1_000_000L;
  }
}
