package io.fundflow.serving.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthTest {

  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2025-03-14T01:30:00Z");

  @Test
  void theUsersFileGrantsBranchesAndChecksPasswords() {
    String hash = UserDirectory.hash("s3cret!", 4);
    UserDirectory users =
        UserDirectory.parse(Map.of("alice", hash + " ; 1001, 1002", "boss", hash + ";*"), "test");
    assertEquals(
        Optional.of(new Trader("alice", Set.of(1001, 1002), false)),
        users.authenticate("alice", "s3cret!"));
    assertTrue(users.authenticate("boss", "s3cret!").orElseThrow().maySee(4242));
    assertEquals(Optional.empty(), users.authenticate("alice", "wrong"));
    assertEquals(Optional.empty(), users.authenticate("mallory", "s3cret!"));
  }

  @Test
  void aMalformedUsersFileNamesEveryBadLine() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                UserDirectory.parse(
                    Map.of("a", "plaintext;1001", "b", UserDirectory.hash("x", 4) + ";10x1"),
                    "users.properties"));
    assertEquals(2, e.problems().size(), e.problems().toString());
  }

  @Test
  void aTokenCarriesTheTraderUntilItExpires() {
    TokenIssuer issuer =
        new TokenIssuer(
            SECRET, "fundflow-test", Duration.ofHours(8), Clock.fixed(NOW, ZoneOffset.UTC));
    Trader alice = new Trader("alice", Set.of(1001), false);
    TokenIssuer.Token token = issuer.issue(alice);
    assertEquals(NOW.plus(Duration.ofHours(8)), token.expiresAt());
    assertEquals(Optional.of(alice), issuer.verify(token.token()));

    TokenIssuer later =
        new TokenIssuer(
            SECRET,
            "fundflow-test",
            Duration.ofHours(8),
            Clock.fixed(NOW.plus(Duration.ofHours(9)), ZoneOffset.UTC));
    assertEquals(Optional.empty(), later.verify(token.token()));
  }

  @Test
  void aTokenOfAnotherKeyOrIssuerOrAlteredIsRefused() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    TokenIssuer issuer = new TokenIssuer(SECRET, "fundflow-test", Duration.ofHours(1), clock);
    String token = issuer.issue(new Trader("alice", Set.of(1001), false)).token();
    byte[] otherSecret = "another-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        Optional.empty(),
        new TokenIssuer(otherSecret, "fundflow-test", Duration.ofHours(1), clock).verify(token));
    assertEquals(
        Optional.empty(),
        new TokenIssuer(SECRET, "other", Duration.ofHours(1), clock).verify(token));
    // Widening one's own branches in the payload breaks the signature.
    String[] parts = token.split("\\.");
    String payload =
        new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"allBranches\":false", "\"allBranches\":true");
    String forged =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertEquals(Optional.empty(), issuer.verify(forged));
    assertEquals(Optional.empty(), issuer.verify("not-a-jwt"));
  }

  @Test
  void aTokenVerifiedOnceIsStillRefusedOnceItExpires() {
    Instant[] now = {NOW};
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    TokenIssuer issuer = new TokenIssuer(SECRET, "fundflow-test", Duration.ofHours(1), clock);
    Trader alice = new Trader("alice", Set.of(1001), false);
    String token = issuer.issue(alice).token();
    assertEquals(Optional.of(alice), issuer.verify(token));
    now[0] = NOW.plus(Duration.ofMinutes(59));
    assertEquals(Optional.of(alice), issuer.verify(token), "remembered and still valid");
    now[0] = NOW.plus(Duration.ofHours(1)).plusSeconds(1);
    assertEquals(Optional.empty(), issuer.verify(token), "expired, though verified before");
    now[0] = NOW.plus(Duration.ofMinutes(30));
    assertEquals(Optional.of(alice), issuer.verify(token), "the full check accepts it again");
    now[0] = NOW.minusSeconds(5);
    assertEquals(Optional.empty(), issuer.verify(token), "issued in the future: refused");
  }
}
