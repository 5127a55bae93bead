package io.fundflow.common.dwd;

/**
 * The personal-data masks of SPEC §2. Every mask works on Unicode code points (a Chinese character
 * outside the BMP is one character, not two), keeps the value's length in code points, replaces
 * each hidden character by one {@code *}, leaves null as null, and is idempotent: masking a masked
 * value changes nothing, because which positions stay visible depends only on the length.
 */
public final class PersonalDataMasks {

  /** The character that replaces a hidden one. */
  public static final int MASK = '*';

  /** Runs of this many decimal digits or more are scrubbed from REMARK. */
  public static final int REMARK_DIGIT_RUN = 6;

  private PersonalDataMasks() {}

  /**
   * ID_NO: keeps the first 6 (region code) and last 4 characters, {@code 110101198001011234} →
   * {@code 110101********1234}. A value of 5 to 10 characters (a passport number, say), where 6 + 4
   * would hide little or nothing, keeps only its first and last character; 4 or fewer are hidden
   * entirely.
   */
  public static String idNo(String idNo) {
    if (idNo == null) {
      return null;
    }
    int n = idNo.codePointCount(0, idNo.length());
    if (n >= 11) {
      return keep(idNo, 6, 4);
    }
    return n >= 5 ? keep(idNo, 1, 1) : keep(idNo, 0, 0);
  }

  /**
   * MOBILE: keeps the first 3 and last 4 characters, {@code 13812345678} → {@code 138****5678}.
   * Values shorter than 8 characters, which could not hide anything while showing 7, are hidden
   * entirely.
   */
  public static String mobile(String mobile) {
    if (mobile == null) {
      return null;
    }
    int n = mobile.codePointCount(0, mobile.length());
    return n >= 8 ? keep(mobile, 3, 4) : keep(mobile, 0, 0);
  }

  /**
   * CLIENT_NAME: keeps the first character and hides the rest, one {@code *} each: {@code 张伟} →
   * {@code 张*}, {@code 欧阳娜娜} → {@code 欧***}. A one-character name becomes {@code *}.
   */
  public static String clientName(String name) {
    if (name == null) {
      return null;
    }
    int n = name.codePointCount(0, name.length());
    return n >= 2 ? keep(name, 1, 0) : keep(name, 0, 0);
  }

  /**
   * REMARK: every run of 6 or more decimal digits (card, account, ID or phone numbers) becomes as
   * many {@code *}; shorter runs (amounts, branch numbers) stay. The digits themselves are gone, so
   * nothing can be recovered; only the run's length shows.
   */
  public static String remark(String remark) {
    if (remark == null) {
      return null;
    }
    // A scan by code point instead of a regex: no Matcher per call, and a remark without a long
    // run (most of them) is returned as is without any allocation. Character.isDigit is exactly
    // \p{Nd}, so full-width digits still count.
    int n = remark.length();
    StringBuilder out = null;
    int from = 0;
    int i = 0;
    while (i < n) {
      int cp = remark.codePointAt(i);
      if (!Character.isDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      int digits = 0;
      while (i < n) {
        int c = remark.codePointAt(i);
        if (!Character.isDigit(c)) {
          break;
        }
        digits++;
        i += Character.charCount(c);
      }
      if (digits >= REMARK_DIGIT_RUN) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(remark, from, start);
        for (int k = 0; k < digits; k++) {
          out.append((char) MASK);
        }
        from = i;
      }
    }
    return out == null ? remark : out.append(remark, from, n).toString();
  }

  /** Keeps {@code head} leading and {@code tail} trailing code points, masks the others. */
  private static String keep(String value, int head, int tail) {
    int total = value.codePointCount(0, value.length());
    StringBuilder out = new StringBuilder(value.length());
    int k = 0;
    for (int i = 0; i < value.length(); k++) {
      int cp = value.codePointAt(i);
      boolean visible = k < head || k >= total - tail;
      if (visible) {
        out.appendCodePoint(cp);
      } else {
        out.append((char) MASK);
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
