package io.fundflow.serving.config;

import io.fundflow.common.config.ConfigErrors;
import io.fundflow.common.config.ConfigException;
import io.fundflow.common.config.HostPort;
import io.fundflow.common.config.Settings;
import io.fundflow.hbase.HBaseClientSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything the serving process reads from configuration, validated in one place at start-up.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><td>http.host / http.port</td><td>where the API and the page listen; default 127.0.0.1 / 8080 (0: any free port)</td></tr>
 *   <tr><td>hbase.bootstrap.servers</td><td>HBase masters' RPC host:port,... (no ZooKeeper needed)</td></tr>
 *   <tr><td>hbase.zookeeper.quorum / hbase.zookeeper.property.clientPort</td><td>or: HBase's ZooKeeper hosts and port (default 2181); exactly one of the two ways</td></tr>
 *   <tr><td>db.url / db.user / db.password</td><td>the platform database (AUDIT_QUERY, ADS_ADVISORY_DAILY, CUSTOMER)</td></tr>
 *   <tr><td>serving.db.pool-size</td><td>JDBC connections, default 8</td></tr>
 *   <tr><td>serving.users.file</td><td>the embedded identity store: users, bcrypt hashes, granted branches</td></tr>
 *   <tr><td>serving.jwt.secret</td><td>HMAC-SHA256 key of the tokens, at least 32 bytes</td></tr>
 *   <tr><td>serving.jwt.issuer</td><td>default fundflow-serving</td></tr>
 *   <tr><td>serving.token.ttl</td><td>token lifetime, default 8h</td></tr>
 *   <tr><td>serving.cursor.secret</td><td>HMAC key signing page cursors, at least 32 bytes; the same on every instance</td></tr>
 *   <tr><td>serving.max-range</td><td>longest [from, to) a query may span, default 366d</td></tr>
 *   <tr><td>serving.audit.queue-size / serving.audit.batch-size</td><td>audit rows waiting for the writer (default 10000; beyond it queries are refused, see the next key) and rows per insert batch (default 200)</td></tr>
 *   <tr><td>serving.audit.refuse-when-full</td><td>default true: a query whose audit row finds the queue full is answered 503, not served unaudited; false serves it and drops the row</td></tr>
 *   <tr><td>serving.branch-cache.size / serving.branch-cache.ttl</td><td>customers whose branch is cached (default 100000) and for how long (default 5m; 0 disables the cache)</td></tr>
 * </table>
 */
public record ServingConfig(
    String httpHost,
    int httpPort,
    HBaseClientSettings hbase,
    String dbUrl,
    String dbUser,
    String dbPassword,
    int dbPoolSize,
    Path usersFile,
    byte[] jwtSecret,
    String jwtIssuer,
    Duration tokenTtl,
    byte[] cursorSecret,
    Duration maxRange,
    int auditQueueSize,
    int auditBatchSize,
    boolean auditRefuseWhenFull,
    int branchCacheSize,
    Duration branchCacheTtl) {

  /** Shortest accepted HMAC key: HS256 wants at least the hash's 32 bytes. */
  public static final int MIN_SECRET_BYTES = 32;

  @Override
  public String toString() {
    // The default record toString would print the password and the secrets.
    return "ServingConfig[http="
        + httpHost
        + ":"
        + httpPort
        + ", hbase="
        + hbase.properties()
        + ", db="
        + dbUrl
        + ", users="
        + usersFile
        + ", maxRange="
        + maxRange
        + "]";
  }

  /** Reads and validates every key, reporting all problems at once. */
  public static ServingConfig from(Settings s) {
    return ConfigErrors.collect(
        errors ->
            new ServingConfig(
                errors.get(() -> s.string("http.host", "127.0.0.1")),
                errors.getInt(() -> s.intValue("http.port", 8080, 0, 65535)),
                errors.get(() -> hbase(s)),
                errors.get(() -> s.string("db.url")),
                errors.get(() -> s.string("db.user", "fundflow")),
                errors.get(() -> s.has("db.password") ? s.string("db.password") : ""),
                errors.getInt(() -> s.intValue("serving.db.pool-size", 8, 1, 256)),
                errors.get(() -> usersFile(s)),
                errors.get(() -> secret(s, "serving.jwt.secret")),
                errors.get(() -> s.string("serving.jwt.issuer", "fundflow-serving")),
                errors.get(() -> s.duration("serving.token.ttl", Duration.ofHours(8))),
                errors.get(() -> secret(s, "serving.cursor.secret")),
                errors.get(() -> s.duration("serving.max-range", Duration.ofDays(366))),
                errors.getInt(() -> s.intValue("serving.audit.queue-size", 10_000, 1, 10_000_000)),
                errors.getInt(() -> s.intValue("serving.audit.batch-size", 200, 1, 10_000)),
                errors.getBoolean(() -> s.bool("serving.audit.refuse-when-full", true)),
                errors.getInt(
                    () -> s.intValue("serving.branch-cache.size", 100_000, 1, 100_000_000)),
                errors.get(() -> s.duration("serving.branch-cache.ttl", Duration.ofMinutes(5)))));
  }

  /** The same configuration with another users file and JDBC pool size (the benchmark's own). */
  public ServingConfig withUsers(Path users, int poolSize) {
    return new ServingConfig(
        httpHost,
        0,
        hbase,
        dbUrl,
        dbUser,
        dbPassword,
        poolSize,
        users,
        jwtSecret,
        jwtIssuer,
        tokenTtl,
        cursorSecret,
        maxRange,
        auditQueueSize,
        auditBatchSize,
        auditRefuseWhenFull,
        branchCacheSize,
        branchCacheTtl);
  }

  /**
   * HBase through the masters' RPC ports ({@code hbase.bootstrap.servers}) or through ZooKeeper
   * ({@code hbase.zookeeper.quorum}, {@code hbase.zookeeper.property.clientPort}): exactly one.
   */
  private static HBaseClientSettings hbase(Settings s) {
    boolean bootstrap = s.has("hbase.bootstrap.servers");
    boolean zookeeper = s.has("hbase.zookeeper.quorum");
    if (bootstrap == zookeeper) {
      throw new ConfigException(
          bootstrap
              ? "hbase.bootstrap.servers and hbase.zookeeper.quorum: set only one of them"
              : "hbase.bootstrap.servers: required (or hbase.zookeeper.quorum with"
                  + " hbase.zookeeper.property.clientPort)");
    }
    if (bootstrap) {
      return HBaseClientSettings.bootstrapServers(joined(s.hostPorts("hbase.bootstrap.servers")));
    }
    List<String> hosts = s.list("hbase.zookeeper.quorum");
    int port = s.intValue("hbase.zookeeper.property.clientPort", 2181, 1, 65535);
    return new HBaseClientSettings(
        Map.of(
            "hbase.zookeeper.quorum",
            String.join(",", hosts),
            "hbase.zookeeper.property.clientPort",
            Integer.toString(port)));
  }

  /** The users file must exist and be readable now, not at the first login. */
  private static Path usersFile(Settings s) {
    s.string("serving.users.file"); // required: reports the key as missing when no layer sets it
    return s.value(
        "serving.users.file",
        null,
        "a readable file",
        v -> {
          Path file = Path.of(v);
          if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("not a readable file");
          }
          return file;
        });
  }

  private static byte[] secret(Settings s, String key) {
    s.string(key); // required: reports the key as missing when no layer sets it
    return s.value(
        key,
        null,
        "a secret of at least " + MIN_SECRET_BYTES + " bytes",
        v -> {
          byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
          if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("too short");
          }
          return bytes;
        });
  }

  private static String joined(List<HostPort> hostPorts) {
    return hostPorts.stream().map(HostPort::toString).collect(Collectors.joining(","));
  }
}
