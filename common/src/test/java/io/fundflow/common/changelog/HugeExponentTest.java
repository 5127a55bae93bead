package io.fundflow.common.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JSON number whose exponent no BigDecimal can hold (found by a byte mutation in {@code
 * DecoderNeverThrowsProperties}) is a wrong-typed value with its reason, not a decoder failure.
 */
class HugeExponentTest {

  private final ChangeLogDecoder decoder = new ChangeLogDecoder();

  @ParameterizedTest
  @ValueSource(strings = {"1E95051862123000", "1795E51862123000", "-2.5e-99999999999"})
  void aNumberNoDecimalCanHoldIsWrongType(String number) {
    String json =
        "{\"op\":\"c\",\"source\":{\"table\":\"FUND_JOURNAL\",\"scn\":\"1\",\"ts_ms\":1},"
            + "\"before\":null,\"after\":{\"INIT_DATE\":20250314,\"SERIAL_NO\":1,"
            + "\"OCCUR_BALANCE\":"
            + number
            + "}}";
    DecodeResult result =
        decoder.decode("ods.fund_journal", json.getBytes(StandardCharsets.UTF_8));
    DecodeResult.Rejected rejected = assertInstanceOf(DecodeResult.Rejected.class, result);
    assertEquals(RejectReason.WRONG_TYPE, rejected.rejection().reason(), result::toString);
    assertFalse(
        rejected.rejection().message().startsWith("could not be decoded"), result::toString);
  }
}
