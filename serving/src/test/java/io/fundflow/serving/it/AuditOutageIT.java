package io.fundflow.serving.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.junit.LocalStackExtension;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit store down for longer than the audit queue holds: the real database refuses the serving
 * user's inserts into AUDIT_QUERY (a user without that grant). By default nothing is answered that
 * cannot be audited; with {@code serving.audit.refuse-when-full=false} queries are answered and the
 * rows dropped, counted.
 */
@ExtendWith(LocalStackExtension.class)
class AuditOutageIT {

  private static final String RANGE = "?from=2025-03-13&to=2025-03-15";
  private static final String USER = "AUDIT_READ_ONLY";

  @TempDir Path dir;

  @Test
  void byDefaultAQueryThatCannotBeAuditedIsRefusedWith503(StackEndpoints endpoints)
      throws Exception {
    try (ServingFixture fx = outage(endpoints, dir.resolve("refuse"), Map.of())) {
      String alice = fx.login("alice");
      String page = "/api/v1/customers/" + fx.a + "/fund-flows" + RANGE;
      // One row sits in the writer's failing batch, one in the queue of one; the next is refused.
      List<Integer> statuses = new ArrayList<>();
      HttpResponse<String> r;
      do {
        r = fx.get(page, alice);
        statuses.add(r.statusCode());
      } while (r.statusCode() == 200 && statuses.size() < 10);
      assertEquals(503, r.statusCode(), statuses.toString());
      assertTrue(statuses.size() <= 3, "only the batch and the queue were answered: " + statuses);
      assertTrue(ServingFixture.json(r).get("error").textValue().contains("audit log"), r.body());
      assertFalse(r.body().contains("items"), "no data in the refusal");

      HttpResponse<String> csv =
          fx.get("/api/v1/customers/" + fx.a + "/fund-flows.csv" + RANGE, alice);
      assertEquals(503, csv.statusCode(), "an export is refused before its first byte");
      assertTrue(ServingFixture.json(csv).get("error").textValue().contains("audit log"));

      assertTrue(dropped(fx) >= 2, "each refused query's row is counted as dropped");
      HttpResponse<String> health = fx.get("/health", null);
      assertEquals(503, health.statusCode(), "a process that refuses every query is not healthy");
      assertEquals("FULL", ServingFixture.json(health).get("audit").textValue());
      assertEquals("UP", ServingFixture.json(health).get("database").textValue());
    }
  }

  @Test
  void whenAskedTheQueryIsAnsweredAndItsRowDroppedAndCounted(StackEndpoints endpoints)
      throws Exception {
    try (ServingFixture fx =
        outage(
            endpoints, dir.resolve("answer"), Map.of("serving.audit.refuse-when-full", "false"))) {
      String alice = fx.login("alice");
      String page = "/api/v1/customers/" + fx.a + "/fund-flows" + RANGE;
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> r = fx.get(page, alice);
        assertEquals(200, r.statusCode(), r.body());
      }
      assertEquals(
          200, fx.get("/api/v1/customers/" + fx.a + "/fund-flows.csv" + RANGE, alice).statusCode());
      assertTrue(dropped(fx) >= 4, "rows beyond the batch and the queue of one are dropped");
      HttpResponse<String> health = fx.get("/health", null);
      assertEquals(200, health.statusCode(), "it still answers queries");
      assertEquals("FULL", ServingFixture.json(health).get("audit").textValue());
    }
  }

  /**
   * A serving process whose database user may read but not insert into AUDIT_QUERY, with an audit
   * queue of one row; the fixture's rows are seeded through the stack's own user.
   */
  private static ServingFixture outage(
      StackEndpoints endpoints, Path dir, Map<String, String> extra) throws Exception {
    Files.createDirectories(dir);
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(
                endpoints.jdbcUrl(), endpoints.jdbcUser(), endpoints.jdbcPassword());
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE USER IF NOT EXISTS " + USER + " PASSWORD 'read-only'");
      st.execute("GRANT SELECT ON CUSTOMER TO " + USER);
      st.execute("GRANT SELECT ON ADS_ADVISORY_DAILY TO " + USER);
    }
    Map<String, String> overrides =
        new HashMap<>(
            Map.of(
                "db.user", USER,
                "db.password", "read-only",
                "serving.audit.queue-size", "1",
                "serving.audit.batch-size", "1"));
    overrides.putAll(extra);
    ServingFixture fx = new ServingFixture(endpoints, dir, overrides);
    fx.seed();
    return fx;
  }

  private static double dropped(ServingFixture fx) throws Exception {
    for (String line : fx.get("/metrics", null).body().split("\n")) {
      if (line.startsWith("fundflow_audit_rows_dropped_total")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no fundflow_audit_rows_dropped_total in /metrics");
  }
}
