package io.fundflow.common.dwd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PersonalDataMasksTest {

  @Test
  void specExamplesVerbatim() {
    assertEquals("110101********1234", PersonalDataMasks.idNo("110101198001011234"));
    assertEquals("138****5678", PersonalDataMasks.mobile("13812345678"));
    assertEquals("张*", PersonalDataMasks.clientName("张伟"));
  }

  @Test
  void nullsStayNull() {
    assertNull(PersonalDataMasks.idNo(null));
    assertNull(PersonalDataMasks.mobile(null));
    assertNull(PersonalDataMasks.clientName(null));
    assertNull(PersonalDataMasks.remark(null));
  }

  @Test
  void idNumbersOfOtherLengths() {
    assertEquals("110101*****1234", PersonalDataMasks.idNo("110101800101234"), "15-digit ID");
    assertEquals("110101********123X", PersonalDataMasks.idNo("11010119800101123X"));
    assertEquals("E*******8", PersonalDataMasks.idNo("E12345678"), "passport: first and last");
    assertEquals("1***5", PersonalDataMasks.idNo("12345"));
    assertEquals("****", PersonalDataMasks.idNo("1234"), "too short to show anything");
    assertEquals("", PersonalDataMasks.idNo(""));
  }

  @Test
  void shortMobilesAreHiddenEntirely() {
    assertEquals("*******", PersonalDataMasks.mobile("6512345"));
    assertEquals("+86*******5678", PersonalDataMasks.mobile("+8613812345678"));
  }

  @Test
  void namesAreMaskedByCodePoint() {
    assertEquals("*", PersonalDataMasks.clientName("伟"));
    assertEquals("欧***", PersonalDataMasks.clientName("欧阳娜娜"));
    // U+20BB7 (𠮷) is one character but two UTF-16 chars: one star, and never a broken surrogate.
    assertEquals("𠮷*", PersonalDataMasks.clientName("𠮷野"));
    assertEquals("王*", PersonalDataMasks.clientName("王𠮷"));
    assertEquals("*", PersonalDataMasks.clientName("𠮷"));
    assertEquals("", PersonalDataMasks.clientName(""));
  }

  @Test
  void remarkRunsOfSixDigitsAreScrubbedButFiveAreNot() {
    assertEquals("ref 12345 ok", PersonalDataMasks.remark("ref 12345 ok"));
    assertEquals("ref ****** ok", PersonalDataMasks.remark("ref 123456 ok"));
    assertEquals(
        "转出至卡*******************，手续费5元",
        PersonalDataMasks.remark("转出至卡6222021234567890123，手续费5元"));
    assertEquals("a******b12c9876", PersonalDataMasks.remark("a123456b12c9876"));
  }

  @Test
  void remarkScrubsEveryRunAndFullWidthDigits() {
    assertEquals("x******y*******z", PersonalDataMasks.remark("x123456y1234567z"));
    assertEquals("手机***********", PersonalDataMasks.remark("手机１３８１２３４５６７８"));
    assertEquals("mixed ******", PersonalDataMasks.remark("mixed 123４５６"));
    assertEquals("no digits", PersonalDataMasks.remark("no digits"));
  }

  @Property
  void masksAreIdempotent(@ForAll @StringLength(max = 30) String value) {
    assertEquals(PersonalDataMasks.idNo(value), PersonalDataMasks.idNo(PersonalDataMasks.idNo(value)));
    assertEquals(
        PersonalDataMasks.mobile(value), PersonalDataMasks.mobile(PersonalDataMasks.mobile(value)));
    assertEquals(
        PersonalDataMasks.clientName(value),
        PersonalDataMasks.clientName(PersonalDataMasks.clientName(value)));
    assertEquals(
        PersonalDataMasks.remark(value), PersonalDataMasks.remark(PersonalDataMasks.remark(value)));
  }

  @Property
  void masksKeepTheLengthInCodePoints(
      @ForAll @StringLength(max = 25) @CharRange(from = '0', to = '9') @Chars({'张', '伟', 'X'})
          String value) {
    int n = value.codePointCount(0, value.length());
    assertEquals(n, count(PersonalDataMasks.idNo(value)));
    assertEquals(n, count(PersonalDataMasks.mobile(value)));
    assertEquals(n, count(PersonalDataMasks.clientName(value)));
    assertEquals(n, count(PersonalDataMasks.remark(value)));
  }

  @Property
  void scrubbedRemarksHoldNoRunOfSixDigits(@ForAll @StringLength(max = 60) String remark) {
    String scrubbed = PersonalDataMasks.remark(remark);
    int run = 0;
    for (int cp : scrubbed.codePoints().toArray()) {
      run = Character.isDigit(cp) ? run + 1 : 0;
      if (run >= 6) {
        throw new AssertionError("digit run left in " + scrubbed);
      }
    }
  }

  private static int count(String s) {
    return s.codePointCount(0, s.length());
  }
}
