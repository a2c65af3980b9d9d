package io.dativo.ingest.catalog;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Credentials from the environment Dativo was given, for Iceberg's AWS clients (which otherwise
 * read the process environment themselves). Iceberg creates it through {@code
 * client.credentials-provider} and passes the {@code client.credentials-provider.*} properties.
 */
public final class StaticAwsCredentials implements AwsCredentialsProvider {
  private final AwsCredentials credentials;

  private StaticAwsCredentials(AwsCredentials credentials) {
    this.credentials = credentials;
  }

  public static StaticAwsCredentials create(Map<String, String> properties) {
    String key = properties.get("access-key-id");
    String secret = properties.get("secret-access-key");
    String token = properties.get("session-token");
    return new StaticAwsCredentials(
        token == null
            ? AwsBasicCredentials.create(key, secret)
            : AwsSessionCredentials.create(key, secret, token));
  }

  @Override
  public AwsCredentials resolveCredentials() {
    return credentials;
  }
}
