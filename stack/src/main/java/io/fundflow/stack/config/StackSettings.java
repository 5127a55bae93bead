package io.fundflow.stack.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Everything configurable about the local stack, validated once at start-up.
 *
 * <p>Values come from, lowest precedence first: the defaults below, a properties file, environment
 * variables ({@code FUNDFLOW_} + the key upper-cased with {@code .} → {@code _}, e.g. {@code
 * FUNDFLOW_PORT_OFFSET}), and command-line overrides. A value that does not parse is a start-up
 * error naming its key and source; so is an unknown key in the file (a typo must not be ignored).
 *
 * <p>Kept self-contained on purpose: when {@code common}'s general configuration loader lands,
 * only {@link #parse} needs to move onto it.
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
    Set<String> unknown = new TreeSet<>(file.keySet());
    unknown.addAll(overrides.keySet());
    unknown.removeAll(DEFAULTS.keySet());
    if (!unknown.isEmpty()) {
      throw new StackSettingsException(
          "unknown stack setting(s) " + unknown + "; known keys: " + new TreeSet<>(DEFAULTS.keySet()));
    }
    Values values = new Values(file, env, overrides);
    Map<Service, String> heaps = new EnumMap<>(Service.class);
    heaps.put(Service.KAFKA, values.memory("kafka.heap"));
    heaps.put(Service.HBASE, values.memory("hbase.heap"));
    heaps.put(Service.DB, values.memory("db.heap"));
    Map<Service, List<String>> extra = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      String raw = values.raw(service.cliName() + ".jvm.options").trim();
      extra.put(service, raw.isEmpty() ? List.of() : List.of(raw.split("\\s+")));
    }
    int offset = values.integer("port.offset", 0, 40000);
    try {
      PortPlan.withOffset(offset);
    } catch (IllegalArgumentException e) {
      throw new StackSettingsException("port.offset " + values.source("port.offset") + ": " + e.getMessage());
    }
    return new StackSettings(
        offset,
        new TopicPartitions(
            values.integer("kafka.partitions.ods", 1, 1000),
            values.integer("kafka.partitions.dwd", 1, 1000),
            values.integer("kafka.partitions.dws", 1, 1000),
            values.integer("kafka.partitions.dlq", 1, 1000)),
        Map.copyOf(heaps),
        values.integer("flink.taskmanager.slots", 1, 256),
        values.memory("flink.jobmanager.memory"),
        values.memory("flink.taskmanager.memory"),
        database(values),
        values.oneOf("hbase.compression", COMPRESSIONS),
        Duration.ofSeconds(values.integer("start.timeout.seconds", 5, 3600)),
        Map.copyOf(extra));
  }

  private static DatabaseSettings database(Values values) {
    String url = values.raw("db.url").trim();
    if (!url.isEmpty() && !url.startsWith("jdbc:oracle:")) {
      throw new StackSettingsException(
          "db.url "
              + values.source("db.url")
              + " must be a jdbc:oracle: URL, or unset for the embedded H2; got '"
              + url
              + "'");
    }
    String user = values.raw("db.user");
    if (user.isBlank()) {
      throw new StackSettingsException("db.user " + values.source("db.user") + " must not be empty");
    }
    return new DatabaseSettings(
        url.isEmpty() ? Optional.empty() : Optional.of(url), user, values.raw("db.password"));
  }

  /**
   * Reads the properties file (when given) and parses it with the environment and overrides.
   *
   * @param file a properties file, or null for none
   */
  public static StackSettings load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<String, String> fromFile = new HashMap<>();
    if (file != null) {
      Properties properties = new Properties();
      try (Reader reader =
          Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new StackSettingsException("cannot read stack settings file " + file + ": " + e);
      }
      properties.stringPropertyNames().forEach(key -> fromFile.put(key, properties.getProperty(key)));
    }
    return parse(fromFile, env, overrides);
  }

  /** The ports of this stack. */
  public PortPlan ports() {
    return PortPlan.withOffset(portOffset);
  }

  /** The environment variable that overrides {@code key}. */
  public static String envName(String key) {
    return "FUNDFLOW_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
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

  /** Looks a key up through the layers and parses it, naming the key and its source on error. */
  private static final class Values {
    private final Map<String, String> file;
    private final Map<String, String> env;
    private final Map<String, String> overrides;

    Values(Map<String, String> file, Map<String, String> env, Map<String, String> overrides) {
      this.file = new HashMap<>(file);
      this.env = env;
      this.overrides = overrides;
    }

    String raw(String key) {
      if (overrides.containsKey(key)) {
        return overrides.get(key);
      }
      String fromEnv = env.get(envName(key));
      if (fromEnv != null) {
        return fromEnv;
      }
      return file.getOrDefault(key, DEFAULTS.get(key));
    }

    String source(String key) {
      if (overrides.containsKey(key)) {
        return "(command line)";
      }
      if (env.containsKey(envName(key))) {
        return "(env " + envName(key) + ")";
      }
      return file.containsKey(key) ? "(config file)" : "(default)";
    }

    int integer(String key, int min, int max) {
      String raw = raw(key).trim();
      try {
        int value = Integer.parseInt(raw);
        if (value < min || value > max) {
          throw new StackSettingsException(
              key + " " + source(key) + " must be in [" + min + ", " + max + "]; got " + value);
        }
        return value;
      } catch (NumberFormatException e) {
        throw new StackSettingsException(
            key + " " + source(key) + " must be a whole number; got '" + raw + "'");
      }
    }

    String memory(String key) {
      String raw = raw(key).trim();
      if (!MEMORY_SIZE.matcher(raw).matches()) {
        throw new StackSettingsException(
            key + " " + source(key) + " must be a size such as 512m or 1g; got '" + raw + "'");
      }
      return raw.toLowerCase(Locale.ROOT);
    }

    String oneOf(String key, Set<String> allowed) {
      String raw = raw(key).trim().toUpperCase(Locale.ROOT);
      if (!allowed.contains(raw)) {
        throw new StackSettingsException(
            key + " " + source(key) + " must be one of " + new TreeSet<>(allowed) + "; got '" + raw + "'");
      }
      return raw;
    }
  }
}
