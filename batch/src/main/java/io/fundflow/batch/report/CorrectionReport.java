package io.fundflow.batch.report;

import java.util.List;

/**
 * The reconciliation report of one correction run: printed, written as JSON, stored in BATCH_RUN.
 *
 * @param runId the run's id (BATCH_RUN.RUN_ID)
 * @param tradeDate the corrected trading day, yyyymmdd
 * @param source {@code jdbc} or {@code csv:<folder>}
 * @param dryRun true when nothing was written to HBase or ADS
 * @param status SUCCEEDED or FAILED
 * @param error the failure, null on success
 * @param startedAt ISO-8601 instant
 * @param endedAt ISO-8601 instant
 * @param durationMillis wall time of the run
 * @param stageMillis wall time per stage, in order
 * @param journalRowsRead FUND_JOURNAL rows of the day
 * @param journalRowsRejected of those, rows the DWD rules rejected (not written)
 * @param rejectedSample some rejected rows with the reason
 * @param occurDaysScanned occur-day buckets scanned (yyyymmdd)
 * @param details detail rows: matched, missing (inserted), extra (deleted), different (updated)
 * @param summaries customer-day summary rows, likewise
 * @param ads ADS_ADVISORY_DAILY rows of the day, likewise (extra rows are reset to zeros)
 * @param advisoryRowsRejected contracts and orders the DWD rules rejected
 * @param samples differences with before and after
 */
public record CorrectionReport(
    String runId,
    int tradeDate,
    String source,
    boolean dryRun,
    String status,
    String error,
    String startedAt,
    String endedAt,
    long durationMillis,
    List<StageTime> stageMillis,
    long journalRowsRead,
    long journalRowsRejected,
    List<String> rejectedSample,
    List<Integer> occurDaysScanned,
    Counts details,
    Counts summaries,
    Counts ads,
    long advisoryRowsRejected,
    List<DiffSample> samples) {

  /** Wall time of one stage. */
  public record StageTime(String stage, long millis) {}

  /** Rows compared in one table and what was done. */
  public record Counts(
      long expected, long served, long matched, long inserted, long updated, long deleted,
      long written) {

    /** Rows that needed a write. */
    public long corrections() {
      return inserted + updated + deleted;
    }
  }

  /** Corrections over all tables: zero when the served data was already exact. */
  public long corrections() {
    return details.corrections() + summaries.corrections() + ads.corrections();
  }

  /** Writes sent over all tables (zero in a dry run). */
  public long written() {
    return details.written() + summaries.written() + ads.written();
  }
}
