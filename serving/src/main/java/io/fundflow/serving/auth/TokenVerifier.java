package io.fundflow.serving.auth;

import java.util.Optional;

/**
 * Turns a bearer token into the trader it names. The embedded default is {@link TokenIssuer}
 * (HMAC-signed JWTs from {@code /api/v1/login}); production can plug in a verifier of its identity
 * provider's JWTs instead (see {@code docs/serving.md}).
 */
public interface TokenVerifier {

  /** The trader, or empty when the token is not valid (bad signature, expired, wrong issuer). */
  Optional<Trader> verify(String token);
}
