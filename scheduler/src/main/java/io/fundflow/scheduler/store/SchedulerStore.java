package io.fundflow.scheduler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The scheduler's tables: restore points ({@code JOB_SAVEPOINT}), sessions, skipped days and
 * correction launches. Plain JDBC valid on Oracle and H2 in Oracle mode.
 */
public final class SchedulerStore {

  private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

  private final DataSource db;

  public SchedulerStore(DataSource db) {
    this.db = db;
  }

  /** A restore point of a job: a savepoint or a retained checkpoint. */
  public record RestorePointRow(String jobName, String path, String kind, Instant createdAt) {}

  static int ymd(LocalDate d) {
    return Integer.parseInt(d.format(YMD));
  }

  static LocalDate date(int ymd) {
    return LocalDate.parse(Integer.toString(ymd), YMD);
  }

  /** Records a savepoint ({@code kind} SAVEPOINT) or a fallback checkpoint (CHECKPOINT). */
  public void recordRestorePoint(String jobName, String path, String kind, Instant at) {
    update(
        "INSERT INTO JOB_SAVEPOINT (JOB_NAME, SAVEPOINT_PATH, KIND, CREATED_AT) VALUES (?, ?, ?, ?)",
        jobName,
        path,
        kind,
        Timestamp.from(at));
  }

  /** The job's latest restore point, the one to resume from. */
  public Optional<RestorePointRow> latestRestorePoint(String jobName) {
    return query(
            "SELECT JOB_NAME, SAVEPOINT_PATH, KIND, CREATED_AT FROM JOB_SAVEPOINT WHERE JOB_NAME = ?"
                + " ORDER BY CREATED_AT DESC, ID DESC FETCH FIRST 1 ROWS ONLY",
            rs ->
                new RestorePointRow(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
            jobName)
        .stream()
        .findFirst();
  }

  /** Every restore point of a job, newest first. */
  public List<RestorePointRow> restorePoints(String jobName) {
    return query(
        "SELECT JOB_NAME, SAVEPOINT_PATH, KIND, CREATED_AT FROM JOB_SAVEPOINT WHERE JOB_NAME = ?"
            + " ORDER BY CREATED_AT DESC, ID DESC",
        rs ->
            new RestorePointRow(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
        jobName);
  }

  /** The job's session record of {@code day}. */
  public Optional<SessionRecord> session(String jobName, LocalDate day) {
    return query(
            "SELECT JOB_NAME, TRADE_DATE, FLINK_JOB_ID, RESTARTS, ALERTED, MANUAL_STOP, STATE, SINCE"
                + " FROM SCHEDULER_SESSION WHERE JOB_NAME = ? AND TRADE_DATE = ?",
            rs ->
                new SessionRecord(
                    rs.getString(1),
                    date(rs.getInt(2)),
                    Optional.ofNullable(rs.getString(3)),
                    rs.getInt(4),
                    rs.getInt(5) != 0,
                    rs.getInt(6) != 0,
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant()),
            jobName,
            ymd(day))
        .stream()
        .findFirst();
  }

  /** Writes (inserting or replacing) a session record. */
  public void saveSession(SessionRecord s) {
    int updated =
        update(
            "UPDATE SCHEDULER_SESSION SET FLINK_JOB_ID = ?, RESTARTS = ?, ALERTED = ?, MANUAL_STOP = ?,"
                + " STATE = ?, SINCE = ? WHERE JOB_NAME = ? AND TRADE_DATE = ?",
            s.flinkJobId().orElse(null),
            s.restarts(),
            s.alerted() ? 1 : 0,
            s.manualStop() ? 1 : 0,
            s.state(),
            Timestamp.from(s.since()),
            s.jobName(),
            ymd(s.tradeDate()));
    if (updated == 0) {
      update(
          "INSERT INTO SCHEDULER_SESSION (JOB_NAME, TRADE_DATE, FLINK_JOB_ID, RESTARTS, ALERTED,"
              + " MANUAL_STOP, STATE, SINCE) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          s.jobName(),
          ymd(s.tradeDate()),
          s.flinkJobId().orElse(null),
          s.restarts(),
          s.alerted() ? 1 : 0,
          s.manualStop() ? 1 : 0,
          s.state(),
          Timestamp.from(s.since()));
    }
  }

  /** Takes {@code day} out of the schedule; idempotent. */
  public void skip(LocalDate day, String reason, Instant at) {
    if (skippedDays().contains(day)) {
      return;
    }
    update(
        "INSERT INTO SCHEDULER_SKIP_DAY (TRADE_DATE, REASON, CREATED_AT) VALUES (?, ?, ?)",
        ymd(day),
        reason,
        Timestamp.from(at));
  }

  /** Every skipped day. */
  public Set<LocalDate> skippedDays() {
    return new TreeSet<>(
        query("SELECT TRADE_DATE FROM SCHEDULER_SKIP_DAY", rs -> date(rs.getInt(1))));
  }

  /** Records the start of a correction launch; returns its id. */
  public long startCorrection(LocalDate day, int attempt, Instant at) {
    update(
        "INSERT INTO CORRECTION_LAUNCH (TRADE_DATE, ATTEMPT, STARTED_AT, STATUS) VALUES (?, ?, ?, 'RUNNING')",
        ymd(day),
        attempt,
        Timestamp.from(at));
    return query(
            "SELECT MAX(ID) FROM CORRECTION_LAUNCH WHERE TRADE_DATE = ? AND ATTEMPT = ?",
            rs -> rs.getLong(1),
            ymd(day),
            attempt)
        .get(0);
  }

  /** Records how a correction launch ended. */
  public void endCorrection(long id, int exitCode, boolean succeeded, String outputTail, Instant at) {
    String tail = outputTail.length() > 3900 ? outputTail.substring(outputTail.length() - 3900) : outputTail;
    update(
        "UPDATE CORRECTION_LAUNCH SET ENDED_AT = ?, EXIT_CODE = ?, STATUS = ?, OUTPUT_TAIL = ? WHERE ID = ?",
        Timestamp.from(at),
        exitCode,
        succeeded ? "SUCCEEDED" : "FAILED",
        tail,
        id);
  }

  /** Correction launches of {@code day}, newest first. */
  public List<CorrectionLaunch> corrections(LocalDate day) {
    return query(
        "SELECT ID, TRADE_DATE, ATTEMPT, STARTED_AT, ENDED_AT, EXIT_CODE, STATUS, OUTPUT_TAIL"
            + " FROM CORRECTION_LAUNCH WHERE TRADE_DATE = ? ORDER BY ID DESC",
        SchedulerStore::launch,
        ymd(day));
  }

  /** The latest correction launch of any day. */
  public Optional<CorrectionLaunch> latestCorrection() {
    return query(
            "SELECT ID, TRADE_DATE, ATTEMPT, STARTED_AT, ENDED_AT, EXIT_CODE, STATUS, OUTPUT_TAIL"
                + " FROM CORRECTION_LAUNCH ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY",
            SchedulerStore::launch)
        .stream()
        .findFirst();
  }

  private static CorrectionLaunch launch(ResultSet rs) throws SQLException {
    Timestamp ended = rs.getTimestamp(5);
    int exit = rs.getInt(6);
    OptionalInt exitCode = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(exit);
    String tail = rs.getString(8);
    return new CorrectionLaunch(
        rs.getLong(1),
        date(rs.getInt(2)),
        rs.getInt(3),
        rs.getTimestamp(4).toInstant(),
        Optional.ofNullable(ended).map(Timestamp::toInstant),
        exitCode,
        rs.getString(7),
        tail == null ? "" : tail);
  }

  /** Reads one row into a value. */
  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  private int update(String sql, Object... params) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      int n = ps.executeUpdate();
      if (!c.getAutoCommit()) {
        c.commit();
      }
      return n;
    } catch (SQLException e) {
      throw new IllegalStateException("update failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
  }
}
