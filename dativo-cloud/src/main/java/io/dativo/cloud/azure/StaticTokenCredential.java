package io.dativo.cloud.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * A bearer token obtained outside Dativo ({@code AZURE_ACCESS_TOKEN}, e.g. from {@code az account
 * get-access-token}), handed to the SDK as a credential. Its real expiry is unknown, so it is
 * reported as valid for a while and simply handed out again; an expired token shows up as 401s.
 * Deliberately a class, not a record: a record's toString would print the token.
 */
final class StaticTokenCredential implements TokenCredential {
  private static final Duration ASSUMED_LIFETIME = Duration.ofHours(1);

  private final String token;

  StaticTokenCredential(String token) {
    this.token = token;
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    return Mono.fromSupplier(this::current);
  }

  @Override
  public AccessToken getTokenSync(TokenRequestContext request) {
    return current();
  }

  private AccessToken current() {
    return new AccessToken(
        token, OffsetDateTime.now(java.time.ZoneOffset.UTC).plus(ASSUMED_LIFETIME));
  }

  @Override
  public String toString() {
    return "StaticTokenCredential[AZURE_ACCESS_TOKEN]";
  }
}
