package io.fundflow.serving;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.serving.auth.TokenIssuer;
import io.fundflow.serving.auth.UserDirectory;
import io.fundflow.serving.config.ServingConfig;
import io.fundflow.serving.http.RouteMetrics;
import io.fundflow.serving.http.ServingApp;
import io.fundflow.serving.query.CursorCodec;
import io.fundflow.serving.store.AuditLog;
import io.fundflow.serving.store.AuditWriter;
import io.fundflow.serving.store.BranchCache;
import io.fundflow.serving.store.FundFlowStore;
import io.fundflow.serving.store.PlatformDatabase;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;

/** A running serving process: HBase connection, database pool and HTTP server; close stops all. */
public final class ServingServer implements AutoCloseable {

  // A query must fail within seconds, not after the client's default minutes of retries.
  private static final Map<String, String> HBASE_DEFAULTS =
      Map.of(
          "hbase.client.operation.timeout", "10000",
          "hbase.client.scanner.timeout.period", "10000",
          "hbase.rpc.timeout", "5000",
          "hbase.client.retries.number", "5");

  private final Connection hbase;
  private final HikariDataSource dataSource;
  private final AuditWriter audit;
  private final ServingApp app;
  private final Javalin http;

  private ServingServer(
      Connection hbase,
      HikariDataSource dataSource,
      AuditWriter audit,
      ServingApp app,
      Javalin http) {
    this.hbase = hbase;
    this.dataSource = dataSource;
    this.audit = audit;
    this.app = app;
    this.http = http;
  }

  /** Connects to HBase and the database and starts listening. */
  public static ServingServer start(ServingConfig config, Clock clock) {
    UserDirectory users = UserDirectory.load(config.usersFile());
    Connection hbase = connect(config.hbase());
    HikariDataSource dataSource = null;
    AuditWriter audit = null;
    try {
      dataSource = dataSource(config);
      RouteMetrics metrics = new RouteMetrics();
      audit =
          new AuditWriter(
              new AuditLog(dataSource)::writeBatch,
              config.auditQueueSize(),
              config.auditBatchSize(),
              metrics.registry());
      TokenIssuer issuer =
          new TokenIssuer(config.jwtSecret(), config.jwtIssuer(), config.tokenTtl(), clock);
      ServingApp app =
          new ServingApp(
              users,
              issuer,
              issuer,
              new CursorCodec(config.cursorSecret()),
              config.maxRange(),
              new FundFlowStore(hbase),
              new PlatformDatabase(dataSource),
              audit,
              config.auditRefuseWhenFull(),
              new BranchCache(
                  config.branchCacheSize(),
                  config.branchCacheTtl(),
                  com.github.benmanes.caffeine.cache.Ticker.systemTicker(),
                  metrics.registry()),
              metrics,
              clock);
      Javalin http = app.create().start(config.httpHost(), config.httpPort());
      return new ServingServer(hbase, dataSource, audit, app, http);
    } catch (RuntimeException e) {
      if (audit != null) {
        audit.close();
      }
      if (dataSource != null) {
        dataSource.close();
      }
      closeQuietly(hbase);
      throw e;
    }
  }

  /** The port the HTTP server listens on (useful with {@code http.port=0}). */
  public int port() {
    return http.port();
  }

  /**
   * Waits until every audit row queued so far is in {@code AUDIT_QUERY}.
   *
   * @return false when {@code timeout} passed first
   */
  public boolean awaitAuditWritten(Duration timeout) throws InterruptedException {
    return audit.awaitWritten(timeout);
  }

  /** Stops listening, then writes the audit rows still queued, then closes the stores. */
  @Override
  public void close() {
    http.stop();
    app.close();
    audit.close();
    dataSource.close();
    closeQuietly(hbase);
  }

  private static Connection connect(HBaseClientSettings settings) {
    Map<String, String> properties = new HashMap<>(HBASE_DEFAULTS);
    properties.putAll(settings.properties());
    Configuration conf = new HBaseClientSettings(properties).toConfiguration();
    try {
      return ConnectionFactory.createConnection(conf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to HBase: " + e.getMessage(), e);
    }
  }

  private static HikariDataSource dataSource(ServingConfig config) {
    HikariConfig h = new HikariConfig();
    h.setJdbcUrl(config.dbUrl());
    h.setUsername(config.dbUser());
    h.setPassword(config.dbPassword());
    h.setMaximumPoolSize(config.dbPoolSize());
    h.setPoolName("fundflow-serving");
    // Start even while the database is down: /health reports it, queries answer 503.
    h.setInitializationFailTimeout(-1);
    return new HikariDataSource(h);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (IOException e) {
      // closing on the way out: nothing left to do with the failure
    }
  }
}
