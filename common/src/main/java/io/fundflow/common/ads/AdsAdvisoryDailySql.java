package io.fundflow.common.ads;

import io.fundflow.common.names.DatabaseTables;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * The one upsert of {@code ADS_ADVISORY_DAILY}, shared by the stream (SOURCE = STREAM) and the
 * nightly batch (SOURCE = BATCH) so that both write the table the same way.
 *
 * <p>A single-row {@code MERGE ... USING (SELECT ... FROM dual)} keyed on (TRADE_DATE,
 * PORTFOLIO_CODE): running it again with the same row converges, so an at-least-once writer may
 * replay a batch. Every parameter is wrapped in a {@code CAST} to the column's type because H2 (in
 * Oracle mode, used locally and in tests) cannot type a bare {@code ?} in a select list; the casts
 * are plain Oracle too. UPDATED_AT is a parameter, not {@code SYSTIMESTAMP}, so the writer decides
 * the clock and a test can check it.
 */
public final class AdsAdvisoryDailySql {

  /** The SOURCE value of rows the stream writes. */
  public static final String SOURCE_STREAM = "STREAM";

  /** The SOURCE value of rows the nightly correction writes. */
  public static final String SOURCE_BATCH = "BATCH";

  /** Parameters in order; {@link #bind} sets them. */
  public static final String MERGE =
      "MERGE INTO "
          + DatabaseTables.ADS_ADVISORY_DAILY
          + " t USING (SELECT"
          + " CAST(? AS NUMBER(8)) AS TRADE_DATE,"
          + " CAST(? AS VARCHAR2(32)) AS PORTFOLIO_CODE,"
          + " CAST(? AS NUMBER(10)) AS NEW_SIGNED_CUSTOMERS,"
          + " CAST(? AS NUMBER(10)) AS APPLIED_CONTRACTS,"
          + " CAST(? AS NUMBER(10)) AS SIGNED_CONTRACTS,"
          + " CAST(? AS NUMBER(9,4)) AS SIGN_RATE,"
          + " CAST(? AS NUMBER(10)) AS ADDED_CUSTOMERS,"
          + " CAST(? AS NUMBER(19,2)) AS ADDED_AMOUNT,"
          + " CAST(? AS NUMBER(19,2)) AS REDEEMED_AMOUNT,"
          + " CAST(? AS NUMBER(10)) AS RETAINED_CUSTOMERS,"
          + " CAST(? AS NUMBER(21,2)) AS AUM,"
          + " CAST(? AS TIMESTAMP) AS UPDATED_AT,"
          + " CAST(? AS VARCHAR2(8)) AS SOURCE"
          + " FROM dual) s"
          + " ON (t.TRADE_DATE = s.TRADE_DATE AND t.PORTFOLIO_CODE = s.PORTFOLIO_CODE)"
          + " WHEN MATCHED THEN UPDATE SET"
          + " t.NEW_SIGNED_CUSTOMERS = s.NEW_SIGNED_CUSTOMERS,"
          + " t.APPLIED_CONTRACTS = s.APPLIED_CONTRACTS,"
          + " t.SIGNED_CONTRACTS = s.SIGNED_CONTRACTS,"
          + " t.SIGN_RATE = s.SIGN_RATE,"
          + " t.ADDED_CUSTOMERS = s.ADDED_CUSTOMERS,"
          + " t.ADDED_AMOUNT = s.ADDED_AMOUNT,"
          + " t.REDEEMED_AMOUNT = s.REDEEMED_AMOUNT,"
          + " t.RETAINED_CUSTOMERS = s.RETAINED_CUSTOMERS,"
          + " t.AUM = s.AUM,"
          + " t.UPDATED_AT = s.UPDATED_AT,"
          + " t.SOURCE = s.SOURCE"
          + " WHEN NOT MATCHED THEN INSERT (TRADE_DATE, PORTFOLIO_CODE, NEW_SIGNED_CUSTOMERS,"
          + " APPLIED_CONTRACTS, SIGNED_CONTRACTS, SIGN_RATE, ADDED_CUSTOMERS, ADDED_AMOUNT,"
          + " REDEEMED_AMOUNT, RETAINED_CUSTOMERS, AUM, UPDATED_AT, SOURCE)"
          + " VALUES (s.TRADE_DATE, s.PORTFOLIO_CODE, s.NEW_SIGNED_CUSTOMERS, s.APPLIED_CONTRACTS,"
          + " s.SIGNED_CONTRACTS, s.SIGN_RATE, s.ADDED_CUSTOMERS, s.ADDED_AMOUNT,"
          + " s.REDEEMED_AMOUNT, s.RETAINED_CUSTOMERS, s.AUM, s.UPDATED_AT, s.SOURCE)";

  private AdsAdvisoryDailySql() {}

  /**
   * Sets the parameters of {@link #MERGE} for one row.
   *
   * @param source {@link #SOURCE_STREAM} or {@link #SOURCE_BATCH}
   * @param updatedAt the UPDATED_AT value
   */
  public static void bind(
      PreparedStatement ps, AdvisoryDailyMetrics row, String source, Instant updatedAt)
      throws SQLException {
    int i = 1;
    ps.setInt(i++, row.tradeDate());
    ps.setString(i++, row.portfolioCode());
    ps.setLong(i++, row.newSignedCustomers());
    ps.setLong(i++, row.appliedContracts());
    ps.setLong(i++, row.signedContracts());
    if (row.signRate() == null) {
      ps.setNull(i++, Types.DECIMAL);
    } else {
      ps.setBigDecimal(i++, row.signRate());
    }
    ps.setLong(i++, row.addedCustomers());
    ps.setBigDecimal(i++, row.addedAmount());
    ps.setBigDecimal(i++, row.redeemedAmount());
    ps.setLong(i++, row.retainedCustomers());
    ps.setBigDecimal(i++, row.aum());
    ps.setTimestamp(i++, Timestamp.from(updatedAt));
    ps.setString(i, source);
  }
}
