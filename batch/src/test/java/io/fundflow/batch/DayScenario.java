package io.fundflow.batch;

import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummaries;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CellVersion;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.RowMutation;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.ChannelType;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One trading day as the stream left it in HBase (right, wrong, missing and extra detail rows;
 * stale, missing and extra summaries) and as the day-end data says it is, with the expected result.
 * Client ids and the day are unique per scenario, because the test stack persists.
 */
final class DayScenario {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  static final Channel CHANNEL = new Channel("BIT1", "Batch IT online", ChannelType.ONLINE);

  final int day;
  final LocalDate date;
  final String prefix;
  final Customer c1;
  final Customer c2;
  final Customer c3;
  final Customer c4;
  final Customer c5;
  final FundJournalEntry e1;
  final FundJournalEntry e2;
  final FundJournalEntry e3;
  final FundJournalEntry e4;
  final FundJournalEntry e5;
  final FundJournalEntry e6Invalid;
  final FundJournalEntry e7;
  final FundJournalEntry x1Extra;
  final FundJournalEntry x2Extra;
  final FundJournalEntry y1OtherDay;
  final String portfolio;
  final String portfolioGone;

  DayScenario(int day, String prefix) {
    this.day = day;
    this.date = TradeDate.toLocalDate(day);
    this.prefix = prefix;
    c1 = customer("A");
    c2 = customer("B");
    c3 = customer("C");
    c4 = customer("D");
    c5 = customer("E");
    e1 = entry(c1, day, 1, at(0, 9, 30), "100.00", "1100.00");
    e2 = entry(c1, day, 2, at(0, 10, 0), "-30.00", "1070.00");
    e3 = entry(c2, day, 3, at(-1, 20, 0), "50.00", "550.00"); // occurred the evening before
    e4 = entry(c2, day, 4, at(0, 11, 0), "10.00", "560.00");
    e5 = entry(c3, day, 5, at(0, 12, 0), "5.00", "5.00");
    e6Invalid = new FundJournalEntry(day, 6, at(0, 13, 0), c3.clientId(), "F" + c3.clientId(), -5,
        MoneyType.CNY, 1001, new BigDecimal("1.00"), new BigDecimal("6.00"), CHANNEL.channelCode(), null);
    e7 = entry(c5, day, 7, at(0, 14, 0), "-7.25", "92.75");
    x1Extra = entry(c1, day, 9, at(-2, 21, 0), "999.00", "2069.00"); // rolled back, bucket D-2
    x2Extra = entry(c4, day, 8, at(0, 15, 0), "42.00", "42.00"); // never real
    y1OtherDay = entry(c1, TradeDate.of(date.plusDays(1)), 1, at(0, 20, 0), "1.00", "1071.00");
    portfolio = prefix + "P";
    portfolioGone = prefix + "Q";
  }

  private Customer customer(String suffix) {
    return new Customer(prefix + suffix, "Name " + suffix, "0", "110101199001011234", "13800000000",
        1001, 20200101, "0", 3, suffix.equals("A"));
  }

  private FundJournalEntry entry(
      Customer c, int initDate, long serial, LocalDateTime t, String amount, String post) {
    return new FundJournalEntry(initDate, serial, t, c.clientId(), "F" + c.clientId(), 1001,
        MoneyType.CNY, 1001, new BigDecimal(amount), new BigDecimal(post), CHANNEL.channelCode(),
        "remark " + serial);
  }

  /** An entry of customer {@code c} the stream served and the counter rolled back, {@code dayOffset} days from D. */
  FundJournalEntry rolledBack(Customer c, int dayOffset, long serial) {
    return entry(c, day, serial, at(dayOffset, 22, 30), "333.00", "333.00");
  }

  private LocalDateTime at(int dayOffset, int hour, int minute) {
    return date.plusDays(dayOffset).atTime(hour, minute, 0, 5_000_000);
  }

  List<Customer> customers() {
    return List.of(c1, c2, c3, c4, c5);
  }

  /** The day-end journal of the day: what the batch must serve. */
  List<FundJournalEntry> journal() {
    return List.of(e1, e2, e3, e4, e5, e6Invalid, e7);
  }

  FundFlow flow(FundJournalEntry e) {
    Customer c = customers().stream().filter(x -> x.clientId().equals(e.clientId())).findFirst().orElseThrow();
    return FundFlowBuilder.build(e, Optional.of(c), Optional.of(CHANNEL));
  }

  /** The flows the batch must leave in HBase. */
  List<FundFlow> expectedFlows() {
    return List.of(e1, e2, e3, e4, e5, e7).stream().map(this::flow).toList();
  }

  /** The summaries the batch must leave in HBase, by key. */
  Map<CustomerDayKey, CustomerDaySummary> expectedSummaries() {
    return CustomerDaySummaries.of(expectedFlows());
  }

  /** HBase as the stream left it, at stream versions. */
  List<RowMutation> streamState() {
    long v = CellVersion.stream(1_000);
    List<RowMutation> m = new ArrayList<>();
    FundFlow wrongE4 = flow(new FundJournalEntry(day, 4, e4.occurTime(), e4.clientId(), e4.fundAccount(),
        e4.branchNo(), e4.moneyType(), e4.businessFlag(), new BigDecimal("12.00"), e4.postBalance(),
        e4.channel(), e4.remark()));
    List<FundFlow> served =
        List.of(flow(e1), flow(e2), flow(e3), wrongE4, flow(e7), flow(x1Extra), flow(x2Extra));
    for (FundFlow f : served) {
      m.add(FundFlowRows.put(f, v));
    }
    m.add(FundFlowRows.put(flow(y1OtherDay), v));
    m.add(FundFlowRows.manifest(day, date, v));
    m.add(FundFlowRows.manifest(day, date.minusDays(1), v));
    m.add(FundFlowRows.manifest(day, date.minusDays(2), v));
    // Summaries as the stream computed them from what it saw; C3's was never written.
    Map<CustomerDayKey, CustomerDaySummary> stale = CustomerDaySummaries.of(served);
    stale.forEach((k, s) -> {
      if (!k.clientId().equals(c3.clientId())) {
        m.add(CustomerDayRows.put(s, v));
      }
    });
    return m;
  }

  /** Column texts of every source table, as a day-end export has them. */
  Map<String, List<Map<String, String>>> tables() {
    Map<String, List<Map<String, String>>> t = new LinkedHashMap<>();
    t.put("FUND_JOURNAL", journal().stream().map(DayScenario::text).toList());
    t.put("CUSTOMER", customers().stream().map(DayScenario::text).toList());
    t.put("CHANNEL", List.of(text(CHANNEL)));
    t.put("ADVISORY_CONTRACT", List.of(
        contract("K1", c1, date.minusDays(5), date.minusDays(5), "SIGNED"),
        contract("K2", c2, date, null, "APPLIED")));
    t.put("ADVISORY_ORDER", List.of(
        order("O1", "K1", c1, "PURCHASE", "1000.00", date.minusDays(3)),
        order("O2", "K1", c1, "ADD", "200.00", date),
        order("O3", "K1", c1, "ADD", "55.00", date.plusDays(1))));
    return t;
  }

  private Map<String, String> contract(String id, Customer c, LocalDate applied, LocalDate signed, String status) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("CONTRACT_ID", prefix + id);
    m.put("CLIENT_ID", c.clientId());
    m.put("PORTFOLIO_CODE", portfolio);
    m.put("BRANCH_NO", "1001");
    m.put("APPLY_TIME", TIME.format(applied.atTime(9, 0)));
    m.put("SIGN_TIME", signed == null ? null : TIME.format(signed.atTime(10, 0)));
    m.put("TERMINATE_TIME", null);
    m.put("STATUS", status);
    return m;
  }

  private Map<String, String> order(String id, String contract, Customer c, String type, String amount, LocalDate trade) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("ORDER_ID", prefix + id);
    m.put("CONTRACT_ID", prefix + contract);
    m.put("CLIENT_ID", c.clientId());
    m.put("PORTFOLIO_CODE", portfolio);
    m.put("ORDER_TYPE", type);
    m.put("AMOUNT", amount);
    m.put("ORDER_TIME", TIME.format(trade.atTime(10, 30)));
    m.put("TRADE_DATE", Integer.toString(TradeDate.of(trade)));
    m.put("STATUS", "ACCEPTED");
    return m;
  }

  static Map<String, String> text(FundJournalEntry e) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("INIT_DATE", Integer.toString(e.initDate()));
    m.put("SERIAL_NO", Long.toString(e.serialNo()));
    m.put("OCCUR_TIME", TIME.format(e.occurTime()));
    m.put("CLIENT_ID", e.clientId());
    m.put("FUND_ACCOUNT", e.fundAccount());
    m.put("BRANCH_NO", Integer.toString(e.branchNo()));
    m.put("MONEY_TYPE", e.moneyType().name());
    m.put("BUSINESS_FLAG", Integer.toString(e.businessFlag()));
    m.put("OCCUR_BALANCE", e.occurBalance().toPlainString());
    m.put("POST_BALANCE", e.postBalance().toPlainString());
    m.put("CHANNEL", e.channel());
    m.put("REMARK", e.remark());
    return m;
  }

  static Map<String, String> text(Customer c) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("CLIENT_ID", c.clientId());
    m.put("CLIENT_NAME", c.clientName());
    m.put("ID_KIND", c.idKind());
    m.put("ID_NO", c.idNo());
    m.put("MOBILE", c.mobile());
    m.put("BRANCH_NO", Integer.toString(c.branchNo()));
    m.put("OPEN_DATE", Integer.toString(c.openDate()));
    m.put("CLIENT_STATUS", c.clientStatus());
    m.put("RISK_LEVEL", Integer.toString(c.riskLevel()));
    m.put("KEY_CLIENT", c.keyClient() ? "Y" : "N");
    return m;
  }

  static Map<String, String> text(Channel c) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("CHANNEL_CODE", c.channelCode());
    m.put("CHANNEL_NAME", c.channelName());
    m.put("CHANNEL_TYPE", c.channelType().name());
    return m;
  }

  /** The CSV text of one table: header of column names, then rows; empty field = NULL. */
  static String csv(List<Map<String, String>> rows) {
    Function<String, String> cell = v -> v == null ? "" : v.contains(",") ? "\"" + v + "\"" : v;
    StringBuilder sb = new StringBuilder(String.join(",", rows.get(0).keySet())).append('\n');
    for (Map<String, String> r : rows) {
      sb.append(r.values().stream().map(cell).collect(Collectors.joining(","))).append('\n');
    }
    return sb.toString();
  }

  static byte[] flowBytes(FundFlow f) {
    return FundFlowJson.encode(f);
  }

  static byte[] summaryBytes(CustomerDaySummary s) {
    return CustomerDaySummaryJson.encode(s);
  }
}
