package io.fundflow.serving.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Issues and verifies the embedded default's tokens: JWTs signed with HMAC-SHA256, subject = the
 * username, claims {@code branches} (granted BRANCH_NOs) and {@code allBranches}. A token that
 * verified once is remembered (by its whole text, signature included) with its validity window, so a
 * trader's next requests skip the base64, JSON parse and HMAC of a full verification; the window is
 * checked against the clock on every request.
 */
public final class TokenIssuer implements TokenVerifier {

  static final String BRANCHES = "branches";
  static final String ALL_BRANCHES = "allBranches";

  /** A token and when it stops being accepted. */
  public record Token(String token, Instant expiresAt) {}

  private final Algorithm algorithm;
  private final String issuer;
  private final Duration ttl;
  private final Clock clock;
  private final JWTVerifier verifier;
  // Bounded: at most this many distinct tokens are remembered; an evicted one is verified again.
  private final Cache<String, Verified> verified =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(10)).build();

  /** A verified token's trader and the window [issuedAt, expiresAt) in which it stays valid. */
  private record Verified(Trader trader, Instant issuedAt, Instant expiresAt) {}

  public TokenIssuer(byte[] secret, String issuer, Duration ttl, Clock clock) {
    this.algorithm = Algorithm.HMAC256(secret);
    this.issuer = issuer;
    this.ttl = ttl;
    this.clock = clock;
    this.verifier =
        ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(issuer)).build(clock);
  }

  /** A token for {@code trader}, valid for the configured lifetime. */
  public Token issue(Trader trader) {
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    String token =
        JWT.create()
            .withIssuer(issuer)
            .withSubject(trader.username())
            .withIssuedAt(now)
            .withExpiresAt(expires)
            .withClaim(BRANCHES, trader.branches().stream().sorted().toList())
            .withClaim(ALL_BRANCHES, trader.allBranches())
            .sign(algorithm);
    // JWT times have second precision: report what the token says.
    return new Token(token, Instant.ofEpochSecond(expires.getEpochSecond()));
  }

  @Override
  public Optional<Trader> verify(String token) {
    Verified known = verified.getIfPresent(token);
    if (known != null) {
      Instant now = clock.instant();
      // Inside the window the full verification would accept it too (signature and issuer do not
      // change with time); outside it, the full verification decides.
      if (!now.isBefore(known.issuedAt()) && now.isBefore(known.expiresAt())) {
        return Optional.of(known.trader());
      }
      verified.invalidate(token);
    }
    try {
      DecodedJWT jwt = verifier.verify(token);
      List<Integer> branches = jwt.getClaim(BRANCHES).asList(Integer.class);
      Boolean all = jwt.getClaim(ALL_BRANCHES).asBoolean();
      if (jwt.getSubject() == null || branches == null) {
        return Optional.empty();
      }
      Trader trader =
          new Trader(jwt.getSubject(), new HashSet<>(branches), Boolean.TRUE.equals(all));
      // Only tokens with both times are remembered; without them every request verifies in full.
      if (jwt.getIssuedAtAsInstant() != null && jwt.getExpiresAtAsInstant() != null) {
        verified.put(
            token,
            new Verified(trader, jwt.getIssuedAtAsInstant(), jwt.getExpiresAtAsInstant()));
      }
      return Optional.of(trader);
    } catch (JWTVerificationException e) {
      return Optional.empty();
    }
  }
}
