package io.fundflow.serving.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The serving benchmark's HTTP client: blocking {@link HttpURLConnection}s on the calling thread,
 * kept alive between requests. The clients share the machine's two cores with the server they
 * measure; {@code java.net.http.HttpClient}, used before, hands every request to a selector thread
 * and an executor and back, and cost the bench ~0.18 CPU-ms per page.
 */
final class BenchHttp {

  /** An answer: its status and whole body. */
  record Answer(int status, byte[] body) {

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private BenchHttp() {}

  /**
   * Lets the JVM keep one idle connection per client thread (its default is 5 per server, so that
   * most of 16 clients' connections would be closed after each request and opened again). Read
   * when the first connection is made, so called before that.
   */
  static void keepAlive(int clients) {
    System.setProperty("http.maxConnections", Integer.toString(Math.max(5, clients)));
  }

  /** GET {@code url}, with a bearer token unless null. */
  static Answer get(String url, String token) throws IOException {
    HttpURLConnection c = open(url);
    if (token != null) {
      c.setRequestProperty("Authorization", "Bearer " + token);
    }
    return answer(c);
  }

  /** POST a JSON body to {@code url}. */
  static Answer postJson(String url, String json) throws IOException {
    HttpURLConnection c = open(url);
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = c.getOutputStream()) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    return answer(c);
  }

  private static HttpURLConnection open(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setConnectTimeout(10_000);
    c.setReadTimeout(60_000);
    return c;
  }

  /** Reads the whole body, error or not, and closes it: only then is the connection reused. */
  private static Answer answer(HttpURLConnection c) throws IOException {
    int status = c.getResponseCode();
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      return new Answer(status, in == null ? new byte[0] : in.readAllBytes());
    }
  }
}
