package io.fundflow.common.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A process's configuration, read in three layers, each overriding the one before:
 *
 * <ol>
 *   <li>a {@code .properties} file (UTF-8);
 *   <li>environment variables: key {@code kafka.bootstrap.servers} is read from {@code
 *       FUNDFLOW_KAFKA_BOOTSTRAP_SERVERS} (upper case, {@code .} and {@code -} become {@code _});
 *   <li>explicit overrides, e.g. {@code -Dkey=value} arguments of a command line.
 * </ol>
 *
 * Values are trimmed. Every getter either returns a valid value or throws a {@link ConfigException}
 * that names the key, the value, where it came from and what was expected; values of keys that look
 * secret (password, secret, token, credential) are masked in messages. To report every problem at
 * once, read a process's whole configuration through {@link ConfigErrors}.
 *
 * <p>The environment is passed in as a map, so tests need no real environment variables.
 */
public final class Settings {

  /** Prefix of every environment variable that overrides a key. */
  public static final String ENV_PREFIX = "FUNDFLOW_";

  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
  private static final Pattern SECRET_KEY =
      Pattern.compile(".*(password|passwd|secret|token|credential).*", Pattern.CASE_INSENSITIVE);
  private static final String DURATION_EXPECTED =
      "a duration such as 500ms, 30s, 5m, 2h, 1d or ISO-8601 PT30S, not negative";
  private static final String TIME_EXPECTED = "a time of day HH:mm or HH:mm:ss, e.g. 08:45";
  private static final String LIST_EXPECTED = "a comma-separated list without empty items";
  private static final String PATH_EXPECTED = "a file system path";
  private static final String URI_EXPECTED =
      "an absolute URL with scheme and host, e.g. http://localhost:8081";
  private static final String HOST_PORT_EXPECTED =
      "host:port with a port in 1..65535, e.g. localhost:9092";
  private static final String HOST_PORTS_EXPECTED =
      "a comma-separated list of host:port, e.g. broker1:9092,broker2:9092";

  private final Map<String, String> file;
  private final String fileName;
  private final Map<String, String> environment;
  private final Map<String, String> overrides;

  private Settings(
      Map<String, String> file,
      String fileName,
      Map<String, String> environment,
      Map<String, String> overrides) {
    this.file = Map.copyOf(file);
    this.fileName = fileName;
    this.environment = Map.copyOf(environment);
    this.overrides = Map.copyOf(overrides);
  }

  /**
   * Reads {@code file} (UTF-8) and layers {@code environment} and {@code overrides} over it.
   *
   * @throws ConfigException when the file is missing or unreadable
   */
  public static Settings load(
      Path file, Map<String, String> environment, Map<String, String> overrides) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new ConfigException("configuration file " + file + " does not exist", e);
    } catch (IOException | IllegalArgumentException e) {
      // IllegalArgumentException: a malformed \\uXXXX escape; IOException includes bad UTF-8.
      throw new ConfigException(
          "configuration file " + file + " cannot be read as UTF-8 properties: " + e.getMessage(),
          e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
    return new Settings(values, file.toString(), environment, overrides);
  }

  /** Settings from an in-memory "file", e.g. built-in defaults or a test's map. */
  public static Settings of(
      Map<String, String> fileValues,
      String fileName,
      Map<String, String> environment,
      Map<String, String> overrides) {
    return new Settings(fileValues, fileName, environment, overrides);
  }

  /**
   * Parses command-line overrides: each argument {@code -Dkey=value} or {@code key=value}.
   *
   * @throws ConfigException naming every malformed argument
   */
  public static Map<String, String> overridesFromArguments(List<String> arguments) {
    Map<String, String> overrides = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String argument : arguments) {
      String body = argument.startsWith("-D") ? argument.substring(2) : argument;
      int eq = body.indexOf('=');
      if (eq <= 0 || body.substring(0, eq).isBlank()) {
        problems.add(
            "override argument \""
                + argument
                + "\" is malformed: expected -Dkey=value or key=value");
      } else {
        overrides.put(body.substring(0, eq).trim(), body.substring(eq + 1));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return overrides;
  }

  /** The environment variable that overrides {@code key}. */
  public static String environmentVariable(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** A value as found: the trimmed text and the layer it came from. */
  record Found(String key, String value, ConfigOrigin origin) {}

  /** The value of {@code key} from the highest layer that sets it. */
  Optional<Found> lookup(String key) {
    if (overrides.containsKey(key)) {
      return found(key, overrides.get(key), new ConfigOrigin(ConfigOrigin.Kind.OVERRIDE, key));
    }
    String variable = environmentVariable(key);
    if (environment.containsKey(variable)) {
      return found(
          key,
          environment.get(variable),
          new ConfigOrigin(ConfigOrigin.Kind.ENVIRONMENT, variable));
    }
    if (file.containsKey(key)) {
      return found(key, file.get(key), new ConfigOrigin(ConfigOrigin.Kind.FILE, fileName));
    }
    return Optional.empty();
  }

  private static Optional<Found> found(String key, String value, ConfigOrigin origin) {
    return Optional.of(new Found(key, value == null ? "" : value.trim(), origin));
  }

  /** True when any layer sets {@code key}. */
  public boolean has(String key) {
    return lookup(key).isPresent();
  }

  /**
   * The keys set in the file or as overrides (environment variables cannot be listed: any process
   * has many), so a process can refuse keys it does not know — a typo must not be ignored.
   */
  public Set<String> explicitKeys() {
    Set<String> keys = new TreeSet<>(file.keySet());
    keys.addAll(overrides.keySet());
    return keys;
  }

  /**
   * A value parsed by the caller's own rule, or {@code defaultValue} when no layer sets the key. The
   * rule throws {@link IllegalArgumentException} for a bad value; the resulting {@link
   * ConfigException} names the key, the value, its origin and {@code expected}.
   */
  public <T> T value(String key, T defaultValue, String expected, Function<String, T> parse) {
    return orDefault(key, defaultValue, expected, parse);
  }

  // ---- strings -------------------------------------------------------------------------------

  /** A required non-blank string. */
  public String string(String key) {
    return required(key, "a non-empty string", Settings::nonBlank);
  }

  /** A non-blank string, or {@code defaultValue} when no layer sets the key. */
  public String string(String key, String defaultValue) {
    return orDefault(key, defaultValue, "a non-empty string", Settings::nonBlank);
  }

  /** A non-blank string, or empty when no layer sets the key. */
  public Optional<String> optionalString(String key) {
    return Optional.ofNullable(orDefault(key, null, "a non-empty string", Settings::nonBlank));
  }

  // ---- numbers -------------------------------------------------------------------------------

  /** A required integer in {@code [min, max]}. */
  public int intValue(String key, int min, int max) {
    return required(key, intExpected(min, max), v -> parseInt(v, min, max));
  }

  /** An integer in {@code [min, max]}, or {@code defaultValue} when not set. */
  public int intValue(String key, int defaultValue, int min, int max) {
    return orDefault(key, defaultValue, intExpected(min, max), v -> parseInt(v, min, max));
  }

  /** A required long in {@code [min, max]}. */
  public long longValue(String key, long min, long max) {
    return required(key, intExpected(min, max), v -> parseLong(v, min, max));
  }

  /** A long in {@code [min, max]}, or {@code defaultValue} when not set. */
  public long longValue(String key, long defaultValue, long min, long max) {
    return orDefault(key, defaultValue, intExpected(min, max), v -> parseLong(v, min, max));
  }

  // ---- booleans, durations, times --------------------------------------------------------------

  /** A required {@code true} or {@code false} (any case). */
  public boolean bool(String key) {
    return required(key, "true or false", Settings::parseBoolean);
  }

  /** {@code true} or {@code false}, or {@code defaultValue} when not set. */
  public boolean bool(String key, boolean defaultValue) {
    return orDefault(key, defaultValue, "true or false", Settings::parseBoolean);
  }

  /** A required duration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, ISO. */
  public Duration duration(String key) {
    return required(key, DURATION_EXPECTED, Settings::parseDuration);
  }

  /** A duration, or {@code defaultValue} when not set. */
  public Duration duration(String key, Duration defaultValue) {
    return orDefault(key, defaultValue, DURATION_EXPECTED, Settings::parseDuration);
  }

  /** A required time of day, {@code 08:45} or {@code 08:45:30}. */
  public LocalTime localTime(String key) {
    return required(key, TIME_EXPECTED, LocalTime::parse);
  }

  /** A time of day, or {@code defaultValue} when not set. */
  public LocalTime localTime(String key, LocalTime defaultValue) {
    return orDefault(key, defaultValue, TIME_EXPECTED, LocalTime::parse);
  }

  // ---- enums and lists -------------------------------------------------------------------------

  /** A required constant of {@code type}, matched ignoring case. */
  public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    return required(key, enumExpected(type), v -> parseEnum(v, type));
  }

  /** A constant of {@code type}, or {@code defaultValue} when not set. */
  public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
    return orDefault(key, defaultValue, enumExpected(type), v -> parseEnum(v, type));
  }

  /** A required comma-separated list, items trimmed, none empty. */
  public List<String> list(String key) {
    return required(key, LIST_EXPECTED, Settings::parseList);
  }

  /** A comma-separated list, or {@code defaultValue} when not set. */
  public List<String> list(String key, List<String> defaultValue) {
    return orDefault(key, defaultValue, LIST_EXPECTED, Settings::parseList);
  }

  // ---- paths and addresses ---------------------------------------------------------------------

  /** A required file system path (not checked for existence). */
  public Path path(String key) {
    return required(key, PATH_EXPECTED, Path::of);
  }

  /** A file system path, or {@code defaultValue} when not set. */
  public Path path(String key, Path defaultValue) {
    return orDefault(key, defaultValue, PATH_EXPECTED, Path::of);
  }

  /** A required absolute URL with a scheme and a host. */
  public URI uri(String key) {
    return required(key, URI_EXPECTED, Settings::parseUri);
  }

  /** An absolute URL, or {@code defaultValue} when not set. */
  public URI uri(String key, URI defaultValue) {
    return orDefault(key, defaultValue, URI_EXPECTED, Settings::parseUri);
  }

  /** A required {@code host:port}. */
  public HostPort hostPort(String key) {
    return required(key, HOST_PORT_EXPECTED, HostPort::parse);
  }

  /** A {@code host:port}, or {@code defaultValue} when not set. */
  public HostPort hostPort(String key, HostPort defaultValue) {
    return orDefault(key, defaultValue, HOST_PORT_EXPECTED, HostPort::parse);
  }

  /** A required non-empty list of {@code host:port}, e.g. Kafka's bootstrap servers. */
  public List<HostPort> hostPorts(String key) {
    return required(
        key, HOST_PORTS_EXPECTED, v -> parseList(v).stream().map(HostPort::parse).toList());
  }

  // ---- machinery -------------------------------------------------------------------------------

  private <T> T required(String key, String expected, Function<String, T> parse) {
    Found found = lookup(key).orElseThrow(() -> new ConfigException(missing(key, expected)));
    return convert(found, expected, parse);
  }

  private <T> T orDefault(String key, T defaultValue, String expected, Function<String, T> parse) {
    Optional<Found> found = lookup(key);
    return found.isEmpty() ? defaultValue : convert(found.get(), expected, parse);
  }

  private static <T> T convert(Found found, String expected, Function<String, T> parse) {
    try {
      return parse.apply(found.value());
    } catch (IllegalArgumentException | DateTimeException e) {
      // NumberFormatException and InvalidPathException are IllegalArgumentExceptions.
      throw new ConfigException(invalid(found, expected), e);
    }
  }

  private String missing(String key, String expected) {
    return key
        + " is required but not set; expected "
        + expected
        + "; set it in file "
        + fileName
        + ", in environment variable "
        + environmentVariable(key)
        + " or with -D"
        + key
        + "=...";
  }

  private static String invalid(Found found, String expected) {
    String shown = SECRET_KEY.matcher(found.key()).matches() ? "****" : found.value();
    return found.key()
        + " = \""
        + shown
        + "\" (from "
        + found.origin().describe()
        + ") is invalid: expected "
        + expected;
  }

  private static String nonBlank(String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("blank");
    }
    return value;
  }

  private static String intExpected(long min, long max) {
    return "an integer in [" + min + ", " + max + "]";
  }

  private static int parseInt(String value, int min, int max) {
    return (int) parseLong(value, min, max);
  }

  private static long parseLong(String value, long min, long max) {
    long parsed = Long.parseLong(value);
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException("out of range");
    }
    return parsed;
  }

  private static boolean parseBoolean(String value) {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("not a boolean");
  }

  private static Duration parseDuration(String value) {
    Matcher m = SIMPLE_DURATION.matcher(value);
    Duration duration;
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      duration =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
    } else {
      duration = Duration.parse(value);
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative");
    }
    return duration;
  }

  private static <E extends Enum<E>> String enumExpected(Class<E> type) {
    return "one of "
        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }

  private static <E extends Enum<E>> E parseEnum(String value, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("no such constant");
  }

  private static List<String> parseList(String value) {
    List<String> items = Arrays.stream(value.split(",", -1)).map(String::trim).toList();
    if (items.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("empty item");
    }
    return items;
  }

  private static URI parseUri(String value) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
