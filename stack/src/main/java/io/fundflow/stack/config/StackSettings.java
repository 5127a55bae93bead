package io.fundflow.stack.config;

import io.fundflow.common.config.ConfigErrors;
import io.fundflow.common.config.ConfigException;
import io.fundflow.common.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Everything configurable about the local stack, validated once at start-up.
 *
 * <p>Values come from, lowest precedence first: the defaults below, a properties file, environment
 * variables ({@code FUNDFLOW_} + the key upper-cased with {@code .} → {@code _}, e.g. {@code
 * FUNDFLOW_PORT_OFFSET}), and command-line overrides, read through {@code common}'s {@link
 * Settings}. Every value that does not parse is reported at once, naming its key and source; so is
 * an unknown key in the file (a typo must not be ignored).
 *
 * @param portOffset added to every port of {@link PortPlan#DEFAULT}
 * @param topicPartitions partitions of new topics, per layer
 * @param heaps JVM heap ({@code -Xmx}) of Kafka, HBase and H2
 * @param flinkSlots task slots of the one TaskManager
 * @param flinkJobManagerMemory JobManager process size (Flink's own memory model derives the rest)
 * @param flinkTaskManagerMemory TaskManager process size
 * @param database the database to migrate and check: embedded H2 or an external Oracle
 * @param hbaseCompression compression of the HBase column families (see {@code docs/local-stack.md})
 * @param startTimeout how long a service may take to answer its health check
 * @param extraJvmOptions per-service extra JVM flags, appended last
 */
public record StackSettings(
    int portOffset,
    TopicPartitions topicPartitions,
    Map<Service, String> heaps,
    int flinkSlots,
    String flinkJobManagerMemory,
    String flinkTaskManagerMemory,
    DatabaseSettings database,
    String hbaseCompression,
    Duration startTimeout,
    Map<Service, List<String>> extraJvmOptions) {

  /** Every key, with its default ({@code ""} when it has none). */
  static final Map<String, String> DEFAULTS = defaults();

  private static final Pattern MEMORY_SIZE = Pattern.compile("[1-9][0-9]*[kKmMgG]");
  private static final Set<String> COMPRESSIONS = Set.of("NONE", "GZ", "SNAPPY", "LZ4", "ZSTD");

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("port.offset", "0");
    d.put("kafka.partitions.ods", "4");
    d.put("kafka.partitions.dwd", "4");
    d.put("kafka.partitions.dws", "4");
    d.put("kafka.partitions.dlq", "1");
    d.put("kafka.heap", "512m");
    d.put("hbase.heap", "1g");
    d.put("db.heap", "256m");
    d.put("flink.taskmanager.slots", "4");
    d.put("flink.jobmanager.memory", "1024m");
    d.put("flink.taskmanager.memory", "1536m");
    d.put("hbase.compression", "GZ");
    d.put("db.url", "");
    d.put("db.user", "fundflow");
    d.put("db.password", "fundflow");
    d.put("start.timeout.seconds", "120");
    for (Service service : Service.values()) {
      d.put(service.cliName() + ".jvm.options", "");
    }
    return Map.copyOf(d);
  }

  /** Settings with every default: the demo stack. */
  public static StackSettings defaultSettings() {
    return parse(Map.of(), Map.of(), Map.of());
  }

  /**
   * Parses and validates settings.
   *
   * @param file keys from the properties file (may be empty)
   * @param env the process environment
   * @param overrides keys set on the command line, which win over everything
   */
  public static StackSettings parse(
      Map<String, String> file, Map<String, String> env, Map<String, String> overrides) {
    return from(Settings.of(file, "stack settings file", env, overrides));
  }

  /**
   * Reads the properties file (when given) and parses it with the environment and overrides.
   *
   * @param file a properties file, or null for none
   */
  public static StackSettings load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    try {
      return from(
          file == null
              ? Settings.of(Map.of(), "(no file)", env, overrides)
              : Settings.load(file, env, overrides));
    } catch (ConfigException e) {
      throw new StackSettingsException(e.getMessage());
    }
  }

  private static StackSettings from(Settings s) {
    Set<String> unknown = new TreeSet<>(s.explicitKeys());
    unknown.removeAll(DEFAULTS.keySet());
    if (!unknown.isEmpty()) {
      throw new StackSettingsException(
          "unknown stack setting(s) " + unknown + "; known keys: " + new TreeSet<>(DEFAULTS.keySet()));
    }
    try {
      return ConfigErrors.collect(errors -> read(s, errors));
    } catch (ConfigException e) {
      throw new StackSettingsException(e.getMessage());
    }
  }

  private static StackSettings read(Settings s, ConfigErrors errors) {
    Map<Service, String> heaps = new EnumMap<>(Service.class);
    heaps.put(Service.KAFKA, errors.get(() -> memory(s, "kafka.heap")));
    heaps.put(Service.HBASE, errors.get(() -> memory(s, "hbase.heap")));
    heaps.put(Service.DB, errors.get(() -> memory(s, "db.heap")));
    Map<Service, List<String>> extra = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      String key = service.cliName() + ".jvm.options";
      String raw = s.value(key, "", "JVM flags", v -> v);
      extra.put(service, raw.isEmpty() ? List.of() : List.of(raw.split("\\s+")));
    }
    int offset =
        errors.getInt(
            () ->
                s.value(
                    "port.offset",
                    0,
                    "an offset in [0, 40000] that keeps every port below 65536",
                    v -> {
                      int o = Integer.parseInt(v);
                      if (o < 0 || o > 40000) {
                        throw new IllegalArgumentException("out of range");
                      }
                      PortPlan.withOffset(o);
                      return o;
                    }));
    return new StackSettings(
        offset,
        new TopicPartitions(
            errors.getInt(() -> partitions(s, "kafka.partitions.ods")),
            errors.getInt(() -> partitions(s, "kafka.partitions.dwd")),
            errors.getInt(() -> partitions(s, "kafka.partitions.dws")),
            errors.getInt(() -> partitions(s, "kafka.partitions.dlq"))),
        heaps,
        errors.getInt(() -> s.intValue("flink.taskmanager.slots", 4, 1, 256)),
        errors.get(() -> memory(s, "flink.jobmanager.memory")),
        errors.get(() -> memory(s, "flink.taskmanager.memory")),
        errors.get(() -> database(s)),
        errors.get(
            () ->
                s.value(
                    "hbase.compression",
                    DEFAULTS.get("hbase.compression"),
                    "one of " + new TreeSet<>(COMPRESSIONS),
                    v -> {
                      String c = v.toUpperCase(Locale.ROOT);
                      if (!COMPRESSIONS.contains(c)) {
                        throw new IllegalArgumentException(c);
                      }
                      return c;
                    })),
        Duration.ofSeconds(errors.getInt(() -> s.intValue("start.timeout.seconds", 120, 5, 3600))),
        extra);
  }

  private static int partitions(Settings s, String key) {
    return s.intValue(key, Integer.parseInt(DEFAULTS.get(key)), 1, 1000);
  }

  private static String memory(Settings s, String key) {
    return s.value(
        key,
        DEFAULTS.get(key),
        "a size such as 512m or 1g",
        v -> {
          if (!MEMORY_SIZE.matcher(v).matches()) {
            throw new IllegalArgumentException(v);
          }
          return v.toLowerCase(Locale.ROOT);
        });
  }

  private static DatabaseSettings database(Settings s) {
    String url =
        s.value(
            "db.url",
            "",
            "a jdbc:oracle: URL, or empty for the embedded H2",
            v -> {
              if (!v.isEmpty() && !v.startsWith("jdbc:oracle:")) {
                throw new IllegalArgumentException(v);
              }
              return v;
            });
    return new DatabaseSettings(
        url.isEmpty() ? Optional.empty() : Optional.of(url),
        s.string("db.user", DEFAULTS.get("db.user")),
        s.value("db.password", DEFAULTS.get("db.password"), "a password", v -> v));
  }

  /** The ports of this stack. */
  public PortPlan ports() {
    return PortPlan.withOffset(portOffset);
  }

  /** The services this stack starts itself: all but the database when an external one is set. */
  public List<Service> localServices() {
    return database.external()
        ? List.of(Service.KAFKA, Service.HBASE, Service.FLINK)
        : List.of(Service.values());
  }

  /** Partition counts of new topics, by layer (the prefix of the topic name). */
  public record TopicPartitions(int ods, int dwd, int dws, int dlq) {

    /** Partitions for a topic, by its layer prefix; other topics get the ODS count. */
    public int forTopic(String topic) {
      if (topic.startsWith("dwd.")) {
        return dwd;
      }
      if (topic.startsWith("dws.")) {
        return dws;
      }
      if (topic.startsWith("dlq.")) {
        return dlq;
      }
      return ods;
    }
  }

  /**
   * The platform database.
   *
   * @param oracleUrl an external Oracle's JDBC URL; empty for the embedded H2 server
   */
  public record DatabaseSettings(Optional<String> oracleUrl, String user, String password) {

    public boolean external() {
      return oracleUrl.isPresent();
    }

    /** The JDBC URL clients use: the Oracle URL, or the embedded H2 in Oracle mode. */
    public String jdbcUrl(PortPlan ports) {
      return oracleUrl.orElseGet(
          () ->
              "jdbc:h2:tcp://127.0.0.1:"
                  + ports.database()
                  + "/fundflow;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Override
    public String toString() {
      // Never print the password.
      return "DatabaseSettings[url=" + oracleUrl.orElse("embedded H2") + ", user=" + user + "]";
    }
  }
}
