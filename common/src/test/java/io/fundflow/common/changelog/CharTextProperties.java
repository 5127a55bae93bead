package io.fundflow.common.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The char-buffer readers of the streaming paths ({@link NumberText}, {@link LocalTimestampText},
 * {@link MoneyText}) read text embedded anywhere in a buffer as their String counterparts and the
 * tree path's BigDecimal arithmetic read it.
 */
class CharTextProperties {

  @Property(tries = 3000)
  void numberTextAgreesWithTheStringReaders(@ForAll("numberish") String s) {
    char[] c = embedded(s);
    boolean isLong = NumberText.isLong(s);
    long parsed = NumberText.parseLong(c, 3, s.length());
    assertEquals(isLong ? Long.parseLong(s) : NumberText.NOT_A_LONG, parsed, s);
    assertEquals(NumberText.isDecimal(s), NumberText.isDecimal(c, 3, s.length()), s);
    assertEquals(NumberText.isBase64(s), NumberText.isBase64(c, 3, s.length()), s);
  }

  @Property(tries = 2000)
  void timestampTextAgreesWithTheStringReader(@ForAll("timestamps") String s) {
    assertEquals(LocalTimestampText.parse(s), LocalTimestampText.parse(embedded(s), 3, s.length()));
  }

  @Property(tries = 3000)
  void decimalMoneyIsTheExactScaleTwoValue(@ForAll("numberish") String s) {
    if (!NumberText.isDecimal(s)) {
      return;
    }
    BigDecimal expected = MoneyText.exact(new BigDecimal(s));
    assertEquals(expected, MoneyText.decimal(embedded(s), 3, s.length()), s);
  }

  @Property(tries = 2000)
  void moneyCheckMatchesTheDefinition(@ForAll("decimals") BigDecimal d) {
    BigDecimal money = MoneyText.exact(d);
    boolean fits =
        d.signum() == 0 || (d.precision() - d.scale() <= 17 && d.stripTrailingZeros().scale() <= 2);
    assertEquals(fits ? d.setScale(2) : null, money, d::toString);
  }

  @Property(tries = 2000)
  void base64UnscaledIsTheTwosComplementValue(@ForAll("unscaledBytes") byte[] bytes) {
    String s = Base64.getEncoder().encodeToString(bytes);
    char[] c = embedded(s);
    int n = MoneyText.base64Bytes(c, 3, s.length());
    if (bytes.length > 7) {
      assertEquals(-1, n, s);
      return;
    }
    assertEquals(bytes.length, n, s);
    assertEquals(
        new BigInteger(bytes).longValueExact(), MoneyText.base64Unscaled(c, 3, s.length()));
  }

  @Property(tries = 1000)
  void base64UnscaledIgnoresSpareBitsAsJavaDoes(@ForAll("base64Text") String s) {
    char[] c = embedded(s);
    if (!NumberText.isBase64(s) || MoneyText.base64Bytes(c, 3, s.length()) < 0) {
      return;
    }
    byte[] bytes = Base64.getDecoder().decode(s);
    assertEquals(
        new BigInteger(bytes).longValueExact(), MoneyText.base64Unscaled(c, 3, s.length()), s);
  }

  /** {@code s} with other characters before and after, as in a parser's buffer. */
  private static char[] embedded(String s) {
    return ("x9\"" + s + "\"9x").toCharArray();
  }

  @Provide
  Arbitrary<String> numberish() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789+-.eE =A/").ofMaxLength(24),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(22),
        Arbitraries.bigDecimals()
            .between(new BigDecimal("-1E20"), new BigDecimal("1E20"))
            .ofScale(5)
            .map(BigDecimal::toPlainString),
        Arbitraries.of(
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775807",
            "-9223372036854775808",
            "0000000000000000001",
            "+5",
            "-0",
            "1E+3",
            "5.",
            ".5"));
  }

  @Provide
  Arbitrary<BigDecimal> decimals() {
    return Arbitraries.oneOf(
        Arbitraries.bigDecimals()
            .between(new BigDecimal("-1E19"), new BigDecimal("1E19"))
            .ofScale(4),
        Arbitraries.of(
            new BigDecimal("1E+17"),
            new BigDecimal("1E+16"),
            new BigDecimal("0E-9999"),
            new BigDecimal("1.000"),
            new BigDecimal("99999999999999999.99")));
  }

  @Provide
  Arbitrary<String> timestamps() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789-: .T").ofMinLength(15).ofMaxLength(30),
        Arbitraries.of(
            "2026-11-19 10:12:44",
            "2026-11-19T10:12:44.5",
            "2026-11-19:10:12:44.123456789",
            "2026-02-29 00:00:00",
            "2024-02-29 23:59:59.000001",
            "2026-11-19 24:00:00"));
  }

  @Provide
  Arbitrary<byte[]> unscaledBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(10);
  }

  @Provide
  Arbitrary<String> base64Text() {
    return Arbitraries.strings()
        .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        .ofMinLength(2)
        .ofMaxLength(10)
        .map(s -> s + "=".repeat((4 - s.length() % 4) % 4));
  }
}
