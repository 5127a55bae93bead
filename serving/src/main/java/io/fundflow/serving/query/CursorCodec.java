package io.fundflow.serving.query;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Page cursors: opaque to clients, tamper-proof, and bound to their query. A cursor is the last
 * rowkey of the page it follows, with an HMAC-SHA256 over that rowkey and the query's {@link
 * FlowQuery#fingerprint() fingerprint}, in URL-safe base64:
 *
 * <pre>version (1) | rowkey length (1) | rowkey | HMAC (first 16 bytes)</pre>
 *
 * A changed byte, a cursor of another query (another customer, range or filter) or of another key
 * all fail the check. The rowkey is not secret (it holds the customer id and the time the client
 * has already seen); the MAC only stops clients from steering scans.
 */
public final class CursorCodec {

  private static final byte VERSION = 1;
  private static final int MAC_BYTES = 16;
  private static final int MAX_ROWKEY = 64;
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  // One keyed Mac per thread: Mac.getInstance's provider lookup and init per cursor showed in the
  // serving benchmark's profile; a Mac is not thread-safe, and doFinal resets it for the next use.
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public CursorCodec(byte[] secret) {
    this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The cursor that resumes {@code query} after {@code lastRowKey}. */
  public String encode(FlowQuery query, byte[] lastRowKey) {
    if (lastRowKey.length > MAX_ROWKEY) {
      throw new IllegalArgumentException("rowkey too long for a cursor: " + lastRowKey.length);
    }
    ByteBuffer b = ByteBuffer.allocate(2 + lastRowKey.length + MAC_BYTES);
    b.put(VERSION).put((byte) lastRowKey.length).put(lastRowKey);
    b.put(mac(query.fingerprint(), lastRowKey));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  /**
   * The rowkey a cursor of {@code fingerprint} resumes after.
   *
   * @throws BadParameterException naming {@code cursor} when it is malformed, altered or foreign
   */
  public byte[] decode(String cursor, String fingerprint) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (raw.length < 2 + MAC_BYTES || raw[0] != VERSION) {
      throw invalid();
    }
    int length = raw[1] & 0xFF;
    if (raw.length != 2 + length + MAC_BYTES) {
      throw invalid();
    }
    byte[] rowKey = Arrays.copyOfRange(raw, 2, 2 + length);
    byte[] given = Arrays.copyOfRange(raw, 2 + length, raw.length);
    // Constant-time comparison: timing must not reveal how much of a forged MAC was right.
    if (!MessageDigest.isEqual(given, mac(fingerprint, rowKey))) {
      throw invalid();
    }
    return rowKey;
  }

  private static BadParameterException invalid() {
    return new BadParameterException(
        "cursor", "not a cursor of this query (altered, truncated, or from another query)");
  }

  private byte[] mac(String fingerprint, byte[] rowKey) {
    Mac mac = macs.get();
    mac.reset(); // a use cut short by an exception must not leak into this one
    mac.update(VERSION);
    byte[] fp = fingerprint.getBytes(StandardCharsets.UTF_8);
    mac.update(ByteBuffer.allocate(4).putInt(fp.length).array());
    mac.update(fp);
    mac.update(rowKey);
    return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
  }
}
