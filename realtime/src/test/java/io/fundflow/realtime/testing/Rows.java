package io.fundflow.realtime.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Source-table row images (column name → value, as the counter system emits them) for tests. */
public final class Rows {

  private Rows() {}

  /** A FUND_JOURNAL row of 2026-11-19 at 09:30 plus {@code serial % 3600} seconds. */
  public static Map<String, Object> journal(long serial, String client, int flag, String amount) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("INIT_DATE", 20261119);
    r.put("SERIAL_NO", serial);
    r.put("OCCUR_TIME", String.format("2026-11-19 09:%02d:%02d", (serial / 60) % 60, serial % 60));
    r.put("CLIENT_ID", client);
    r.put("FUND_ACCOUNT", "6" + client);
    r.put("BRANCH_NO", 3101);
    r.put("MONEY_TYPE", "CNY");
    r.put("BUSINESS_FLAG", flag);
    r.put("OCCUR_BALANCE", amount);
    r.put("POST_BALANCE", "100000.00");
    r.put("CHANNEL", "7");
    r.put("REMARK", "card 6222020200112233 transfer");
    return r;
  }

  /** A CUSTOMER row. */
  public static Map<String, Object> customer(String client, String name, int riskLevel) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("CLIENT_ID", client);
    r.put("CLIENT_NAME", name);
    r.put("ID_KIND", "0");
    r.put("ID_NO", "110101198001011234");
    r.put("MOBILE", "13812345678");
    r.put("BRANCH_NO", 3101);
    r.put("OPEN_DATE", 20190315);
    r.put("CLIENT_STATUS", "0");
    r.put("RISK_LEVEL", riskLevel);
    r.put("KEY_CLIENT", "Y");
    return r;
  }

  /** A CHANNEL row. */
  public static Map<String, Object> channel(String code, String name) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("CHANNEL_CODE", code);
    r.put("CHANNEL_NAME", name);
    r.put("CHANNEL_TYPE", "MOBILE");
    return r;
  }

  /** A copy of {@code row} with {@code column} set to {@code value}. */
  public static Map<String, Object> with(Map<String, Object> row, String column, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(row);
    copy.put(column, value);
    return copy;
  }
}
