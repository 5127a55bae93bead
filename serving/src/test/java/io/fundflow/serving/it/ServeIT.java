package io.fundflow.serving.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fundflow.serving.auth.UserDirectory;
import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.junit.LocalStackExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as the demo starts it: a separate {@code java -jar … serve} process on the local
 * stack, configured by a file plus {@code -D} overrides (HBase through ZooKeeper), announcing its
 * URL on one line, answering /health and a login, and writing its queued audit rows when stopped.
 */
@ExtendWith(LocalStackExtension.class)
class ServeIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern READY = Pattern.compile("^fundflow-serving ready at (http://\\S+)$");

  @TempDir Path dir;

  static Path appJar() throws IOException {
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(Path.of("target"), "fundflow-serving-*-app.jar")) {
      for (Path jar : jars) {
        return jar.toAbsolutePath();
      }
    }
    throw new IllegalStateException("no target/fundflow-serving-*-app.jar: run mvn package first");
  }

  private static List<String> java(String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-jar");
    cmd.add(appJar().toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Runs the jar to its end; returns {exit code, stdout, stderr}. */
  private Object[] runToEnd(String... args) throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(java(args))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command ended");
    return new Object[] {p.exitValue(), Files.readString(out), Files.readString(err)};
  }

  @Test
  void serveHelpListsTheConfigurationKeys() throws Exception {
    Object[] r = runToEnd("serve", "--help");
    assertEquals(0, r[0], r[2].toString());
    String help = r[1].toString();
    for (String key :
        List.of(
            "hbase.zookeeper.quorum",
            "hbase.zookeeper.property.clientPort",
            "hbase.bootstrap.servers",
            "db.url",
            "http.port",
            "serving.users.file")) {
      assertTrue(help.contains(key), key + " in\n" + help);
    }
  }

  @Test
  void aBadConfigurationExits2NamingTheKeys() throws Exception {
    Object[] r =
        runToEnd(
            "serve",
            "-Dhttp.port=eighty",
            "-Dhbase.bootstrap.servers=127.0.0.1:1",
            "-Ddb.url=jdbc:h2:mem:x",
            "-Dserving.users.file=" + dir.resolve("no-such-file"),
            "-Dserving.jwt.secret=short",
            "-Dserving.cursor.secret=" + "c".repeat(32));
    assertEquals(2, r[0]);
    List<String> problems =
        r[2].toString().lines().filter(l -> l.startsWith("config: ")).toList();
    String err = r[2].toString();
    for (String key : List.of("http.port", "serving.users.file", "serving.jwt.secret")) {
      assertTrue(problems.stream().anyMatch(l -> l.startsWith("config: " + key)), key + ": " + err);
    }
    assertEquals(3, problems.size(), err);
    assertTrue(!err.contains("Exception"), "no stack trace: " + err);
  }

  @Test
  void theJarServesOnTheStackAndWritesItsAuditRowsWhenStopped(StackEndpoints endpoints)
      throws Exception {
    Path users = dir.resolve("users.properties");
    Files.writeString(
        users, "trader = " + UserDirectory.hash("pw-1234", 4) + " ; 1001\n", StandardCharsets.UTF_8);
    Path config = dir.resolve("serving.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "http.port=0",
            "serving.jwt.secret=serve-it-jwt-secret-0123456789abcdef",
            "serving.cursor.secret=serve-it-cursor-secret-0123456789abcdef",
            ""));
    String clientId = "SV" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    Process p =
        new ProcessBuilder(
                java(
                    "serve",
                    "--config",
                    config.toString(),
                    "-Dhbase.zookeeper.quorum=" + endpoints.hbase().get("hbase.zookeeper.quorum"),
                    "-Dhbase.zookeeper.property.clientPort="
                        + endpoints.hbase().get("hbase.zookeeper.property.clientPort"),
                    "-Ddb.url=" + endpoints.jdbcUrl(),
                    "-Ddb.user=" + endpoints.jdbcUser(),
                    "-Ddb.password=" + endpoints.jdbcPassword(),
                    "-Dserving.users.file=" + users))
            .redirectError(dir.resolve("serve-err.txt").toFile())
            .start();
    try {
      String url = awaitReadyLine(p);
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create(url + "health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode(), health.body());
      assertEquals("UP", JSON.readTree(health.body()).get("hbase").textValue());

      HttpResponse<String> login =
          http.send(
              HttpRequest.newBuilder(URI.create(url + "api/v1/login"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"username\":\"trader\",\"password\":\"pw-1234\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, login.statusCode(), login.body());
      String token = JSON.readTree(login.body()).get("token").textValue();
      assertNotNull(token);

      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          url
                              + "api/v1/customers/"
                              + clientId
                              + "/fund-flows?from=2025-03-13&to=2025-03-14"))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode(), page.body());
      JsonNode body = JSON.readTree(page.body());
      assertEquals(0, body.get("items").size());
    } finally {
      p.destroy(); // SIGTERM: the orderly stop
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped on SIGTERM");
    }
    assertEquals(
        List.of("trader OK 0"), auditRows(endpoints, clientId), "the query's audit row is written");
  }

  /** Reads the process's standard output until its ready line; returns the URL with a slash. */
  private static String awaitReadyLine(Process p) throws Exception {
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  Matcher m = READY.matcher(line);
                  if (m.matches()) {
                    ready.complete(m.group(1));
                  }
                }
                ready.completeExceptionally(
                    new IllegalStateException("ended without a ready line, exit " + p.waitFor()));
              } catch (IOException | InterruptedException e) {
                ready.completeExceptionally(e);
              }
            },
            "serve-stdout");
    reader.setDaemon(true);
    reader.start();
    String url = ready.get(180, TimeUnit.SECONDS);
    return url.endsWith("/") ? url : url + "/";
  }

  private static List<String> auditRows(StackEndpoints endpoints, String clientId)
      throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                endpoints.jdbcUrl(), endpoints.jdbcUser(), endpoints.jdbcPassword());
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT USERNAME, OUTCOME, ROWS_RETURNED FROM AUDIT_QUERY WHERE CLIENT_ID = ?"
                    + " ORDER BY ID")) {
      ps.setString(1, clientId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3));
        }
      }
    }
    return rows;
  }
}
