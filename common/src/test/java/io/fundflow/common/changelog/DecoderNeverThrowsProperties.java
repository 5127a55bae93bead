package io.fundflow.common.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.SourceRow;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever the bytes, {@link ChangeLogDecoder#decode} returns one of its three results and never
 * throws; and whatever it decodes keeps the money invariant (scale 2).
 */
class DecoderNeverThrowsProperties {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final ChangeLogDecoder decoder = new ChangeLogDecoder();

  @Property(tries = 1000)
  void arbitraryBytesNeverThrow(
      @ForAll @Size(max = 400) byte[] value, @ForAll("topics") String topic) {
    assertWellFormed(decoder.decode(topic, value));
  }

  @Property(tries = 1000)
  void arbitraryStringsNeverThrow(
      @ForAll @StringLength(max = 400) String text, @ForAll("topics") String topic) {
    assertWellFormed(decoder.decode(topic, text.getBytes(StandardCharsets.UTF_8)));
  }

  @Property(tries = 2000)
  void byteMutationsOfValidMessagesNeverThrow(
      @ForAll("byteMutatedMessages") byte[] value, @ForAll("topics") String topic) {
    assertWellFormed(decoder.decode(topic, value));
  }

  @Property(tries = 3000)
  void jsonMutationsOfValidMessagesNeverThrow(
      @ForAll("jsonMutatedMessages") byte[] value, @ForAll("topics") String topic) {
    assertWellFormed(decoder.decode(topic, value));
  }

  private static void assertWellFormed(DecodeResult result) {
    assertNotNull(result);
    assertTrue(
        result instanceof DecodeResult.Decoded
            || result instanceof DecodeResult.Rejected
            || result instanceof DecodeResult.Skipped,
        result::toString);
    if (result instanceof DecodeResult.Decoded d) {
      assertMoneyAtScaleTwo(d.event().before());
      assertMoneyAtScaleTwo(d.event().after());
    } else if (result instanceof DecodeResult.Rejected r) {
      // Every rejection is a deliberate one: none comes from decode's last-resort catch.
      assertFalse(r.rejection().message().startsWith("could not be decoded"), r::toString);
    }
  }

  private static void assertMoneyAtScaleTwo(SourceRow row) {
    if (row instanceof FundJournalEntry e) {
      assertScaleTwo(e.occurBalance());
      assertScaleTwo(e.postBalance());
    } else if (row instanceof AdvisoryOrder o) {
      assertScaleTwo(o.amount());
    }
  }

  private static void assertScaleTwo(BigDecimal amount) {
    assertNotNull(amount);
    assertEquals(2, amount.scale());
  }

  // --- generators ------------------------------------------------------------------------------

  @Provide
  Arbitrary<String> topics() {
    return Arbitraries.oneOf(
        Arbitraries.of(SourceTable.values()).map(SourceTable::odsTopic),
        Arbitraries.just(null),
        Arbitraries.strings().ofMaxLength(20));
  }

  @Provide
  Arbitrary<byte[]> byteMutatedMessages() {
    Arbitrary<int[]> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(1, 16))
            .as((kind, where, value, length) -> new int[] {kind, where, value, length});
    return Combinators.combine(validMessages(), edit.list().ofMinSize(1).ofMaxSize(4))
        .as(DecoderNeverThrowsProperties::applyByteEdits);
  }

  /** kind 0: replace a byte; 1: delete a run; 2: insert a byte; 3: truncate. */
  private static byte[] applyByteEdits(String message, List<int[]> edits) {
    byte[] b = message.getBytes(StandardCharsets.UTF_8);
    for (int[] e : edits) {
      if (b.length == 0) {
        break;
      }
      int at = e[1] % b.length;
      switch (e[0]) {
        case 0 -> b[at] = (byte) e[2];
        case 1 -> {
          int end = Math.min(b.length, at + e[3]);
          byte[] shorter = new byte[b.length - (end - at)];
          System.arraycopy(b, 0, shorter, 0, at);
          System.arraycopy(b, end, shorter, at, b.length - end);
          b = shorter;
        }
        case 2 -> {
          byte[] longer = new byte[b.length + 1];
          System.arraycopy(b, 0, longer, 0, at);
          longer[at] = (byte) e[2];
          System.arraycopy(b, at, longer, at + 1, b.length - at);
          b = longer;
        }
        default -> b = Arrays.copyOf(b, at);
      }
    }
    return b;
  }

  @Provide
  Arbitrary<byte[]> jsonMutatedMessages() {
    Arbitrary<Object[]> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 4),
                jsonValues())
            .as((where, kind, value) -> new Object[] {where, kind, value});
    return Combinators.combine(validMessages(), edit.list().ofMinSize(1).ofMaxSize(3))
        .as(DecoderNeverThrowsProperties::applyJsonEdits);
  }

  /** Replaces (kinds 0-3) or removes (kind 4) a field anywhere in the message tree. */
  private static byte[] applyJsonEdits(String message, List<Object[]> edits) {
    JsonNode root = Messages.literal(message);
    for (Object[] e : edits) {
      List<ObjectNode> parents = new ArrayList<>();
      List<String> names = new ArrayList<>();
      collectFields(root, parents, names);
      if (parents.isEmpty()) {
        break;
      }
      int at = (Integer) e[0] % parents.size();
      if ((Integer) e[1] == 4) {
        parents.get(at).remove(names.get(at));
      } else {
        parents.get(at).set(names.get(at), (JsonNode) e[2]);
      }
    }
    return Messages.bytes(root);
  }

  private static void collectFields(JsonNode node, List<ObjectNode> parents, List<String> names) {
    if (node instanceof ObjectNode object) {
      Iterator<String> it = object.fieldNames();
      while (it.hasNext()) {
        String name = it.next();
        parents.add(object);
        names.add(name);
        collectFields(object.get(name), parents, names);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collectFields(element, parents, names);
      }
    }
  }

  private Arbitrary<JsonNode> jsonValues() {
    Arbitrary<JsonNode> leaves =
        Arbitraries.oneOf(
            Arbitraries.just(NODES.nullNode()),
            Arbitraries.of(true, false).map(NODES::booleanNode),
            Arbitraries.longs().map(NODES::numberNode),
            Arbitraries.bigDecimals()
                .between(new BigDecimal("-1E20"), new BigDecimal("1E20"))
                .ofScale(4)
                .map(NODES::numberNode),
            Arbitraries.bigIntegers()
                .between(
                    new java.math.BigInteger("-1" + "0".repeat(30)),
                    new java.math.BigInteger("1" + "0".repeat(30)))
                .map(NODES::numberNode),
            Arbitraries.of(
                    "",
                    " ",
                    "c",
                    "u",
                    "d",
                    "r",
                    "t",
                    "I",
                    "U",
                    "D",
                    "T",
                    "CNY",
                    "CNY ",
                    "EUR",
                    "Y",
                    "N",
                    "+y0=",
                    "ARSF7Q==",
                    "====",
                    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                    "12.345",
                    "1E+9999",
                    "0E-9999",
                    "-0",
                    "2026-02-30 10:00:00",
                    "2026-11-19 09:31:02.123456",
                    "20261131",
                    "99999999999999999999",
                    "00000000320000004711",
                    "FUND_JOURNAL",
                    "CTS.CUSTOMER",
                    "x.y.z",
                    "NaN",
                    "Infinity",
                    "1e400",
                    "9223372036854775808",
                    "-9223372036854775808")
                .map(NODES::textNode),
            Arbitraries.strings().ofMaxLength(30).map(NODES::textNode));
    Arbitrary<JsonNode> objects =
        leaves
            .list()
            .ofMaxSize(3)
            .map(
                values -> {
                  ObjectNode o = NODES.objectNode();
                  String[] keys = {"scale", "value", "fields", "field", "name", "parameters"};
                  for (int i = 0; i < values.size(); i++) {
                    o.set(keys[i % keys.length], values.get(i));
                  }
                  return o;
                });
    Arbitrary<JsonNode> arrays =
        leaves
            .list()
            .ofMaxSize(3)
            .map(
                values -> {
                  var a = NODES.arrayNode();
                  values.forEach(a::add);
                  return a;
                });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, leaves),
        net.jqwik.api.Tuple.of(1, objects),
        net.jqwik.api.Tuple.of(1, arrays));
  }

  private static final List<String> VALID_MESSAGES = buildValidMessages();

  private Arbitrary<String> validMessages() {
    return Arbitraries.of(VALID_MESSAGES);
  }

  private static List<String> buildValidMessages() {
    List<String> all = new ArrayList<>(sampleLines());
    for (SourceTable t : SourceTable.values()) {
      all.add(asText(Messages.debezium("u", t, Messages.row(t), Messages.row(t))));
      all.add(asText(Messages.wrapped(Messages.debezium("c", t, null, Messages.row(t)), "2")));
      all.add(asText(Messages.goldenGate("D", t, Messages.row(t), null)));
    }
    return List.copyOf(all);
  }

  private static String asText(JsonNode node) {
    return new String(Messages.bytes(node), StandardCharsets.UTF_8);
  }

  private static List<String> sampleLines() {
    try (InputStream in =
        DecoderNeverThrowsProperties.class.getResourceAsStream(
            "/changelog/changelog-examples.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
