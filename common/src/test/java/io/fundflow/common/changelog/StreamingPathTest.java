package io.fundflow.common.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming fast path decides nothing the tree path would decide differently: whatever it
 * decodes, the tree decodes the same; whatever it declines, the tree decides alone.
 */
class StreamingPathTest {

  private static final String TOPIC = "ods.fund_journal";
  private final ChangeLogDecoder decoder = new ChangeLogDecoder();

  static List<String> samples() throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    StreamingPathTest.class.getResourceAsStream(
                        "/changelog/changelog-examples.jsonl")),
                StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleGivesTheTreeResult(String line) {
    // Twice: the second read of a wrapped record enters past its cached schema.
    assertSame(line);
    assertSame(line);
  }

  @Test
  void decodableSamplesTakeTheFastPath() throws IOException {
    int fast = 0;
    for (String line : samples()) {
      byte[] bytes = Messages.utf8(line);
      decoder.decode(TOPIC, bytes);
      if (decoder.decodeStreaming(topicOf(line), bytes) != null) {
        fast++;
      }
    }
    assertEquals(7, fast, "every sample but the truncate (line 8) decodes on the fast path");
  }

  @Test
  void wrappedRecordWithKnownSchemaReadsItsScales() {
    ObjectNode payload =
        Messages.debezium(
            "c", SourceTable.FUND_JOURNAL, null, Messages.row(SourceTable.FUND_JOURNAL));
    ((ObjectNode) payload.get("after")).put("OCCUR_BALANCE", "+y0=");
    String wrapped =
        new String(
            Messages.bytes(Messages.wrapped(payload, "2", "OCCUR_BALANCE")),
            StandardCharsets.UTF_8);
    assertSame(wrapped);
    assertNotNull(decoder.decodeStreaming(TOPIC, Messages.utf8(wrapped)));
    // Same schema bytes, other scale declared later in the record: the later schema wins.
    String redeclared =
        wrapped.substring(0, wrapped.length() - 1)
            + ",\"schema\":"
            + new String(
                Messages.bytes(Messages.wrapped(payload, "1", "OCCUR_BALANCE").get("schema")),
                StandardCharsets.UTF_8)
            + "}";
    assertSame(redeclared);
    String nullSchemaLater = wrapped.substring(0, wrapped.length() - 1) + ",\"schema\":null}";
    assertSame(nullSchemaLater);
  }

  @Test
  void oddShapesGiveTheTreeResult() {
    String row =
        new String(Messages.bytes(Messages.row(SourceTable.FUND_JOURNAL)), StandardCharsets.UTF_8);
    String source = "{\"table\":\"FUND_JOURNAL\",\"scn\":\"88000101\",\"ts_ms\":1795051862500}";
    List<String> cases =
        List.of(
            "{\"op\":\"c\",\"after\":" + row + ",\"source\":" + source + "} {}",
            "{\"op\":\"c\",\"after\":" + row + ",\"source\":" + source + "}x",
            "{\"op\":\"c\",\"after\":" + row + ",\"source\":" + source + ",\"op\":\"d\"}",
            "{\"op\":\"c\",\"after\":" + row + ",\"after\":null,\"source\":" + source + "}",
            "{\"op\":\"c\",\"after\":"
                + row.replace("\"CNY\"", "\"CNY\",\"MONEY_TYPE\":\"XXX\"")
                + ",\"source\":"
                + source
                + "}",
            "{\"op\":\"c\",\"after\":"
                + row.replace("\"50000.00\"", "50000.00")
                + ",\"source\":"
                + source
                + "}",
            "{\"op\":\"c\",\"after\":"
                + row.replace("\"50000.00\"", "5.0E4")
                + ",\"source\":"
                + source
                + "}",
            "{\"op\":\"c\",\"after\":"
                + row.replace("\"50000.00\"", "{\"scale\":2,\"value\":\"AMPoUA==\"}")
                + ",\"source\":"
                + source
                + "}",
            "{\"op\":\"c\",\"after\":" + row + ",\"source\":" + source + ",\"ts_ms\":1e9999999999}",
            "{\"op\":\"c\",\"after\":"
                + row
                + ",\"source\":"
                + source
                + ",\"transaction\":{\"id\":[1,2.5,{\"x\":null}]}}",
            "{\"op\":\"c\",\"after\":" + row + ",\"source\":" + source + ",\"x\":\"\\uD800\"}",
            "{\"op\":\"c\",\"after\":"
                + row
                + ",\"source\":"
                + source.replace("}", ",\"scn\":-1}")
                + "}",
            "{\"op_type\":\"I\",\"op\":\"c\",\"table\":\"cts.fund_journal\",\"pos\":\"0001\","
                + "\"after\":"
                + row
                + "}",
            "{\"payload\":{\"op\":\"c\",\"after\":"
                + row
                + ",\"source\":"
                + source
                + "},"
                + "\"schema\":{\"fields\":[]}}",
            "{\"payload\":null}",
            "{\"schema\":{\"a\":1},}",
            "[]",
            "{\"op\":\"c\",\"after\":"
                + row
                + ",\"source\":"
                + source
                + ",\"big\":12345678901234567890123}");
    for (String c : cases) {
      assertSame(c);
    }
  }

  @Property(tries = 300)
  void truncatedRecordsGiveTheTreeResult(
      @ForAll @IntRange(min = 0, max = 7) int sample,
      @ForAll @IntRange(min = 1, max = 4000) int cut)
      throws IOException {
    String line = samples().get(sample);
    assertSame(line.substring(0, Math.min(cut, line.length())));
  }

  @Test
  void rejectionsComeFromTheTree() {
    byte[] truncate =
        Messages.utf8("{\"op_type\":\"T\",\"table\":\"CTS.FUND_JOURNAL\",\"pos\":\"1\"}");
    assertNull(decoder.decodeStreaming(TOPIC, truncate));
    assertInstanceOf(DecodeResult.Rejected.class, decoder.decode(TOPIC, truncate));
  }

  private void assertSame(String json) {
    byte[] bytes = Messages.utf8(json);
    String topic = topicOf(json);
    DecodeResult tree =
        bytes.length == 0 ? decoder.decode(topic, bytes) : decoder.decodeTree(topic, bytes);
    assertEquals(tree, decoder.decode(topic, bytes), json);
    DecodeResult.Decoded fast = bytes.length == 0 ? null : decoder.decodeStreaming(topic, bytes);
    if (fast != null) {
      assertEquals(tree, fast, json);
    }
  }

  private static String topicOf(String json) {
    return json.contains("CUSTOMER") ? "ods.customer" : TOPIC;
  }
}
