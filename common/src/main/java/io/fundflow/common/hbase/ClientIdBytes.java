package io.fundflow.common.hbase;

import java.nio.charset.StandardCharsets;

/**
 * The CLIENT_ID field of a rowkey: 18 bytes of ASCII, right-padded with 0x00. Padding with 0x00
 * (below every printable character) keeps a shorter id sorting before its longer extensions and
 * makes the field fixed-width, so the fields after it sit at fixed offsets.
 */
final class ClientIdBytes {

  /** Width of the field: CLIENT_ID is VARCHAR2(18) in the source. */
  static final int WIDTH = 18;

  private ClientIdBytes() {}

  /**
   * The id's bytes, unpadded. Rejects null, empty, longer than 18 characters and anything outside
   * printable ASCII (0x20..0x7E): a 0x00 would be confused with the padding, a non-ASCII character
   * would have no single-byte form.
   */
  static byte[] validBytes(String clientId) {
    if (clientId == null || clientId.isEmpty()) {
      throw new IllegalArgumentException("CLIENT_ID must not be empty");
    }
    if (clientId.length() > WIDTH) {
      throw new IllegalArgumentException(
          "CLIENT_ID longer than " + WIDTH + " characters: \"" + clientId + "\"");
    }
    for (int i = 0; i < clientId.length(); i++) {
      char c = clientId.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        throw new IllegalArgumentException(
            "CLIENT_ID must be printable ASCII, found U+"
                + String.format("%04X", (int) c)
                + " at index "
                + i);
      }
    }
    return clientId.getBytes(StandardCharsets.US_ASCII);
  }

  /** Writes the padded field at {@code offset}; {@code dest} is assumed zero-filled there. */
  static void write(String clientId, byte[] dest, int offset) {
    write(validBytes(clientId), dest, offset);
  }

  /** Writes bytes {@link #validBytes} returned at {@code offset}, zero-filled there. */
  static void write(byte[] validId, byte[] dest, int offset) {
    System.arraycopy(validId, 0, dest, offset, validId.length);
  }

  /** Reads the field at {@code offset}, dropping the padding. */
  static String read(byte[] src, int offset) {
    int length = 0;
    while (length < WIDTH && src[offset + length] != 0) {
      length++;
    }
    String clientId = new String(src, offset, length, StandardCharsets.US_ASCII);
    validBytes(clientId);
    return clientId;
  }
}
