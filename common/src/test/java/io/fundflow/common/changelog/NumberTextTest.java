package io.fundflow.common.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written number scanners agree with Java's parsers on what is a number. */
class NumberTextTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @ParameterizedTest
  @ValueSource(
      strings = {"0", "-1", "+7", "20261119", "9223372036854775807", "0009223372036854775"})
  void longs(String s) {
    assertTrue(NumberText.isLong(s));
    Long.parseLong(s); // would throw if the scanner were wrong
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-",
        "+",
        "1.0",
        "1e3",
        " 1",
        "9223372036854775808",
        "12345678901234567890",
        "١٢"
      })
  void notLongs(String s) {
    assertFalse(NumberText.isLong(s));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-12.35", "+1.", ".5", "1E+3", "1e-9999", "50000.00"})
  void decimals(String s) {
    assertTrue(NumberText.isDecimal(s));
    new java.math.BigDecimal(s); // would throw if the scanner were wrong
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "-.",
        "1.2.3",
        "1e",
        "1e+",
        "1e99999",
        "NaN",
        "Infinity",
        "0x10",
        "1,5",
        "+y0="
      })
  void notDecimals(String s) {
    assertFalse(NumberText.isDecimal(s));
  }

  @Test
  void base64Shape() {
    assertTrue(NumberText.isBase64("+y0="));
    assertTrue(NumberText.isBase64("ARSF7Q=="));
    assertTrue(NumberText.isBase64("TEtA"));
    assertFalse(NumberText.isBase64("+y0"));
    assertFalse(NumberText.isBase64("===="));
    assertFalse(NumberText.isBase64("a=bc"));
    assertFalse(NumberText.isBase64("12.5"));
  }

  @Test
  void positions() {
    assertEquals(320000004711L, NumberText.position(NODES.textNode("00000000320000004711")));
    assertEquals(88000101L, NumberText.position(NODES.textNode("88000101")));
    assertEquals(5L, NumberText.position(NODES.numberNode(5)));
    assertEquals(Long.MAX_VALUE, NumberText.position(NODES.textNode("9223372036854775807")));
    assertEquals(-1L, NumberText.position(NODES.textNode("9223372036854775808")));
    assertEquals(-1L, NumberText.position(NODES.numberNode(-5)));
    assertEquals(-1L, NumberText.position(NODES.textNode("")));
    assertEquals(-1L, NumberText.position(NODES.textNode("12a")));
    assertEquals(-1L, NumberText.position(NODES.numberNode(new java.math.BigDecimal("1.5"))));
    assertEquals(-1L, NumberText.position(null));
  }
}
