package io.fundflow.common.hbase;

import java.util.zip.CRC32;

/**
 * The salt byte of a customer: unsigned CRC32 of the CLIENT_ID's ASCII bytes modulo {@link
 * HBaseLayout#SALT_BUCKETS}. CRC32 is fixed by its standard (ISO-HDLC polynomial), unlike {@link
 * String#hashCode()} which is only a JDK promise, so the salt is the same on every JVM and release.
 * Every row of one customer, detail or summary, carries the same salt.
 */
public final class CustomerSalt {

  private CustomerSalt() {}

  /** The salt of {@code clientId}, in [0, SALT_BUCKETS). */
  public static int of(String clientId) {
    return ofValidBytes(ClientIdBytes.validBytes(clientId));
  }

  /** The salt of a CLIENT_ID already checked by {@link ClientIdBytes#validBytes}. */
  static int ofValidBytes(byte[] clientId) {
    CRC32 crc = new CRC32();
    crc.update(clientId);
    // CRC32.getValue() is already the unsigned 32-bit value in a long.
    return (int) (crc.getValue() % HBaseLayout.SALT_BUCKETS);
  }
}
