package io.fundflow.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.model.MoneyType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

  private static final String FILE = "conf/test.properties";

  private static Settings file(Map<String, String> values) {
    return Settings.of(values, FILE, Map.of(), Map.of());
  }

  private static Settings one(String key, String value) {
    return file(Map.of(key, value));
  }

  /** Asserts that reading {@code key} = {@code value} from the file fails with a full message. */
  private static void assertInvalid(
      String key, String value, String expected, Consumer<Settings> read) {
    ConfigException e = assertThrows(ConfigException.class, () -> read.accept(one(key, value)));
    assertEquals(
        key
            + " = \""
            + value.trim()
            + "\" (from file "
            + FILE
            + ") is invalid: expected "
            + expected,
        e.getMessage());
  }

  // ---- layers ----------------------------------------------------------------------------------

  @Test
  void environmentOverridesFileAndOverrideOverridesBoth() {
    Map<String, String> fileValues = Map.of("kafka.bootstrap.servers", "file:9092", "a.b", "file");
    Map<String, String> env =
        Map.of("FUNDFLOW_KAFKA_BOOTSTRAP_SERVERS", "env:9092", "FUNDFLOW_A_B", "env");
    Map<String, String> overrides = Map.of("a.b", "override");
    Settings s = Settings.of(fileValues, FILE, env, overrides);

    assertEquals("env:9092", s.string("kafka.bootstrap.servers"));
    assertEquals("override", s.string("a.b"));
  }

  @Test
  void environmentVariableNameIsUpperCaseWithUnderscores() {
    assertEquals(
        "FUNDFLOW_KAFKA_BOOTSTRAP_SERVERS",
        Settings.environmentVariable("kafka.bootstrap.servers"));
    assertEquals("FUNDFLOW_STREAM_STOP_TIME", Settings.environmentVariable("stream.stop-time"));
  }

  @Test
  void environmentCanSetAKeyTheFileLacks() {
    Settings s = Settings.of(Map.of(), FILE, Map.of("FUNDFLOW_HBASE_PORT", "16000"), Map.of());
    assertEquals(16000, s.intValue("hbase.port", 1, 65535));
  }

  @Test
  void errorsNameTheLayerTheValueCameFrom() {
    Settings fromEnv = Settings.of(Map.of("n", "1"), FILE, Map.of("FUNDFLOW_N", "x"), Map.of());
    ConfigException e = assertThrows(ConfigException.class, () -> fromEnv.intValue("n", 0, 9));
    assertEquals(
        "n = \"x\" (from environment variable FUNDFLOW_N) is invalid: expected an integer in [0,"
            + " 9]",
        e.getMessage());

    Settings fromOverride =
        Settings.of(Map.of("n", "1"), FILE, Map.of("FUNDFLOW_N", "2"), Map.of("n", "y"));
    e = assertThrows(ConfigException.class, () -> fromOverride.intValue("n", 0, 9));
    assertEquals(
        "n = \"y\" (from override -Dn) is invalid: expected an integer in [0, 9]", e.getMessage());
  }

  @Test
  void loadsAUtf8PropertiesFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("app.properties");
    Files.writeString(
        file, "# comment\nserving.title = 资金流水 \nport=8080\n", StandardCharsets.UTF_8);
    Settings s = Settings.load(file, Map.of(), Map.of("port", "9090"));

    assertEquals("资金流水", s.string("serving.title"));
    assertEquals(9090, s.intValue("port", 1, 65535));
  }

  @Test
  void missingFileIsAConfigException(@TempDir Path dir) {
    Path file = dir.resolve("absent.properties");
    ConfigException e =
        assertThrows(ConfigException.class, () -> Settings.load(file, Map.of(), Map.of()));
    assertEquals("configuration file " + file + " does not exist", e.getMessage());
  }

  @Test
  void malformedFileIsAConfigException(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "k=\\uZZZZ\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> Settings.load(file, Map.of(), Map.of()));
    assertTrue(
        e.getMessage()
            .startsWith("configuration file " + file + " cannot be read as UTF-8 properties"),
        e.getMessage());
  }

  @Test
  void overrideArgumentsAcceptDashDAndPlainForms() {
    assertEquals(
        Map.of("a.b", "1", "c", "x=y", "empty", ""),
        Settings.overridesFromArguments(List.of("-Da.b=1", "c=x=y", "-Dempty=")));
  }

  @Test
  void malformedOverrideArgumentsAreAllReported() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> Settings.overridesFromArguments(List.of("-Dnovalue", "=x", "ok=1")));
    assertEquals(
        List.of(
            "override argument \"-Dnovalue\" is malformed: expected -Dkey=value or key=value",
            "override argument \"=x\" is malformed: expected -Dkey=value or key=value"),
        e.problems());
  }

  // ---- required and defaults -------------------------------------------------------------------

  @Test
  void missingRequiredKeyNamesEveryPlaceToSetIt() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> file(Map.of()).hostPorts("kafka.bootstrap.servers"));
    assertEquals(
        "kafka.bootstrap.servers is required but not set; expected a comma-separated list of"
            + " host:port, e.g. broker1:9092,broker2:9092; set it in file conf/test.properties, in"
            + " environment variable FUNDFLOW_KAFKA_BOOTSTRAP_SERVERS or with"
            + " -Dkafka.bootstrap.servers=...",
        e.getMessage());
  }

  @Test
  void defaultsApplyOnlyWhenNoLayerSetsTheKey() {
    Settings empty = file(Map.of());
    assertEquals("d", empty.string("k", "d"));
    assertEquals(Optional.empty(), empty.optionalString("k"));
    assertEquals(7, empty.intValue("k", 7, 0, 9));
    assertEquals(7L, empty.longValue("k", 7L, 0, 9));
    assertTrue(empty.bool("k", true));
    assertEquals(Duration.ofSeconds(3), empty.duration("k", Duration.ofSeconds(3)));
    assertEquals(LocalTime.of(8, 45), empty.localTime("k", LocalTime.of(8, 45)));
    assertEquals(MoneyType.CNY, empty.enumValue("k", MoneyType.class, MoneyType.CNY));
    assertEquals(List.of("a"), empty.list("k", List.of("a")));
    assertEquals(Path.of("/tmp"), empty.path("k", Path.of("/tmp")));
    assertEquals(URI.create("http://h:1"), empty.uri("k", URI.create("http://h:1")));
    assertEquals(new HostPort("h", 1), empty.hostPort("k", new HostPort("h", 1)));
    assertFalse(empty.has("k"));

    assertInvalid("k", "x", "an integer in [0, 9]", s -> s.intValue("k", 7, 0, 9));
  }

  // ---- each type -------------------------------------------------------------------------------

  @Test
  void strings() {
    assertEquals("v", one("k", "  v  ").string("k"));
    assertEquals(Optional.of("v"), one("k", "v").optionalString("k"));
    assertInvalid("k", "   ", "a non-empty string", s -> s.string("k"));
    assertInvalid("k", "", "a non-empty string", s -> s.string("k", "d"));
  }

  @Test
  void ints() {
    assertEquals(-5, one("k", "-5").intValue("k", -10, 10));
    assertEquals(10, one("k", "10").intValue("k", -10, 10));
    assertInvalid("k", "11", "an integer in [-10, 10]", s -> s.intValue("k", -10, 10));
    assertInvalid("k", "1.5", "an integer in [-10, 10]", s -> s.intValue("k", -10, 10));
    assertInvalid(
        "k",
        "99999999999",
        "an integer in [1, 2147483647]",
        s -> s.intValue("k", 1, Integer.MAX_VALUE));
  }

  @Test
  void longs() {
    assertEquals(5_000_000_000L, one("k", "5000000000").longValue("k", 0, Long.MAX_VALUE));
    assertInvalid(
        "k",
        "-1",
        "an integer in [0, 9223372036854775807]",
        s -> s.longValue("k", 0, Long.MAX_VALUE));
    assertInvalid("k", "ten", "an integer in [0, 100]", s -> s.longValue("k", 5, 0, 100));
  }

  @ParameterizedTest
  @CsvSource({"true, true", "TRUE, true", "false, false", "False, false"})
  void booleans(String text, boolean value) {
    assertEquals(value, one("k", text).bool("k"));
  }

  @Test
  void booleanRejectsOtherWords() {
    assertInvalid("k", "yes", "true or false", s -> s.bool("k"));
    assertInvalid("k", "1", "true or false", s -> s.bool("k", false));
  }

  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "30s, PT30S",
    "5m, PT5M",
    "2h, PT2H",
    "1d, PT24H",
    "PT1M30S, PT1M30S",
    "0s, PT0S"
  })
  void durations(String text, String iso) {
    assertEquals(Duration.parse(iso), one("k", text).duration("k"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"30", "5 minutes", "-5s", "PT-1S", "1w"})
  void durationRejectsOtherForms(String text) {
    assertInvalid(
        "k",
        text,
        "a duration such as 500ms, 30s, 5m, 2h, 1d or ISO-8601 PT30S, not negative",
        s -> s.duration("k"));
  }

  @Test
  void timesOfDay() {
    assertEquals(LocalTime.of(8, 45), one("k", "08:45").localTime("k"));
    assertEquals(LocalTime.of(16, 15, 30), one("k", "16:15:30").localTime("k"));
    assertInvalid(
        "k", "8:45", "a time of day HH:mm or HH:mm:ss, e.g. 08:45", s -> s.localTime("k"));
    assertInvalid(
        "k", "25:00", "a time of day HH:mm or HH:mm:ss, e.g. 08:45", s -> s.localTime("k"));
  }

  @Test
  void enums() {
    assertEquals(MoneyType.HKD, one("k", "hkd").enumValue("k", MoneyType.class));
    assertInvalid("k", "EUR", "one of CNY, USD, HKD", s -> s.enumValue("k", MoneyType.class));
  }

  @Test
  void lists() {
    assertEquals(List.of("a", "b", "c"), one("k", "a, b ,c").list("k"));
    assertEquals(List.of("solo"), one("k", "solo").list("k"));
    assertInvalid("k", "a,,b", "a comma-separated list without empty items", s -> s.list("k"));
    assertInvalid("k", "a,", "a comma-separated list without empty items", s -> s.list("k"));
  }

  @Test
  void paths() {
    assertEquals(Path.of("/var/fundflow/calendar"), one("k", "/var/fundflow/calendar").path("k"));
    assertInvalid("k", "a\u0000b", "a file system path", s -> s.path("k"));
  }

  @Test
  void urls() {
    assertEquals(
        URI.create("http://localhost:8081/jars"), one("k", "http://localhost:8081/jars").uri("k"));
    String expected = "an absolute URL with scheme and host, e.g. http://localhost:8081";
    assertInvalid("k", "localhost:8081", expected, s -> s.uri("k"));
    assertInvalid("k", "http://exa mple", expected, s -> s.uri("k"));
    assertInvalid("k", "/just/a/path", expected, s -> s.uri("k"));
  }

  @Test
  void hostPorts() {
    assertEquals(new HostPort("localhost", 9092), one("k", "localhost:9092").hostPort("k"));
    assertEquals(new HostPort("::1", 9092), one("k", "[::1]:9092").hostPort("k"));
    assertEquals(
        List.of(new HostPort("b1", 9092), new HostPort("10.0.0.2", 9093)),
        one("k", "b1:9092, 10.0.0.2:9093").hostPorts("k"));
    assertEquals("[::1]:9092", new HostPort("::1", 9092).toString());

    String expected = "host:port with a port in 1..65535, e.g. localhost:9092";
    for (String bad :
        List.of(
            "localhost",
            "localhost:0",
            "localhost:65536",
            ":9092",
            "h:x",
            "a:b:9092",
            "[::1]9092")) {
      assertInvalid("k", bad, expected, s -> s.hostPort("k"));
    }
    assertInvalid(
        "k",
        "b1:9092,b2",
        "a comma-separated list of host:port, e.g. broker1:9092,broker2:9092",
        s -> s.hostPorts("k"));
  }

  @Test
  void secretValuesAreMaskedInMessages() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> one("oracle.password", "  ").string("oracle.password"));
    assertEquals(
        "oracle.password = \"****\" (from file conf/test.properties) is invalid: expected a"
            + " non-empty string",
        e.getMessage());
  }
}
