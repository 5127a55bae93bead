package io.fundflow.serving.config;

import io.fundflow.common.config.ConfigErrors;
import io.fundflow.common.config.HostPort;
import io.fundflow.common.config.Settings;
import io.fundflow.hbase.HBaseClientSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything the serving process reads from configuration, validated in one place at start-up.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><td>http.host / http.port</td><td>where the API and the page listen; default 127.0.0.1 / 8080 (0: any free port)</td></tr>
 *   <tr><td>hbase.bootstrap.servers</td><td>HBase masters' RPC host:port,... (no ZooKeeper needed)</td></tr>
 *   <tr><td>db.url / db.user / db.password</td><td>the platform database (AUDIT_QUERY, ADS_ADVISORY_DAILY, CUSTOMER)</td></tr>
 *   <tr><td>serving.db.pool-size</td><td>JDBC connections, default 8</td></tr>
 *   <tr><td>serving.users.file</td><td>the embedded identity store: users, bcrypt hashes, granted branches</td></tr>
 *   <tr><td>serving.jwt.secret</td><td>HMAC-SHA256 key of the tokens, at least 32 bytes</td></tr>
 *   <tr><td>serving.jwt.issuer</td><td>default fundflow-serving</td></tr>
 *   <tr><td>serving.token.ttl</td><td>token lifetime, default 8h</td></tr>
 *   <tr><td>serving.cursor.secret</td><td>HMAC key signing page cursors, at least 32 bytes; the same on every instance</td></tr>
 *   <tr><td>serving.max-range</td><td>longest [from, to) a query may span, default 366d</td></tr>
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
    Duration maxRange) {

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
                errors.get(
                    () ->
                        HBaseClientSettings.bootstrapServers(
                            joined(s.hostPorts("hbase.bootstrap.servers")))),
                errors.get(() -> s.string("db.url")),
                errors.get(() -> s.string("db.user", "fundflow")),
                errors.get(() -> s.has("db.password") ? s.string("db.password") : ""),
                errors.getInt(() -> s.intValue("serving.db.pool-size", 8, 1, 256)),
                errors.get(() -> s.path("serving.users.file")),
                errors.get(() -> secret(s, "serving.jwt.secret")),
                errors.get(() -> s.string("serving.jwt.issuer", "fundflow-serving")),
                errors.get(() -> s.duration("serving.token.ttl", Duration.ofHours(8))),
                errors.get(() -> secret(s, "serving.cursor.secret")),
                errors.get(() -> s.duration("serving.max-range", Duration.ofDays(366)))));
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
