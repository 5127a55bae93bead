package io.fundflow.common.hbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerSaltTest {

  // Pinned from an independent CRC32 (Python's zlib.crc32): a change of the hash or of the salt
  // count moves every row, so it must break this test.
  @ParameterizedTest
  @CsvSource({
    "000000000001, 1",
    "100200300, 7",
    "C0001, 12",
    "880012345678, 0",
    "123456789012345678, 8",
    "A, 11"
  })
  void saltIsCrc32OfTheClientIdModSixteen(String clientId, int salt) {
    assertEquals(salt, CustomerSalt.of(clientId));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1234567890123456789", "客户"})
  void rejectsClientIdsOutsideTheField(String clientId) {
    assertThrows(IllegalArgumentException.class, () -> CustomerSalt.of(clientId));
  }
}
