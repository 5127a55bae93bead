package io.fundflow.common.names;

import java.util.List;

/** Kafka topic names of every layer (SPEC §1–§2). */
public final class Topics {

  public static final String ODS_FUND_JOURNAL = "ods.fund_journal";
  public static final String ODS_CUSTOMER = "ods.customer";
  public static final String ODS_CHANNEL = "ods.channel";
  public static final String ODS_ADVISORY_CONTRACT = "ods.advisory_contract";
  public static final String ODS_ADVISORY_ORDER = "ods.advisory_order";

  public static final String DWD_FUND_FLOW = "dwd.fund_flow";
  public static final String DWD_ADVISORY_EVENT = "dwd.advisory_event";
  public static final String DWS_CUSTOMER_DAY = "dws.customer_day";

  public static final String DLQ_ODS = "dlq.ods";
  public static final String DLQ_DWD = "dlq.dwd";

  /** The ODS topics, one per source table. */
  public static final List<String> ODS =
      List.of(
          ODS_FUND_JOURNAL, ODS_CUSTOMER, ODS_CHANNEL, ODS_ADVISORY_CONTRACT, ODS_ADVISORY_ORDER);

  /** Every topic the platform reads or writes. */
  public static final List<String> ALL =
      List.of(
          ODS_FUND_JOURNAL,
          ODS_CUSTOMER,
          ODS_CHANNEL,
          ODS_ADVISORY_CONTRACT,
          ODS_ADVISORY_ORDER,
          DWD_FUND_FLOW,
          DWD_ADVISORY_EVENT,
          DWS_CUSTOMER_DAY,
          DLQ_ODS,
          DLQ_DWD);

  private Topics() {}
}
