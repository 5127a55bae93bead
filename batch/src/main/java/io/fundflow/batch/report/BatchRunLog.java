package io.fundflow.batch.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fundflow.batch.BatchConfig;
import io.fundflow.common.names.DatabaseTables;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The BATCH_RUN row of a run: inserted RUNNING at the start, finished with its counts. */
public final class BatchRunLog {

  /** Status of a run still going (or one whose process died). */
  public static final String RUNNING = "RUNNING";
  /** Status of a run that completed; a dry run too (its report says so). */
  public static final String SUCCEEDED = "SUCCEEDED";
  /** Status of a run that stopped on an error. */
  public static final String FAILED = "FAILED";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BatchConfig.Database db;

  public BatchRunLog(BatchConfig.Database db) {
    this.db = db;
  }

  /** Records that the run started. */
  public void start(String runId, int tradeDate, Instant startedAt) throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO " + DatabaseTables.BATCH_RUN
                    + " (RUN_ID, TRADE_DATE, STARTED_AT, STATUS) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, runId);
      ps.setInt(2, tradeDate);
      ps.setTimestamp(3, Timestamp.from(startedAt));
      ps.setString(4, RUNNING);
      ps.executeUpdate();
    }
  }

  /** Records the run's end, status, counts and report. */
  public void finish(CorrectionReport r) throws Exception {
    String json = JSON.writeValueAsString(r);
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE " + DatabaseTables.BATCH_RUN
                    + " SET ENDED_AT = ?, STATUS = ?, ROWS_READ = ?, ROWS_WRITTEN = ?,"
                    + " ROWS_CORRECTED = ?, ROWS_REJECTED = ?, REPORT = ? WHERE RUN_ID = ?")) {
      ps.setTimestamp(1, Timestamp.from(Instant.parse(r.endedAt())));
      ps.setString(2, r.status());
      ps.setLong(3, r.journalRowsRead());
      ps.setLong(4, r.written());
      ps.setLong(5, r.corrections());
      ps.setLong(6, r.journalRowsRejected() + r.advisoryRowsRejected());
      ps.setCharacterStream(7, new StringReader(json), json.length());
      ps.setString(8, r.runId());
      if (ps.executeUpdate() != 1) {
        throw new SQLException("BATCH_RUN row " + r.runId() + " is gone");
      }
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(db.url(), db.user(), db.password());
  }
}
