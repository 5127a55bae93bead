package io.fundflow.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.fundflow.generator.Fault;
import java.io.PrintStream;

/** The end of a demo run on the console: the reconciliation, the faults, how to explore. */
final class DemoReport {

  private final DemoOutcome outcome;
  private final DemoSettings settings;

  DemoReport(DemoOutcome outcome, DemoSettings settings) {
    this.outcome = outcome;
    this.settings = settings;
  }

  void print(PrintStream out) {
    JsonNode r = outcome.report();
    out.println();
    out.printf(
        "== Reconciliation report: correction of %s, run %s, %s, %.1f s (%s)%n",
        r.path("tradeDate").asText(), r.path("runId").asText(), r.path("status").asText(),
        r.path("durationMillis").asLong() / 1000.0, outcome.reportFile());
    out.printf(
        "   journal rows read %,d, rejected by the rules %,d%n",
        r.path("journalRowsRead").asLong(), r.path("journalRowsRejected").asLong());
    table(out, "details", r.path("details"));
    table(out, "summaries", r.path("summaries"));
    table(out, "advisory", r.path("ads"));

    out.println();
    out.println("== Faults the generator planted in the stream, as the traders' API serves them now");
    outcome.faultChecks().forEach(c -> out.println("   " + c.describe()));
    long corrected = outcome.faultChecks().stream().filter(FaultCheck::corrected).count();
    out.printf("   %d of %d corrected%n", corrected, outcome.faultChecks().size());

    String url = outcome.servingUrl();
    String day = settings.day().toString();
    String next = settings.day().plusDays(1).toString();
    String client =
        outcome.faultChecks().stream().map(FaultCheck::fault).map(Fault::clientId).findFirst()
            .orElse("CLIENT_ID");
    out.println();
    out.println("== Explore");
    out.println("   Page:        " + url + "/   sign in as " + DemoSettings.TRADER + " / "
        + DemoSettings.TRADER_PASSWORD + ", customer " + client + ", " + day);
    out.println("   Token:       TOKEN=$(curl -s -X POST " + url + "/api/v1/login -H 'Content-Type: application/json' \\");
    out.println("                  -d '{\"username\":\"" + DemoSettings.TRADER + "\",\"password\":\""
        + DemoSettings.TRADER_PASSWORD + "\"}' | sed 's/.*\"token\":\"\\([^\"]*\\)\".*/\\1/')");
    out.println("   Fund flows:  curl -s -H \"Authorization: Bearer $TOKEN\" '" + url + "/api/v1/customers/"
        + client + "/fund-flows?from=" + day + "&to=" + next + "'");
    out.println("   Summary:     curl -s -H \"Authorization: Bearer $TOKEN\" '" + url + "/api/v1/customers/"
        + client + "/fund-flows/summary?from=" + day + "&to=" + next + "'");
    out.println("   Advisory:    curl -s -H \"Authorization: Bearer $TOKEN\" '" + url
        + "/api/v1/advisory/daily?date=" + day.replace("-", "") + "'");
    out.println("   Metrics:     curl -s " + url + "/metrics");
  }

  private static void table(PrintStream out, String name, JsonNode c) {
    out.printf(
        "   %-10s expected %,7d  served %,7d  matched %,7d  inserted %,5d  updated %,5d  deleted %,5d%n",
        name, c.path("expected").asLong(), c.path("served").asLong(), c.path("matched").asLong(),
        c.path("inserted").asLong(), c.path("updated").asLong(), c.path("deleted").asLong());
  }
}
