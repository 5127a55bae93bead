package io.fundflow.serving.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final CursorCodec codec = new CursorCodec(SECRET);
  private final FlowQuery query =
      new FlowQuery(
          "100200300",
          LocalDateTime.of(2025, 3, 1, 0, 0),
          LocalDateTime.of(2025, 3, 31, 0, 0),
          Set.of(),
          Optional.empty(),
          Optional.empty(),
          100,
          Optional.empty());
  private final byte[] rowKey = new byte[39];

  {
    for (int i = 0; i < rowKey.length; i++) {
      rowKey[i] = (byte) (i * 7);
    }
  }

  @Test
  void roundTripsTheRowKey() {
    String cursor = codec.encode(query, rowKey);
    assertArrayEquals(rowKey, codec.decode(cursor, query.fingerprint()));
  }

  @Test
  void everyAlteredByteIsRefused() {
    byte[] raw = Base64.getUrlDecoder().decode(codec.encode(query, rowKey));
    for (int i = 0; i < raw.length; i++) {
      byte[] altered = raw.clone();
      altered[i] ^= 0x01;
      String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
      BadParameterException e =
          assertThrows(
              BadParameterException.class,
              () -> codec.decode(tampered, query.fingerprint()),
              "byte " + i);
      assertEquals("cursor", e.parameter());
    }
  }

  @Test
  void aCursorOfAnotherQueryOrKeyIsRefused() {
    String cursor = codec.encode(query, rowKey);
    assertThrows(BadParameterException.class, () -> codec.decode(cursor, "other|query"));
    CursorCodec otherSecret =
        new CursorCodec("another-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8));
    assertThrows(
        BadParameterException.class, () -> otherSecret.decode(cursor, query.fingerprint()));
  }

  @Test
  void garbageIsRefusedNotCrashed() {
    for (String garbage : new String[] {"", "!!!", "AQ", "x".repeat(5000)}) {
      assertThrows(BadParameterException.class, () -> codec.decode(garbage, query.fingerprint()));
    }
  }

  @Test
  void theCursorIsOpaqueButDeterministic() {
    assertEquals(codec.encode(query, rowKey), codec.encode(query, rowKey));
    byte[] other = rowKey.clone();
    other[38]++;
    assertNotEquals(codec.encode(query, rowKey), codec.encode(query, other));
  }

  @Test
  void cursorsMadeOnManyThreadsAtOnceAreTheSameAsOnOne() throws Exception {
    String expected = codec.encode(query, rowKey);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    String c = codec.encode(query, rowKey);
                    if (!c.equals(expected)
                        || !java.util.Arrays.equals(rowKey, codec.decode(c, query.fingerprint()))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (java.util.concurrent.Future<Boolean> r : results) {
        assertTrue(r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
