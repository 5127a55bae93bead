package io.fundflow.scheduler.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every alert at ERROR and, when a webhook is configured, POSTs it as JSON {@code {"msgtype":
 * "text", "text": {"content": ...}, "subject": ..., "source": "fundflow-scheduler"}} — the text
 * message shape WeCom and DingTalk robots accept (Feishu needs a relay or its own format).
 */
public final class WebhookAlerter implements Alerter {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookAlerter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Optional<URI> webhook;
  private final HttpClient http;

  public WebhookAlerter(Optional<URI> webhook) {
    this.webhook = webhook;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public void alert(String subject, String message) {
    LOG.error("ALERT {}: {}", subject, message);
    if (webhook.isEmpty()) {
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("msgtype", "text");
    body.putObject("text").put("content", "[fundflow-scheduler] " + subject + ": " + message);
    body.put("subject", subject);
    body.put("source", "fundflow-scheduler");
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(webhook.get())
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        LOG.error("alert webhook answered {}: {}", response.statusCode(), response.body());
      }
    } catch (java.io.IOException e) {
      LOG.error("alert webhook unreachable: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
