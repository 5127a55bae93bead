package io.fundflow.batch.source;

import io.fundflow.batch.BatchConfig;
import io.fundflow.batch.TradeDate;
import io.fundflow.common.names.DatabaseTables;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The authoritative tables in a database (Oracle in production, H2 in Oracle mode here). The day's
 * journal is read in {@code batch.jdbc.partitions} parallel slices ({@code MOD(SERIAL_NO, n) = i},
 * valid on both); TIMESTAMP columns are read as local date-times (TIMESTAMP_NTZ), with no time zone
 * conversion.
 */
public final class JdbcSource implements AuthoritativeSource {

  private final SparkSession spark;
  private final BatchConfig.Database db;
  private final int partitions;

  public JdbcSource(SparkSession spark, BatchConfig.Database db, int partitions) {
    this.spark = spark;
    this.db = db;
    this.partitions = partitions;
  }

  @Override
  public TextTable journal(int initDate) {
    String[] slices =
        IntStream.range(0, partitions)
            .mapToObj(i -> "INIT_DATE = " + initDate + " AND MOD(SERIAL_NO, " + partitions + ") = " + i)
            .toArray(String[]::new);
    return TextTable.of(
        spark.read().option("preferTimestampNTZ", "true")
            .jdbc(db.url(), DatabaseTables.FUND_JOURNAL, slices, properties()));
  }

  @Override
  public TextTable customers(int initDate) {
    // Only the customers the day's journal names: the customer table is far larger than a day.
    String query =
        "(SELECT * FROM " + DatabaseTables.CUSTOMER + " WHERE CLIENT_ID IN (SELECT CLIENT_ID FROM "
            + DatabaseTables.FUND_JOURNAL + " WHERE INIT_DATE = " + initDate + ")) c";
    return TextTable.of(table(query));
  }

  @Override
  public TextTable channels() {
    return TextTable.of(table(DatabaseTables.CHANNEL));
  }

  @Override
  public Dataset<Row> contracts(int tradeDate) {
    String nextDay = TradeDate.toLocalDate(tradeDate).plusDays(1).toString();
    return TextColumns.of(table(
        "(SELECT * FROM " + DatabaseTables.ADVISORY_CONTRACT
            + " WHERE APPLY_TIME < TIMESTAMP '" + nextDay + " 00:00:00') ac"));
  }

  @Override
  public Dataset<Row> orders(int tradeDate) {
    return TextColumns.of(table(
        "(SELECT * FROM " + DatabaseTables.ADVISORY_ORDER + " WHERE TRADE_DATE <= " + tradeDate
            + ") ao"));
  }

  /** The table or query as read, typed; TextTable and the advisory readers render it as text. */
  private Dataset<Row> table(String tableOrQuery) {
    return spark.read().option("preferTimestampNTZ", "true").jdbc(db.url(), tableOrQuery, properties());
  }

  private Properties properties() {
    Properties p = new Properties();
    p.setProperty("user", db.user());
    p.setProperty("password", db.password());
    p.setProperty("fetchsize", "10000");
    return p;
  }
}
