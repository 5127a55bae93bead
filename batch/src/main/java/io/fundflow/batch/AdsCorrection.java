package io.fundflow.batch;

import io.fundflow.batch.report.DiffSample;
import io.fundflow.batch.report.TableOutcome;
import io.fundflow.batch.spark.SourceRows;
import io.fundflow.common.ads.AdsAdvisoryDailySql;
import io.fundflow.common.ads.AdvisoryBook;
import io.fundflow.common.ads.AdvisoryDailyMetrics;
import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.changelog.TextRowReader;
import io.fundflow.common.dwd.DwdRules;
import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.names.DatabaseTables;
import io.fundflow.common.reconcile.DiffCounts;
import io.fundflow.common.reconcile.DiffKind;
import io.fundflow.common.reconcile.RowDiff;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * Recomputes {@code ADS_ADVISORY_DAILY} for a trading date with common's {@link AdvisoryBook}
 * (every contract and order up to the date, each at one version) and MERGEs the rows that differ,
 * or are still the stream's, with SOURCE=BATCH in one transaction. A served portfolio that no longer
 * has a row for the date is reset to the book's all-zero row, as the stream does.
 */
final class AdsCorrection {

  /** What the ADS stage found. */
  record Outcome(TableOutcome table, long rejected) {}

  private static final SourcePosition DAY_END = new SourcePosition(0, 0);

  private final BatchConfig.Database db;
  private final int sampleSize;

  AdsCorrection(BatchConfig.Database db, int sampleSize) {
    this.db = db;
    this.sampleSize = sampleSize;
  }

  /** Fills the book from the source rows; returns how many rows the DWD rules rejected. */
  static long fill(AdvisoryBook book, Iterator<Row> contracts, Iterator<Row> orders) {
    long rejected = 0;
    while (contracts.hasNext()) {
      TextRowReader.Result r =
          TextRowReader.read(SourceTable.ADVISORY_CONTRACT, SourceRows.columns(contracts.next()));
      if (!r.ok() || !DwdRules.validate(r.row()).isValid()) {
        rejected++;
      } else {
        book.upsertContract((AdvisoryContract) r.row(), DAY_END);
      }
    }
    while (orders.hasNext()) {
      TextRowReader.Result r = TextRowReader.read(SourceTable.ADVISORY_ORDER, SourceRows.columns(orders.next()));
      if (!r.ok() || !DwdRules.validate(r.row()).isValid()) {
        rejected++;
      } else {
        book.upsertOrder((AdvisoryOrder) r.row(), DAY_END);
      }
    }
    return rejected;
  }

  /** Compares the book's rows of {@code tradeDate} with the served ones and writes the fixes. */
  TableOutcome correct(AdvisoryBook book, int tradeDate, boolean dryRun, Instant runStart)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
      Map<String, Served> served = served(c, tradeDate);
      Map<String, AdvisoryDailyMetrics> expected = new TreeMap<>();
      for (AdvisoryDailyMetrics m : book.metricsFor(tradeDate)) {
        expected.put(m.portfolioCode(), m);
      }
      for (String portfolio : served.keySet()) {
        expected.computeIfAbsent(portfolio, p -> book.metricsFor(tradeDate, p));
      }
      DiffCounts counts = DiffCounts.ZERO;
      List<AdvisoryDailyMetrics> toWrite = new ArrayList<>();
      List<DiffSample> samples = new ArrayList<>();
      for (AdvisoryDailyMetrics m : expected.values()) {
        Served s = served.get(m.portfolioCode());
        RowDiff<AdvisoryDailyMetrics> d = RowDiff.of(m, s == null ? null : s.row());
        counts = counts.plus(d.kind());
        boolean stillStream = s != null && !AdsAdvisoryDailySql.SOURCE_BATCH.equals(s.source());
        if (d.needsCorrection() || stillStream) {
          toWrite.add(m);
        }
        if (d.needsCorrection() && samples.size() < sampleSize) {
          samples.add(
              new DiffSample(DatabaseTables.ADS_ADVISORY_DAILY, tradeDate + "/" + m.portfolioCode(),
                  d.kind(), d.fields(), s == null ? null : s.row().toString(), m.toString()));
        }
      }
      if (!dryRun && !toWrite.isEmpty()) {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(AdsAdvisoryDailySql.MERGE)) {
          for (AdvisoryDailyMetrics m : toWrite) {
            AdsAdvisoryDailySql.bind(ps, m, AdsAdvisoryDailySql.SOURCE_BATCH, runStart);
            ps.addBatch();
          }
          ps.executeBatch();
          c.commit();
        } catch (SQLException e) {
          c.rollback();
          throw e;
        }
      }
      return new TableOutcome(counts, dryRun ? 0 : toWrite.size(), samples);
    }
  }

  private record Served(AdvisoryDailyMetrics row, String source) {}

  private static Map<String, Served> served(Connection c, int tradeDate) throws SQLException {
    Map<String, Served> out = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT TRADE_DATE, PORTFOLIO_CODE, NEW_SIGNED_CUSTOMERS, APPLIED_CONTRACTS,"
                + " SIGNED_CONTRACTS, SIGN_RATE, ADDED_CUSTOMERS, ADDED_AMOUNT, REDEEMED_AMOUNT,"
                + " RETAINED_CUSTOMERS, AUM, SOURCE FROM " + DatabaseTables.ADS_ADVISORY_DAILY
                + " WHERE TRADE_DATE = ?")) {
      ps.setInt(1, tradeDate);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          AdvisoryDailyMetrics m =
              new AdvisoryDailyMetrics(
                  rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                  rs.getBigDecimal(6), rs.getLong(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                  rs.getLong(10), rs.getBigDecimal(11));
          out.put(m.portfolioCode(), new Served(m, rs.getString(12)));
        }
      }
    }
    return out;
  }

}
