package io.dativo.cloud.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS SDK clients of one job: the standard credential chain (or keys in the environment), the
 * job's region, the standard endpoint settings ({@code AWS_ENDPOINT_URL}, {@code
 * AWS_ENDPOINT_URL_<SERVICE>}) read from the environment Dativo was given, and retries with
 * exponential backoff and jitter on throttling and 5xx, bounded in attempts and time.
 */
public final class AwsClients implements AutoCloseable {
  static final int MAX_ATTEMPTS = 8;
  static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(120);

  private final Map<String, String> env;
  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final java.util.concurrent.atomic.AtomicLong calls =
      new java.util.concurrent.atomic.AtomicLong();
  private S3Client s3;
  private IamClient iam;
  private GlueClient glue;
  private StsClient sts;
  private EmrClient emr;
  private Ec2Client ec2;
  private RdsClient rds;
  private ResourceGroupsTaggingApiClient tagging;
  private software.amazon.awssdk.services.cloudwatch.CloudWatchClient cloudWatch;

  public AwsClients(Map<String, String> env, Optional<String> region) {
    this.env = Map.copyOf(env);
    this.region =
        Region.of(
            region
                .or(() -> Optional.ofNullable(env.get("AWS_REGION")))
                .or(() -> Optional.ofNullable(env.get("AWS_DEFAULT_REGION")))
                .orElse("us-east-1"));
    this.credentials = credentials(env);
  }

  /**
   * Fails once, clearly, when the credential chain finds nothing (instead of every resource failing
   * with the SDK's account of each provider it tried).
   */
  public void requireCredentials() {
    try {
      credentials.resolveCredentials();
    } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
      String profile = env.get("AWS_PROFILE");
      throw new io.dativo.core.cloud.CloudCredentialsMissing(
          profile != null
              ? "The AWS profile '" + profile + "' gave no credentials: " + firstLine(e)
              : "No AWS credentials found (environment, profile, SSO, container or instance role)",
          profile != null
              ? "check the profile in ~/.aws/config, or run 'aws sso login --profile "
                  + profile
                  + "'"
              : "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run 'aws sso login'");
    }
  }

  /** The start of an SDK message about a provider chain: the reason, not the whole chain. */
  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }

  /** HTTP requests sent so far, each retry counted. */
  public long apiCalls() {
    return calls.get();
  }

  /** Counts every attempt (so retries show in the count). */
  private record CallCounter(java.util.concurrent.atomic.AtomicLong calls)
      implements software.amazon.awssdk.core.interceptor.ExecutionInterceptor {
    @Override
    public void beforeTransmission(
        software.amazon.awssdk.core.interceptor.Context.BeforeTransmission context,
        software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
      calls.incrementAndGet();
    }
  }

  public Region region() {
    return region;
  }

  public synchronized S3Client s3() {
    if (s3 == null) {
      s3 = configure(S3Client.builder(), "S3").forcePathStyle(endpoint("S3").isPresent()).build();
    }

    return s3;
  }

  public synchronized IamClient iam() {
    if (iam == null) {
      iam = configure(IamClient.builder(), "IAM").region(Region.AWS_GLOBAL).build();
    }

    return iam;
  }

  public synchronized GlueClient glue() {
    if (glue == null) {
      glue = configure(GlueClient.builder(), "GLUE").build();
    }

    return glue;
  }

  public synchronized StsClient sts() {
    if (sts == null) {
      sts = configure(StsClient.builder(), "STS").build();
    }

    return sts;
  }

  public synchronized EmrClient emr() {
    if (emr == null) {
      emr = configure(EmrClient.builder(), "EMR").build();
    }

    return emr;
  }

  public synchronized software.amazon.awssdk.services.cloudwatch.CloudWatchClient cloudWatch() {
    if (cloudWatch == null) {
      cloudWatch =
          configure(
                  software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder(),
                  "CLOUDWATCH")
              .build();
    }

    return cloudWatch;
  }

  public synchronized Ec2Client ec2() {
    if (ec2 == null) {
      ec2 = configure(Ec2Client.builder(), "EC2").build();
    }

    return ec2;
  }

  public synchronized RdsClient rds() {
    if (rds == null) {
      rds = configure(RdsClient.builder(), "RDS").build();
    }

    return rds;
  }

  /** The Resource Groups Tagging API (tags many resources of many services in one call). */
  public synchronized ResourceGroupsTaggingApiClient tagging() {
    if (tagging == null) {
      tagging =
          configure(ResourceGroupsTaggingApiClient.builder(), "RESOURCE_GROUPS_TAGGING_API")
              .build();
    }

    return tagging;
  }

  private <
          B extends
              AwsClientBuilder<B, C>
                  & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>,
          C>
      B configure(B builder, String service) {
    builder
        .region(region)
        .credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(
                    AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(MAX_ATTEMPTS)
                        .build())
                .apiCallTimeout(API_CALL_TIMEOUT)
                .addExecutionInterceptor(new CallCounter(calls))
                .build());
    endpoint(service).ifPresent(e -> builder.endpointOverride(URI.create(e)));
    return builder;
  }

  /** {@code AWS_ENDPOINT_URL_<SERVICE>}, else {@code AWS_ENDPOINT_URL}. */
  Optional<String> endpoint(String service) {
    return Optional.ofNullable(env.get("AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT)))
        .or(() -> Optional.ofNullable(env.get("AWS_ENDPOINT_URL")));
  }

  private static AwsCredentialsProvider credentials(Map<String, String> env) {
    String key = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (key != null && secret != null) {
      String token = env.get("AWS_SESSION_TOKEN");
      return StaticCredentialsProvider.create(
          token == null
              ? AwsBasicCredentials.create(key, secret)
              : AwsSessionCredentials.create(key, secret, token));
    }

    return DefaultCredentialsProvider.builder().build();
  }

  @Override
  public void close() {
    for (AutoCloseable client :
        new AutoCloseable[] {s3, iam, glue, sts, emr, ec2, rds, tagging, cloudWatch}) {
      if (client != null) {
        try {
          client.close();
        } catch (Exception e) {
          // closing idle HTTP connections
        }
      }
    }
  }
}
