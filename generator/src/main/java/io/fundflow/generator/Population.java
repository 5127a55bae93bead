package io.fundflow.generator;

import io.fundflow.common.model.Channel;
import io.fundflow.common.model.ChannelType;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The brokerage's customers, their cash accounts and the channels, as they stand before the day
 * opens. Drawn from the seed alone, so every day of one seed has the same customers.
 *
 * @param customers the customers known before the open (the snapshot)
 * @param newcomer a customer who opens an account during the day
 * @param accounts every cash account, the newcomer's included
 * @param channels the channels before the open
 */
record Population(
    List<Customer> customers, Customer newcomer, List<Account> accounts, List<Channel> channels) {

  /** A cash account of a customer and its balance at the open. */
  record Account(Customer owner, String fundAccount, MoneyType moneyType, BigDecimal opening) {}

  private static final int[] BRANCHES = {3101, 3102, 1101, 4401, 4403};
  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
  private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅";

  static Population draw(long seed, LocalDate day, int count) {
    Random random = new Random(seed * 31 + 7);
    List<Customer> customers = new ArrayList<>(count);
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Customer c = customer(random, i, openDate(random, day));
      customers.add(c);
      accounts.add(new Account(c, "6" + c.clientId(), MoneyType.CNY, opening(random)));
      if (random.nextInt(100) < 8) {
        accounts.add(
            new Account(
                c,
                "8" + c.clientId(),
                MoneyType.HKD,
                opening(random).divide(BigDecimal.TEN, 2, java.math.RoundingMode.DOWN)));
      }
    }
    int today = yyyymmdd(day);
    Customer newcomer = customer(random, count, today);
    accounts.add(
        new Account(
            newcomer, "6" + newcomer.clientId(), MoneyType.CNY, BigDecimal.ZERO.setScale(2)));
    return new Population(customers, newcomer, accounts, standardChannels());
  }

  static List<Channel> standardChannels() {
    return List.of(
        new Channel("1", "营业部柜台", ChannelType.COUNTER),
        new Channel("5", "网上交易", ChannelType.ONLINE),
        new Channel("7", "手机APP", ChannelType.MOBILE),
        new Channel("B", "银证转账", ChannelType.BANK),
        new Channel("W", "微信交易", ChannelType.MOBILE));
  }

  private static Customer customer(Random random, int index, int openDate) {
    String clientId = String.format("%09d", 100_000_001L + index);
    String name =
        ""
            + SURNAMES.charAt(random.nextInt(SURNAMES.length()))
            + GIVEN.charAt(random.nextInt(GIVEN.length()))
            + (random.nextBoolean() ? "" : "" + GIVEN.charAt(random.nextInt(GIVEN.length())));
    int birthYear = 1955 + random.nextInt(45);
    String idNo =
        String.format(
            "%06d%04d%02d%02d%03d%d",
            110101 + random.nextInt(8) * 100,
            birthYear,
            1 + random.nextInt(12),
            1 + random.nextInt(28),
            random.nextInt(1000),
            random.nextInt(10));
    String mobile = String.format("1%d%09d", 3 + random.nextInt(6), random.nextInt(1_000_000_000));
    int branch = BRANCHES[random.nextInt(BRANCHES.length)];
    int risk = 1 + random.nextInt(5);
    boolean key = random.nextInt(100) < 10;
    return new Customer(clientId, name, "0", idNo, mobile, branch, openDate, "0", risk, key);
  }

  /** An opening date drawn from the seed alone, kept at least 30 days before the trading day. */
  private static int openDate(Random random, LocalDate day) {
    LocalDate drawn = LocalDate.of(2005, 1, 1).plusDays(random.nextInt(7600));
    LocalDate latest = day.minusDays(30);
    return yyyymmdd(drawn.isAfter(latest) ? latest : drawn);
  }

  /** Opening balances spread over three orders of magnitude, as real books are. */
  private static BigDecimal opening(Random random) {
    double magnitude = 3.7 + random.nextDouble() * 2.6; // 5,000 .. 2,000,000
    long cents = Math.round(Math.pow(10, magnitude)) * 100 + random.nextInt(100);
    return BigDecimal.valueOf(cents, 2);
  }

  static int yyyymmdd(LocalDate d) {
    return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
  }
}
