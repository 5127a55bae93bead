package io.fundflow.scheduler.flink;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body of one file field, streamed from disk rather than read whole.
 */
record MultipartFile(String boundary, BodyPublisher body) {

  /** The body for {@code field} holding {@code file}, with a random boundary. */
  static MultipartFile of(String field, Path file) throws FileNotFoundException {
    String boundary = "fundflow-" + UUID.randomUUID();
    String name = file.getFileName().toString().replace("\"", "");
    String head =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + name
            + "\"\r\n"
            + "Content-Type: application/java-archive\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    return new MultipartFile(
        boundary,
        BodyPublishers.concat(
            BodyPublishers.ofString(head, StandardCharsets.UTF_8),
            BodyPublishers.ofFile(file),
            BodyPublishers.ofString(tail, StandardCharsets.UTF_8)));
  }

  /** The request's Content-Type header. */
  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }
}
