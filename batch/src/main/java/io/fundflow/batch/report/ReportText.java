package io.fundflow.batch.report;

import java.io.PrintStream;

/** Prints a report for an operator: what was read, what was wrong, what was fixed. */
public final class ReportText {

  private ReportText() {}

  public static void print(CorrectionReport r, PrintStream out) {
    out.printf("%n== correction %s of %d (%s)%s: %s in %.1f s%n", r.runId(), r.tradeDate(),
        r.source(), r.dryRun() ? ", DRY RUN: nothing written" : "", r.status(),
        r.durationMillis() / 1000.0);
    if (r.error() != null) {
      out.println("   error: " + r.error());
    }
    out.printf("   journal rows read %,d, rejected %,d; buckets scanned %s%n",
        r.journalRowsRead(), r.journalRowsRejected(), r.occurDaysScanned());
    out.printf("   %-10s %10s %10s %10s %10s %10s %10s %10s%n", "table", "expected", "served",
        "matched", "inserted", "updated", "deleted", "written");
    row(out, "details", r.details());
    row(out, "summaries", r.summaries());
    row(out, "ads", r.ads());
    out.printf("   corrections %,d, advisory rows rejected %,d%n", r.corrections(),
        r.advisoryRowsRejected());
    for (CorrectionReport.StageTime s : r.stageMillis()) {
      out.printf("   stage %-10s %8d ms%n", s.stage(), s.millis());
    }
    for (String rej : r.rejectedSample()) {
      out.println("   rejected " + rej);
    }
    for (DiffSample s : r.samples()) {
      out.printf("   %-9s %s %s%s%n", s.kind(), s.table(), s.key(),
          s.fields().isEmpty() ? "" : " fields " + s.fields());
      out.println("       before " + s.before());
      out.println("       after  " + s.after());
    }
  }

  private static void row(PrintStream out, String name, CorrectionReport.Counts c) {
    out.printf("   %-10s %,10d %,10d %,10d %,10d %,10d %,10d %,10d%n", name, c.expected(),
        c.served(), c.matched(), c.inserted(), c.updated(), c.deleted(), c.written());
  }
}
