package io.fundflow.scheduler.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fundflow.scheduler.plan.StreamJob;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' REST endpoints (JDK HTTP server): {@code GET /status}, {@code POST
 * /jobs/{job}/start}, {@code POST /jobs/{job}/stop}, {@code POST /correct?date=yyyymmdd}, {@code
 * POST /skip?date=yyyymmdd}. Answers are JSON.
 */
public final class OperatorApi implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;

  /** Serves on {@code port} (0 picks a free one). */
  public OperatorApi(int port, SchedulerService service, Supplier<Map<String, String>> nextFires)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 16);
    server.createContext(
        "/status",
        ex -> handle(ex, "GET", () -> service.status(nextFires.get())));
    server.createContext(
        "/jobs/",
        ex -> {
          String[] parts = ex.getRequestURI().getPath().split("/");
          // ["", "jobs", "<job>", "start|stop"]
          if (parts.length != 4) {
            reply(ex, 404, Map.of("error", "expected /jobs/{fund-flow|advisory}/{start|stop}"));
            return;
          }
          handle(
              ex,
              "POST",
              () -> {
                StreamJob job = StreamJob.of(parts[2]);
                return switch (parts[3]) {
                  case "start" -> Map.of("result", service.manualStart(job));
                  case "stop" -> Map.of("result", service.manualStop(job));
                  default -> throw new IllegalArgumentException("unknown action " + parts[3]);
                };
              });
        });
    server.createContext(
        "/correct",
        ex -> handle(ex, "POST", () -> Map.of("succeeded", service.correct(date(ex)))));
    server.createContext(
        "/skip", ex -> handle(ex, "POST", () -> Map.of("result", service.skip(date(ex), "REST"))));
    server.start();
  }

  /** The port served. */
  public int port() {
    return server.getAddress().getPort();
  }

  private static LocalDate date(HttpExchange ex) {
    String query = ex.getRequestURI().getQuery();
    if (query != null) {
      for (String kv : query.split("&")) {
        if (kv.startsWith("date=")) {
          return LocalDate.parse(kv.substring(5), DateTimeFormatter.BASIC_ISO_DATE);
        }
      }
    }
    throw new IllegalArgumentException("date=yyyymmdd query parameter required");
  }

  private static void handle(HttpExchange ex, String method, Supplier<Object> action)
      throws IOException {
    if (!ex.getRequestMethod().equals(method)) {
      reply(ex, 405, Map.of("error", method + " only"));
      return;
    }
    try {
      reply(ex, 200, action.get());
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      reply(ex, 400, Map.of("error", String.valueOf(e.getMessage())));
    } catch (IllegalStateException e) {
      reply(ex, 409, Map.of("error", String.valueOf(e.getMessage())));
    } catch (RuntimeException e) {
      LOG.error("operator request {} failed", ex.getRequestURI(), e);
      Map<String, String> body = new LinkedHashMap<>();
      body.put("error", e.toString());
      reply(ex, 500, body);
    }
  }

  private static void reply(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(1);
  }
}
