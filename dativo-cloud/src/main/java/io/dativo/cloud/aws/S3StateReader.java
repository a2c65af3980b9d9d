package io.dativo.cloud.aws;

import io.dativo.core.config.infra.BackendSpec;
import io.dativo.core.terraform.BackendPaths;
import io.dativo.core.terraform.RemoteStateReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reads Terraform state from an {@code s3} backend with the AWS SDK, using the backend's own
 * settings as Terraform does: {@code bucket}, {@code key}, {@code region}, {@code
 * workspace_key_prefix}, {@code endpoints.s3} (or the older {@code endpoint}), {@code
 * use_path_style}, {@code profile}, {@code access_key}/{@code secret_key}; otherwise the standard
 * credential chain and {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL}.
 */
public final class S3StateReader implements RemoteStateReader {

  @Override
  public String backendType() {
    return "s3";
  }

  @Override
  public String location(BackendSpec backend, String workspace) {
    return "s3://"
        + backend.setting("bucket").orElse("?")
        + "/"
        + BackendPaths.s3Key(backend, workspace);
  }

  @Override
  public InputStream open(BackendSpec backend, String workspace, Map<String, String> env)
      throws IOException {
    S3Client client = client(backend, env);
    GetObjectRequest request =
        GetObjectRequest.builder()
            .bucket(backend.setting("bucket").orElseThrow())
            .key(BackendPaths.s3Key(backend, workspace))
            .build();
    try {
      return new ClosingStream(client.getObject(request), client);
    } catch (NoSuchKeyException | NoSuchBucketException e) {
      client.close();
      throw new FileNotFoundException(location(backend, workspace));
    } catch (SdkException e) {
      client.close();
      throw new IOException(e.getMessage(), e);
    }
  }

  static S3Client client(BackendSpec backend, Map<String, String> env) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(credentials(backend, env));
    Optional<String> region =
        backend
            .setting("region")
            .or(() -> Optional.ofNullable(env.get("AWS_REGION")))
            .or(() -> Optional.ofNullable(env.get("AWS_DEFAULT_REGION")));
    builder.region(Region.of(region.orElse("us-east-1")));
    endpoint(backend, env).ifPresent(e -> builder.endpointOverride(URI.create(e)));
    boolean pathStyle =
        backend
            .setting("use_path_style")
            .or(() -> backend.setting("force_path_style"))
            .map(Boolean::parseBoolean)
            .orElse(false);
    builder.forcePathStyle(pathStyle);
    return builder.build();
  }

  private static Optional<String> endpoint(BackendSpec backend, Map<String, String> env) {
    Object endpoints = backend.settings().get("endpoints");
    if (endpoints instanceof Map<?, ?> map && map.get("s3") != null) {
      return Optional.of(String.valueOf(map.get("s3")));
    }

    return backend
        .setting("endpoint")
        .or(() -> Optional.ofNullable(env.get("AWS_ENDPOINT_URL_S3")))
        .or(() -> Optional.ofNullable(env.get("AWS_ENDPOINT_URL")));
  }

  private static AwsCredentialsProvider credentials(BackendSpec backend, Map<String, String> env) {
    Optional<String> accessKey =
        backend.setting("access_key").or(() -> Optional.ofNullable(env.get("AWS_ACCESS_KEY_ID")));
    Optional<String> secretKey =
        backend
            .setting("secret_key")
            .or(() -> Optional.ofNullable(env.get("AWS_SECRET_ACCESS_KEY")));
    if (accessKey.isPresent() && secretKey.isPresent()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
    }

    Optional<String> profile =
        backend.setting("profile").or(() -> Optional.ofNullable(env.get("AWS_PROFILE")));
    if (profile.isPresent()) {
      return ProfileCredentialsProvider.create(profile.get());
    }

    return DefaultCredentialsProvider.builder().build();
  }

  /** Closes the client with the stream. */
  private static final class ClosingStream extends java.io.FilterInputStream {
    private final S3Client client;

    ClosingStream(InputStream in, S3Client client) {
      super(in);
      this.client = client;
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        client.close();
      }
    }
  }
}
