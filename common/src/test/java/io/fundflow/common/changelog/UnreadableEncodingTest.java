package io.fundflow.common.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bytes whose first four Jackson's encoding detection refuses (UCS-4 byte-order marks of the
 * unusual 2143 and 3412 orders) are malformed JSON, not a decoder failure.
 */
class UnreadableEncodingTest {

  private final ChangeLogDecoder decoder = new ChangeLogDecoder();

  @ParameterizedTest
  @ValueSource(strings = {"0000fffe", "feff0000", "007b0000", "00007b00"})
  void unsupportedUcs4IsMalformedJson(String hex) {
    byte[] value = new byte[hex.length() / 2];
    for (int i = 0; i < value.length; i++) {
      value[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    DecodeResult result = decoder.decode("ods.fund_journal", value);
    DecodeResult.Rejected rejected = assertInstanceOf(DecodeResult.Rejected.class, result);
    assertEquals(RejectReason.MALFORMED_JSON, rejected.rejection().reason(), result::toString);
  }
}
