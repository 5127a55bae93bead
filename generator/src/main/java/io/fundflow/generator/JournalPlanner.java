package io.fundflow.generator;

import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Plans the day's fund journal: which entries each account makes and when, which are updated,
 * reversed, deleted, and which become faults; then the amounts in time order, so that POST_BALANCE
 * runs consistently per account through the day, and the serial numbers in time order.
 */
final class JournalPlanner {

  /** Business flags of an account's own activity, with weights. */
  private static final int[] FLAGS = {2041, 2042, 4001, 4002, 4101, 4301, 4401, 4402};

  private static final int[] FLAG_WEIGHTS = {15, 10, 25, 20, 2, 1, 5, 4};
  private static final int[] FAULT_FLAGS = {2041, 2042, 4401, 4402};
  private static final String[] STOCKS = {
    "600519", "000001", "601318", "300750", "000858", "600036"
  };
  private static final LocalTime LAST_REVERSAL = LocalTime.of(15, 30);

  private final GeneratorSettings settings;
  private final MarketTimeline timeline;
  private final Random random;
  private int seq;

  JournalPlanner(GeneratorSettings settings, MarketTimeline timeline, Random random) {
    this.settings = settings;
    this.timeline = timeline;
    this.random = random;
  }

  /** Every journal item of the day, in serial (= time) order. */
  List<JournalItem> plan(Population population) {
    List<JournalItem> items = new ArrayList<>();
    // Fees make up about a third of entries: activities are fewer than entries.
    double activitiesPerAccount = settings.entriesPerCustomer() / 1.45;
    for (Population.Account account : population.accounts()) {
      boolean newcomer = account.owner() == population.newcomer();
      boolean hkd = account.moneyType() == MoneyType.HKD;
      double mean = hkd ? activitiesPerAccount / 3 : activitiesPerAccount;
      LocalDateTime first = null;
      if (newcomer) {
        first = timeline.between(random, LocalTime.of(9, 30), LocalTime.of(10, 0));
        items.add(
            new JournalItem(
                account, seq++, first, AmountModel.TRANSFER_IN, JournalItem.Fate.NORMAL));
      }
      int activities = count(mean);
      for (int i = 0; i < activities; i++) {
        int flag = hkd ? (random.nextBoolean() ? 4001 : 4002) : flag();
        LocalDateTime time = time(flag);
        if (first != null && !time.isAfter(first)) {
          time = first.plusSeconds(60 + random.nextInt(3600));
        }
        addActivity(items, account, time, flag, JournalItem.Fate.NORMAL);
      }
    }
    chooseUpdatesAndReversals(items);
    addTransient(items, population, JournalItem.Fate.DELETED, Math.max(2, items.size() / 100));
    addFaults(items, population);
    fixAmounts(items);
    items.sort(Comparator.comparing((JournalItem i) -> i.time).thenComparingInt(i -> i.seq));
    long serial = 100_000;
    for (JournalItem item : items) {
      serial += 1 + (random.nextInt(10) == 0 ? random.nextInt(3) : 0);
      item.serialNo = serial;
    }
    for (JournalItem item : items) {
      if (item.fate == JournalItem.Fate.REVERSAL) {
        item.remark = "冲正 原流水号" + item.parent.serialNo;
      }
    }
    return items;
  }

  private void addActivity(
      List<JournalItem> items,
      Population.Account account,
      LocalDateTime time,
      int flag,
      JournalItem.Fate fate) {
    JournalItem item = new JournalItem(account, seq++, time, flag, fate);
    items.add(item);
    if (AmountModel.isTrade(flag) && fate == JournalItem.Fate.NORMAL) {
      JournalItem fee =
          new JournalItem(
              account,
              seq++,
              time.plusNanos((1 + random.nextInt(2000)) * 1_000_000L),
              AmountModel.FEE,
              JournalItem.Fate.FEE);
      fee.parent = item;
      items.add(fee);
    }
  }

  private void chooseUpdatesAndReversals(List<JournalItem> items) {
    List<JournalItem> plain = new ArrayList<>();
    for (JournalItem i : items) {
      if (i.fate == JournalItem.Fate.NORMAL && i.account.moneyType() == MoneyType.CNY) {
        plain.add(i);
      }
    }
    Collections.shuffle(plain, random);
    int updates = Math.max(3, plain.size() * 3 / 100);
    int reversals = Math.max(2, plain.size() * 3 / 200);
    for (JournalItem i : plain) {
      if (updates > 0) {
        i.fate = JournalItem.Fate.UPDATED;
        updates--;
      } else if (reversals > 0
          && (i.flag == AmountModel.TRANSFER_OUT || i.flag == AmountModel.TRADE_BUY)
          && i.time.toLocalTime().isBefore(LAST_REVERSAL)) {
        JournalItem reversal =
            new JournalItem(
                i.account,
                seq++,
                i.time.plusSeconds(60 + random.nextInt(1800)),
                i.flag,
                JournalItem.Fate.REVERSAL);
        reversal.parent = i;
        items.add(reversal);
        reversals--;
      }
    }
  }

  /** Adds {@code count} transfers of {@code fate} on distinct customers' CNY accounts. */
  private void addTransient(
      List<JournalItem> items, Population population, JournalItem.Fate fate, int count) {
    for (Population.Account account : distinctAccounts(population, count)) {
      int flag = FAULT_FLAGS[random.nextInt(2)];
      items.add(new JournalItem(account, seq++, time(flag), flag, fate));
    }
  }

  /**
   * Each fault on its own entry of its own customer, so the demo can name the customer a fault hit
   * and check that customer's corrected values.
   */
  private void addFaults(List<JournalItem> items, Population population) {
    Map<JournalItem.Fate, Integer> counts = new LinkedHashMap<>();
    counts.put(JournalItem.Fate.MISSING, settings.missingFaults());
    counts.put(JournalItem.Fate.WRONG_AMOUNT, settings.wrongAmountFaults());
    counts.put(JournalItem.Fate.ROLLED_BACK, settings.rolledBackFaults());
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    List<Population.Account> accounts = distinctAccounts(population, total);
    int next = 0;
    for (Map.Entry<JournalItem.Fate, Integer> kind : counts.entrySet()) {
      for (int i = 0; i < kind.getValue(); i++) {
        int flag = FAULT_FLAGS[random.nextInt(FAULT_FLAGS.length)];
        items.add(new JournalItem(accounts.get(next++), seq++, time(flag), flag, kind.getKey()));
      }
    }
  }

  /** CNY accounts of {@code count} distinct customers (the newcomer excepted), drawn at random. */
  private List<Population.Account> distinctAccounts(Population population, int count) {
    List<Population.Account> cny = new ArrayList<>();
    for (Population.Account a : population.accounts()) {
      if (a.moneyType() == MoneyType.CNY && a.owner() != population.newcomer()) {
        cny.add(a);
      }
    }
    Collections.shuffle(cny, random);
    Set<String> used = new LinkedHashSet<>();
    List<Population.Account> chosen = new ArrayList<>();
    for (Population.Account a : cny) {
      if (chosen.size() == count) {
        break;
      }
      if (used.add(a.owner().clientId())) {
        chosen.add(a);
      }
    }
    return chosen;
  }

  /** Amounts and balances in time order per account; fees and reversals follow their parent. */
  private void fixAmounts(List<JournalItem> items) {
    Map<String, List<JournalItem>> byAccount = new LinkedHashMap<>();
    for (JournalItem i : items) {
      byAccount.computeIfAbsent(i.account.fundAccount(), k -> new ArrayList<>()).add(i);
    }
    for (List<JournalItem> account : byAccount.values()) {
      account.sort(Comparator.comparing((JournalItem i) -> i.time).thenComparingInt(i -> i.seq));
      BigDecimal balance = account.get(0).account.opening();
      double scale = account.get(0).account.moneyType() == MoneyType.CNY ? 1.0 : 0.3;
      for (JournalItem item : account) {
        if (item.fate == JournalItem.Fate.FEE) {
          item.amount = AmountModel.fee(item.parent.amount);
        } else if (item.fate == JournalItem.Fate.REVERSAL) {
          // The parent's flag is final now (an unaffordable buy became a sell): follow it.
          item.flag = item.parent.flag;
          item.amount = item.parent.amount.negate();
        } else {
          AmountModel.Flow flow = AmountModel.draw(item.flag, balance, scale, random);
          item.flag = flow.flag();
          item.amount = flow.amount();
        }
        describe(item);
        BigDecimal after = balance.add(item.amount);
        item.postBalance = after;
        if (item.fate.inDayEnd()) {
          balance = after;
        }
        if (item.fate == JournalItem.Fate.WRONG_AMOUNT) {
          BigDecimal off = BigDecimal.valueOf((1 + random.nextInt(50)) * 100L).setScale(2);
          item.streamedAmount = item.amount.add(item.amount.signum() < 0 ? off.negate() : off);
        }
        item.goldenGate = random.nextDouble() < settings.goldenGateShare();
        item.wrapped = !item.goldenGate && random.nextInt(3) == 0;
      }
    }
  }

  private void describe(JournalItem item) {
    String stock = STOCKS[random.nextInt(STOCKS.length)];
    switch (item.flag) {
      case AmountModel.TRANSFER_IN:
        item.channel = random.nextBoolean() ? "B" : "7";
        item.remark = random.nextInt(4) == 0 ? "银行转入 卡号6222021234" + digits(9) : "银行转入";
        break;
      case AmountModel.TRANSFER_OUT:
        item.channel = random.nextBoolean() ? "B" : "7";
        item.remark = random.nextInt(4) == 0 ? "转出至银行 6222021234" + digits(9) : "转出至银行";
        break;
      case AmountModel.TRADE_BUY:
        item.channel = tradeChannel();
        item.remark = "买入 " + stock;
        break;
      case AmountModel.TRADE_SELL:
        item.channel = tradeChannel();
        item.remark = "卖出 " + stock;
        break;
      case AmountModel.FEE:
        item.channel = item.parent.channel;
        item.remark = "佣金及规费";
        break;
      case AmountModel.DIVIDEND:
        item.channel = null;
        item.remark = "红利入账 " + stock;
        break;
      case AmountModel.INTEREST:
        item.channel = null;
        item.remark = "利息归本";
        break;
      case AmountModel.FUND_BUY:
        item.channel = random.nextBoolean() ? "7" : "W";
        item.remark = "基金申购";
        break;
      default:
        item.channel = random.nextBoolean() ? "7" : "W";
        item.remark = "基金赎回";
    }
    if (item.fate == JournalItem.Fate.REVERSAL) {
      item.channel = "1";
    }
  }

  private String tradeChannel() {
    int c = random.nextInt(10);
    return c < 6 ? "7" : c < 9 ? "5" : "1";
  }

  private String digits(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + random.nextInt(10)));
    }
    return b.toString();
  }

  private int flag() {
    int total = 0;
    for (int w : FLAG_WEIGHTS) {
      total += w;
    }
    int pick = random.nextInt(total);
    for (int i = 0; i < FLAGS.length; i++) {
      pick -= FLAG_WEIGHTS[i];
      if (pick < 0) {
        return FLAGS[i];
      }
    }
    return FLAGS[0];
  }

  private LocalDateTime time(int flag) {
    switch (flag) {
      case AmountModel.TRANSFER_IN:
      case AmountModel.TRANSFER_OUT:
        return timeline.transferTime(random);
      case AmountModel.DIVIDEND:
      case AmountModel.INTEREST:
        return timeline.between(random, LocalTime.of(9, 0), LocalTime.of(9, 30));
      default:
        return timeline.tradeTime(random);
    }
  }

  /** An activity count with the given mean: uniform over 0..2·mean, fractions rounded at random. */
  private int count(double mean) {
    double drawn = random.nextDouble() * 2 * mean;
    int whole = (int) drawn;
    return whole + (random.nextDouble() < drawn - whole ? 1 : 0);
  }
}
