package io.fundflow.realtime.fundflow;

import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.names.Topics;
import io.fundflow.realtime.kafka.KafkaMessage;

/**
 * The DWD and DWS topics' messages. Both are changelogs keyed by the row's key: a value is the row
 * now, a null value (tombstone) says it was deleted, so a compacted topic keeps the current state.
 */
public final class LayerMessages {

  private LayerMessages() {}

  /**
   * The {@code dwd.fund_flow} message of a flow change, keyed {@code INIT_DATE/SERIAL_NO}.
   *
   * @param currentJson the current flow's JSON ({@code FundFlowJson.encode}), null when deleted
   */
  public static KafkaMessage of(FlowChange change, byte[] currentJson) {
    FundFlow row = change.current() != null ? change.current() : change.previous();
    return KafkaMessage.of(Topics.DWD_FUND_FLOW, row.initDate() + "/" + row.serialNo(), currentJson);
  }

  /**
   * The {@code dws.customer_day} message of a summary update, keyed {@code
   * CLIENT_ID/INIT_DATE/MONEY_TYPE}.
   *
   * @param summaryJson the summary's JSON ({@code CustomerDaySummaryJson.encode}), null when the
   *     day has no entries left
   */
  public static KafkaMessage of(CustomerDayUpdate u, byte[] summaryJson) {
    return KafkaMessage.of(
        Topics.DWS_CUSTOMER_DAY,
        u.key().clientId() + "/" + u.key().initDate() + "/" + u.key().moneyType(),
        summaryJson);
  }
}
