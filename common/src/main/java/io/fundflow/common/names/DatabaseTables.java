package io.fundflow.common.names;

/** Table names in the platform database (Oracle in production, H2 in Oracle mode locally). */
public final class DatabaseTables {

  /** Served advisory metrics, key (TRADE_DATE, PORTFOLIO_CODE). */
  public static final String ADS_ADVISORY_DAILY = "ADS_ADVISORY_DAILY";
  /** One row per served query, including refused ones. */
  public static final String AUDIT_QUERY = "AUDIT_QUERY";
  /** One row per nightly correction run. */
  public static final String BATCH_RUN = "BATCH_RUN";
  /** The latest savepoints of the stream jobs, per job. */
  public static final String JOB_SAVEPOINT = "JOB_SAVEPOINT";

  /** Authoritative day-end copies of the source tables, read by the nightly correction. */
  public static final String FUND_JOURNAL = "FUND_JOURNAL";

  public static final String CUSTOMER = "CUSTOMER";
  public static final String CHANNEL = "CHANNEL";
  public static final String ADVISORY_CONTRACT = "ADVISORY_CONTRACT";
  public static final String ADVISORY_ORDER = "ADVISORY_ORDER";

  private DatabaseTables() {}
}
