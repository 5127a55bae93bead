package io.fundflow.scheduler.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Debezium change-log messages and source-row images of the counter system, for tests. */
final class ChangeLogMessages {

  static final int INIT_DATE = 20261119;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChangeLogMessages() {}

  /** A message for {@code table} with op c/u/d/r at SCN {@code scn} (no schema wrapper). */
  static byte[] message(
      String table, String op, Map<String, Object> before, Map<String, Object> after, long scn) {
    ObjectNode root = JSON.createObjectNode();
    root.set("before", before == null ? null : JSON.valueToTree(before));
    root.set("after", after == null ? null : JSON.valueToTree(after));
    ObjectNode source = root.putObject("source");
    source.put("connector", "oracle");
    source.put("schema", "CTS");
    source.put("table", table);
    source.put("scn", Long.toString(scn));
    source.put("ts_ms", 1_795_051_862_500L + scn % 1_000_000);
    root.put("op", op);
    root.put("ts_ms", 1_795_051_862_700L + scn % 1_000_000);
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A FUND_JOURNAL row of {@link #INIT_DATE}, at 09:00 plus {@code serial % 3600} seconds. */
  static Map<String, Object> journal(
      long serial, String client, String channel, int flag, String amount, String postBalance) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("INIT_DATE", INIT_DATE);
    r.put("SERIAL_NO", serial);
    r.put("OCCUR_TIME", String.format("2026-11-19 09:%02d:%02d", (serial / 60) % 60, serial % 60));
    r.put("CLIENT_ID", client);
    r.put("FUND_ACCOUNT", "6" + client);
    r.put("BRANCH_NO", 3101);
    r.put("MONEY_TYPE", "CNY");
    r.put("BUSINESS_FLAG", flag);
    r.put("OCCUR_BALANCE", amount);
    r.put("POST_BALANCE", postBalance);
    r.put("CHANNEL", channel);
    r.put("REMARK", "card 6222020200112233 transfer");
    return r;
  }

  /** A CUSTOMER row. */
  static Map<String, Object> customer(String client, String name, int riskLevel) {
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
  static Map<String, Object> channel(String code, String name) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("CHANNEL_CODE", code);
    r.put("CHANNEL_NAME", name);
    r.put("CHANNEL_TYPE", "MOBILE");
    return r;
  }
}
