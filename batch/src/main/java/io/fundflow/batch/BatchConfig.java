package io.fundflow.batch;

import io.fundflow.common.config.ConfigErrors;
import io.fundflow.common.config.HostPort;
import io.fundflow.common.config.Settings;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything the correction job reads from configuration, validated in one place at start-up.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><td>hbase.bootstrap.servers</td><td>HBase masters' RPC host:port,... (required)</td></tr>
 *   <tr><td>db.url / db.user / db.password</td><td>the platform database: BATCH_RUN, ADS_ADVISORY_DAILY,
 *       and the authoritative tables of the jdbc source (url required)</td></tr>
 *   <tr><td>spark.master</td><td>default local[*]; ignored under spark-submit, which sets it</td></tr>
 *   <tr><td>batch.jdbc.partitions</td><td>parallel JDBC reads of FUND_JOURNAL, default 8</td></tr>
 *   <tr><td>batch.report.dir</td><td>where the JSON reports go, default batch-reports</td></tr>
 *   <tr><td>batch.sample-size</td><td>differences shown in the report per table, default 20</td></tr>
 *   <tr><td>batch.hbase.write-buffer-bytes</td><td>per-task HBase write buffer, default 4194304</td></tr>
 *   <tr><td>batch.join.broadcast-max-customers</td><td>up to this many customer rows go to every task;
 *       more are joined by a shuffle, default 1000000</td></tr>
 * </table>
 */
public record BatchConfig(
    String hbaseBootstrapServers,
    String dbUrl,
    String dbUser,
    String dbPassword,
    String sparkMaster,
    int jdbcPartitions,
    Path reportDir,
    int sampleSize,
    long hbaseWriteBufferBytes,
    long broadcastMaxCustomers)
    implements Serializable {

  @Override
  public String toString() {
    // A record's default toString would print the database password.
    return "BatchConfig[hbase=" + hbaseBootstrapServers + ", db=" + dbUrl + ", spark.master="
        + sparkMaster + "]";
  }

  /** The database connection settings, for Spark's JDBC reader and plain JDBC alike. */
  public Database database() {
    return new Database(dbUrl, dbUser, dbPassword);
  }

  /** Where the platform database answers; serializable so Spark closures may carry it. */
  public record Database(String url, String user, String password) implements Serializable {
    @Override
    public String toString() {
      return "Database[" + url + "]";
    }
  }

  /** Reads and validates every key, reporting all problems at once. */
  public static BatchConfig from(Settings s) {
    return ConfigErrors.collect(
        errors ->
            new BatchConfig(
                errors.get(() -> joined(s.hostPorts("hbase.bootstrap.servers"))),
                errors.get(() -> s.string("db.url")),
                errors.get(() -> s.string("db.user", "fundflow")),
                errors.get(() -> s.string("db.password", "")),
                errors.get(() -> s.string("spark.master", "local[*]")),
                errors.getInt(() -> s.intValue("batch.jdbc.partitions", 8, 1, 1024)),
                errors.get(() -> s.path("batch.report.dir", Path.of("batch-reports"))),
                errors.getInt(() -> s.intValue("batch.sample-size", 20, 0, 10_000)),
                errors.getLong(
                    () -> s.longValue("batch.hbase.write-buffer-bytes", 4L << 20, 64L << 10, 1L << 30)),
                errors.getLong(
                    () -> s.longValue("batch.join.broadcast-max-customers", 1_000_000L, 0L, 100_000_000L))));
  }

  private static String joined(List<HostPort> hostPorts) {
    return hostPorts.stream().map(HostPort::toString).collect(Collectors.joining(","));
  }
}
