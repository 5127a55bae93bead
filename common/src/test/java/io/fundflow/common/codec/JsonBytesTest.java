package io.fundflow.common.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonBytes} writes each kind of value exactly as Jackson's default generator does: every
 * rule of its Javadoc is checked against the Jackson library itself, not against a restatement of
 * it. The whole records are compared with the old Jackson encoders in the bench module ({@code
 * JacksonEncodersAgreementTest}), where that code lives as the benchmarks' baseline.
 */
class JsonBytesTest {

  private static final JsonFactory JACKSON = new JsonFactory();

  /** Things Jackson does, pinned, so a surprise in a later Jackson shows up here by name. */
  @Test
  void theRulesAsJacksonAppliesThem() {
    assertEquals("\"a\\\"b\\\\c/d\"", jacksonString("a\"b\\c/d"));
    assertEquals("\"\\b\\t\\n\\f\\r\\u0000\\u001F\u007f\"", jacksonString("\b\t\n\f\r\u0000\u001f\u007f"));
    assertEquals("\"\u00e9张\u2028\"", jacksonString("\u00e9张\u2028"));
    assertEquals("\"\\uD83D\\uDE00\"", jacksonString("\ud83d\ude00")); // a pair is not combined
    assertEquals("\"\\uD800x\\uDFFF\"", jacksonString("\ud800x\udfff")); // nor a lone one dropped
  }

  @Test
  void everyUtf16UnitAloneAndAmidTextIsWrittenAsJacksonWritesIt() {
    for (int c = 0; c <= 0xFFFF; c++) {
      String one = String.valueOf((char) c);
      assertSameString(one);
      assertSameString("ab" + one + "张" + one);
    }
  }

  @Test
  void randomNastyStringsAreWrittenAsJacksonWritesThem() {
    Random r = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      assertSameString(nasty(r, r.nextInt(60)));
    }
    for (int n : new int[] {1023, 1024, 1025, 4000, 8000, 8001, 70_000}) {
      assertSameString(nasty(r, n)); // across the writer's chunks and Jackson's buffer
      assertSameString("x".repeat(n));
      assertSameString("\u0001".repeat(n));
    }
  }

  @Test
  void nullIsTheNullLiteral() {
    assertArrayEquals(jackson(g -> g.writeString((String) null)), ours(w -> w.value((String) null)));
  }

  @Test
  void intsLongsAndBooleansAsJacksonWritesThem() {
    List<Long> longs =
        new ArrayList<>(
            List.of(0L, 1L, -1L, 9L, 10L, 99L, 100L, -100L, Long.MAX_VALUE, Long.MIN_VALUE,
                Long.MIN_VALUE + 1, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L));
    for (long p = 1; p > 0 && p < Long.MAX_VALUE / 10; p *= 10) {
      longs.addAll(List.of(p, p - 1, p + 1, -p, -p + 1, -p - 1));
    }
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      longs.add(r.nextLong() >> r.nextInt(64));
    }
    for (long v : longs) {
      assertArrayEquals(jackson(g -> g.writeNumber(v)), ours(w -> w.value(v)), "" + v);
      int i = (int) v;
      assertArrayEquals(jackson(g -> g.writeNumber(i)), ours(w -> w.value(i)), "" + i);
    }
    assertArrayEquals(jackson(g -> g.writeBoolean(true)), ours(w -> w.value(true)));
    assertArrayEquals(jackson(g -> g.writeBoolean(false)), ours(w -> w.value(false)));
  }

  @Test
  void decimalsAsTheirPlainStringInAJacksonString() {
    List<BigDecimal> ds =
        new ArrayList<>(
            List.of(
                new BigDecimal("0"), new BigDecimal("0.00"), new BigDecimal("-0.00"),
                new BigDecimal("0.01"), new BigDecimal("-0.01"), new BigDecimal("50000.00"),
                new BigDecimal("-12.35"), new BigDecimal("1E+3"), new BigDecimal("0E+3"),
                new BigDecimal("-1E-30"), new BigDecimal("999999999999999999"),
                new BigDecimal("9999999999999999.99"), new BigDecimal("99999999999999999.99"),
                new BigDecimal("0.999999999999999999"), new BigDecimal("0.000000000000000001"),
                new BigDecimal("0.0000000000000000001"), new BigDecimal(Long.MIN_VALUE),
                new BigDecimal(BigInteger.valueOf(Long.MIN_VALUE), 2),
                new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE), 18),
                new BigDecimal(BigInteger.ONE.shiftLeft(200).negate(), 7)));
    Random r = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      BigInteger unscaled =
          r.nextBoolean()
              ? BigInteger.valueOf(r.nextLong() >> r.nextInt(64))
              : new BigInteger(1 + r.nextInt(120), r);
      int scale = r.nextInt(4) == 0 ? r.nextInt(60) - 20 : 2;
      ds.add(new BigDecimal(r.nextBoolean() ? unscaled : unscaled.negate(), scale));
    }
    for (BigDecimal d : ds) {
      assertArrayEquals(
          jackson(g -> g.writeString(d.toPlainString())), ours(w -> w.plainString(d)), d::toString);
    }
  }

  @Test
  void dateTimesAsTheirToStringInAJacksonString() {
    List<LocalDateTime> ts =
        new ArrayList<>(
            List.of(
                LocalDateTime.MIN, LocalDateTime.MAX, LocalDateTime.of(0, 1, 1, 0, 0),
                LocalDateTime.of(-1, 12, 31, 23, 59, 59, 1), LocalDateTime.of(999, 1, 1, 0, 0, 1),
                LocalDateTime.of(1000, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59),
                LocalDateTime.of(10_000, 1, 1, 0, 0), LocalDateTime.of(2026, 11, 19, 9, 30),
                LocalDateTime.of(2026, 11, 19, 9, 30, 0, 1),
                LocalDateTime.of(2026, 11, 19, 9, 30, 0, 100_000_000),
                LocalDateTime.of(2026, 11, 19, 9, 30, 5, 120_000),
                LocalDateTime.of(2026, 11, 19, 9, 30, 5, 123_456_789)));
    Random r = new Random(13);
    for (int i = 0; i < 20_000; i++) {
      int year = r.nextInt(5) == 0 ? r.nextInt(2_000_000_000) - 999_999_999 : r.nextInt(12_000);
      int nano =
          switch (r.nextInt(5)) {
            case 0 -> 0;
            case 1 -> r.nextInt(1000) * 1_000_000;
            case 2 -> r.nextInt(1_000_000) * 1000;
            default -> r.nextInt(1_000_000_000);
          };
      int second = r.nextBoolean() ? 0 : r.nextInt(60);
      ts.add(
          LocalDateTime.of(
              year, 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), second,
              nano));
    }
    for (LocalDateTime t : ts) {
      assertArrayEquals(
          jackson(g -> g.writeString(t.toString())), ours(w -> w.value(t)), t::toString);
    }
  }

  @Test
  void namesCommasAndNestedObjectsAsJacksonWritesThem() {
    byte[] expected =
        jackson(
            g -> {
              g.writeStartObject();
              g.writeNumberField("a", 1);
              g.writeObjectFieldStart("b");
              g.writeObjectFieldStart("c\"\u00e9");
              g.writeStringField("d", "x");
              g.writeEndObject();
              g.writeObjectFieldStart("empty");
              g.writeEndObject();
              g.writeNumberField("e", 2);
              g.writeEndObject();
              g.writeBooleanField("f", true);
              g.writeEndObject();
            });
    byte[] actual =
        ours(
            w -> {
              w.beginObject();
              w.name(JsonBytes.name("a"));
              w.value(1);
              w.name(JsonBytes.name("b"));
              w.beginObject();
              w.name(JsonBytes.name("c\"\u00e9"));
              w.beginObject();
              w.name(JsonBytes.name("d"));
              w.value("x");
              w.endObject();
              w.name(JsonBytes.name("empty"));
              w.beginObject();
              w.endObject();
              w.name(JsonBytes.name("e"));
              w.value(2);
              w.endObject();
              w.name(JsonBytes.name("f"));
              w.value(true);
              w.endObject();
            });
    assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8));
    assertArrayEquals(expected, actual);
  }

  @Test
  void theThreadsWriterStartsEmptyEvenAfterAHugeOrAnUnfinishedObject() {
    JsonBytes huge = JsonBytes.forThread();
    huge.beginObject();
    huge.name(JsonBytes.name("x"));
    huge.value("张".repeat(100_000)); // left unfinished, as an encoder that threw would leave it
    JsonBytes w = JsonBytes.forThread();
    w.beginObject();
    w.name(JsonBytes.name("a"));
    w.value(1);
    w.endObject();
    assertEquals("{\"a\":1}", new String(w.toByteArray(), StandardCharsets.UTF_8));
  }

  private static void assertSameString(String s) {
    byte[] expected = jackson(g -> g.writeString(s));
    byte[] actual = ours(w -> w.value(s));
    assertArrayEquals(expected, actual, () -> "for " + escapedForMessage(s));
  }

  private static String jacksonString(String s) {
    return new String(jackson(g -> g.writeString(s)), StandardCharsets.UTF_8);
  }

  /** A string of every kind of char the writer treats apart, surrogates paired and lone. */
  static String nasty(Random r, int length) {
    StringBuilder b = new StringBuilder(length);
    while (b.length() < length) {
      switch (r.nextInt(9)) {
        case 0 -> b.append((char) r.nextInt(0x20));
        case 1 -> b.append("\"\\/\u007f".charAt(r.nextInt(4)));
        case 2 -> b.append((char) (0x80 + r.nextInt(0x780))); // 2 UTF-8 bytes
        case 3 -> b.append((char) (0x4E00 + r.nextInt(0x5000))); // CJK, 3 bytes
        case 4 -> b.appendCodePoint(0x10000 + r.nextInt(0x100000)); // a surrogate pair
        case 5 -> b.append((char) (0xD800 + r.nextInt(0x800))); // a lone surrogate
        case 6 -> b.append((char) (0xE000 + r.nextInt(0x2000))); // above the surrogates
        default -> b.append((char) (' ' + r.nextInt(95)));
      }
    }
    return b.toString();
  }

  private static String escapedForMessage(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    return b.toString();
  }

  private interface GeneratorCalls {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] jackson(GeneratorCalls calls) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JACKSON.createGenerator(out)) {
      calls.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Starts from a 1-byte buffer so that every value also goes through the growth. */
  private static byte[] ours(Consumer<JsonBytes> calls) {
    JsonBytes w = new JsonBytes(1);
    calls.accept(w);
    return w.toByteArray();
  }
}
