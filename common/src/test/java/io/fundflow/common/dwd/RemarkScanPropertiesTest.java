package io.fundflow.common.dwd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written REMARK scan scrubs exactly what the rule's regex definition, {@code \p{Nd}{6,}}
 * with each run replaced by one {@code *} per code point, scrubs.
 */
class RemarkScanPropertiesTest {

  private static final Pattern DIGIT_RUN = Pattern.compile("\\p{Nd}{6,}");

  @Property(tries = 2000)
  void scanEqualsRegexDefinition(@ForAll("remarks") String remark) {
    assertEquals(byRegex(remark), PersonalDataMasks.remark(remark), remark);
  }

  @Provide
  Arbitrary<String> remarks() {
    // Digits of several scripts (ASCII, full-width, Arabic-Indic, a supplementary one), letters,
    // CJK, a lone surrogate: runs form often and mix kinds.
    Arbitrary<String> piece =
        Arbitraries.of(
            "0", "7", "9", "１", "９", "٣", "\uD835\uDFCE", "a", " ", "张", "号", "\uD800", "-");
    return piece.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  private static String byRegex(String remark) {
    Matcher m = DIGIT_RUN.matcher(remark);
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (m.find()) {
      out.append(remark, from, m.start());
      out.append("*".repeat(remark.codePointCount(m.start(), m.end())));
      from = m.end();
    }
    return out.append(remark, from, remark.length()).toString();
  }
}
