package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dativo.core.testing.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;

/** infra validate and apply-tags against real AWS APIs served by moto_server on loopback. */
class AwsInfraIT {
  private static final String ACCOUNT = "123456789012";

  @TempDir static Path dir;
  static MotoServer moto;
  static S3Client s3;
  static IamClient iam;
  static GlueClient glue;

  @BeforeAll
  static void createForeignTaggedResources() {
    moto = MotoServer.start();
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    s3 =
        S3Client.builder()
            .endpointOverride(URI.create(moto.endpoint()))
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    iam =
        IamClient.builder()
            .endpointOverride(URI.create(moto.endpoint()))
            .region(Region.AWS_GLOBAL)
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    glue =
        GlueClient.builder()
            .endpointOverride(URI.create(moto.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @AfterAll
  static void stop() {
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void taggingKeepsForeignTagsAndASecondRunWritesNothing() throws IOException {
    String suffix = "t1";
    createResources(suffix);
    Path job = job(suffix, "us-east-1", ACCOUNT);

    JsonNode first =
        json(
            CliRun.of(
                env(moto.endpoint(), "1764084600"),
                "infra",
                "apply-tags",
                "--config",
                job.toString(),
                "--format",
                "json"));

    assertThat(first.get("summary").get("update").asInt()).isEqualTo(3);
    assertThat(first.get("summary").get("failed").asInt()).isZero();
    JsonNode bucket = first.get("resources").get(0);
    assertThat(bucket.get("resource_type").asText()).isEqualTo("s3_bucket");
    assertThat(bucket.get("added").get("TenantId").asText()).isEqualTo("acme");
    assertThat(bucket.get("changed").get("CostCenter").get(0).asText()).isEqualTo("OLD-1");
    assertThat(bucket.get("changed").get("CostCenter").get(1).asText()).isEqualTo("DATA-001");
    Map<String, String> bucketTags = bucketTags("acme-dativo-lake-" + suffix);
    assertThat(bucketTags)
        .containsEntry("team", "platform")
        .containsEntry("CostCenter", "DATA-001")
        .containsEntry("ManagedBy", "dativo")
        .containsKey("LastModified");
    assertThat(iam.listRoleTags(r -> r.roleName("acme-dativo-etl-role-" + suffix)).tags())
        .anySatisfy(t -> assertThat(t.key()).isEqualTo("owner-team"));
    assertThat(
            glue.getTags(
                    r ->
                        r.resourceArn(
                            "arn:aws:glue:us-east-1:"
                                + ACCOUNT
                                + ":database/acme_iceberg_"
                                + suffix))
                .tags())
        .containsEntry("TenantId", "acme");

    // A later run (another LastModified) finds nothing to change and writes nothing.
    JsonNode second =
        json(
            CliRun.of(
                env(moto.endpoint(), "1764999999"),
                "infra",
                "apply-tags",
                "--config",
                job.toString(),
                "--format",
                "json"));

    assertThat(second.get("summary").get("unchanged").asInt()).isEqualTo(3);
    assertThat(second.get("summary").get("update").asInt()).isZero();
    assertThat(bucketTags("acme-dativo-lake-" + suffix).get("LastModified"))
        .isEqualTo(bucketTags.get("LastModified"));
  }

  @Test
  void dryRunPlansWithoutWriting() throws IOException {
    createResources("t2");
    Path job = job("t2", "us-east-1", ACCOUNT);

    JsonNode plan =
        json(
            CliRun.of(
                env(moto.endpoint(), "1764084600"),
                "infra",
                "apply-tags",
                "--config",
                job.toString(),
                "--format",
                "json",
                "--dry-run"));

    assertThat(plan.get("dry_run").asBoolean()).isTrue();
    assertThat(plan.get("summary").get("update").asInt()).isEqualTo(3);
    assertThat(bucketTags("acme-dativo-lake-t2")).doesNotContainKey("TenantId");
  }

  @Test
  void validationFindsMissingAndMismatchedResources() throws IOException {
    createResources("t3");
    s3.createBucket(
        b ->
            b.bucket("acme-dativo-west-t3")
                .createBucketConfiguration(c -> c.locationConstraint("us-west-2")));
    Path job =
        write(
            "validate.yaml",
            """
            tenant_id: acme
            environment: prod
            source_connector: postgres
            target_connector: iceberg
            asset: orders
            infrastructure:
              provider:
                provider: aws
                region: us-east-1
                account_id: "999999999999"
                resources:
                  - {resource_type: s3_bucket, resource_id: "arn:aws:s3:::acme-dativo-lake-t3"}
                  - {resource_type: s3_bucket, resource_id: "arn:aws:s3:::acme-dativo-nope-t3"}
                  - {resource_type: s3_bucket, resource_id: "arn:aws:s3:::acme-dativo-west-t3"}
                  - {resource_type: s3_bucket, resource_id: "arn:aws:s3:::globex-dativo-lake-t3"}
                  - {resource_type: iam_role, resource_id: "arn:aws:iam::123456789012:role/acme-dativo-etl-role-t3"}
                  - {resource_type: glue_catalog, resource_id: "acme_iceberg_missing"}
            """);

    CliRun run =
        CliRun.of(
            env(moto.endpoint(), "1764084600"),
            "infra",
            "validate",
            "--config",
            job.toString(),
            "--format",
            "json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.VALIDATION_FAILED);
    Map<String, String> status =
        iterate(json(run).get("resources")).stream()
            .collect(
                Collectors.toMap(
                    r -> r.get("resource_id").asText(),
                    r -> r.get("status").asText(),
                    (a, b) -> a,
                    java.util.LinkedHashMap::new));
    assertThat(status)
        .containsEntry("999999999999", "mismatch")
        .containsEntry("arn:aws:s3:::acme-dativo-lake-t3", "ok")
        .containsEntry("arn:aws:s3:::acme-dativo-nope-t3", "missing")
        .containsEntry("arn:aws:s3:::acme-dativo-west-t3", "mismatch")
        .containsEntry("arn:aws:s3:::globex-dativo-lake-t3", "mismatch")
        .containsEntry("arn:aws:iam::123456789012:role/acme-dativo-etl-role-t3", "ok")
        .containsEntry("acme_iceberg_missing", "missing");
  }

  @Test
  void offlineValidationNeedsNoCredentials() throws IOException {
    CliRun run =
        CliRun.of(
            Map.of(),
            "infra",
            "validate",
            "--offline",
            "--config",
            job("t4", "us-east-1", ACCOUNT).toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("configuration valid (offline");
  }

  @Test
  void thirtyPercentInjectedThrottlingStillTagsEveryResource() throws IOException {
    createResources("t5");
    Path job = job("t5", "us-east-1", ACCOUNT);
    try (FaultInjectingProxy proxy = new FaultInjectingProxy(moto.endpoint(), 0.30)) {
      JsonNode result =
          json(
              CliRun.of(
                  env(proxy.endpoint(), "1764084600"),
                  "infra",
                  "apply-tags",
                  "--config",
                  job.toString(),
                  "--format",
                  "json"));

      assertThat(result.get("summary").get("failed").asInt()).as(result.toString()).isZero();
      assertThat(result.get("summary").get("update").asInt()).isEqualTo(3);
      assertThat(proxy.faults()).isPositive();
    }

    assertThat(bucketTags("acme-dativo-lake-t5"))
        .containsEntry("TenantId", "acme")
        .containsEntry("team", "platform");
  }

  @Test
  void manyResourcesNeedingTheSameTagsAreBatchedThroughTheTaggingApi() throws IOException {
    int count = 25;
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    StringBuilder resources = new StringBuilder();
    try (RdsClient rds =
        RdsClient.builder()
            .endpointOverride(URI.create(moto.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      for (int i = 0; i < count; i++) {
        String db = "acme-dativo-db-" + i;
        rds.createDBInstance(
            r ->
                r.dbInstanceIdentifier(db)
                    .engine("postgres")
                    .dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20)
                    .masterUsername("dativo")
                    .masterUserPassword("not-a-secret-1")
                    .tags(
                        software.amazon.awssdk.services.rds.model.Tag.builder()
                            .key("dba-team")
                            .value("core")
                            .build()));
        String bucket = "acme-dativo-batch-" + i;
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketTagging(
            r ->
                r.bucket(bucket)
                    .tagging(t -> t.tagSet(Tag.builder().key("team").value("platform").build())));
        resources
            .append("      - {resource_type: rds_instance, resource_id: ")
            .append(db)
            .append("}\n      - {resource_type: s3_bucket, resource_id: ")
            .append(bucket)
            .append("}\n");
      }

      Path job =
          write(
              "job-batch.yaml",
              """
              tenant_id: acme
              environment: prod
              source_connector: postgres
              target_connector: iceberg
              asset: orders
              finops: {cost_center: DATA-001}
              infrastructure:
                provider:
                  provider: aws
                  region: us-east-1
                  resources:
              """
                  + resources);

      JsonNode first =
          json(
              CliRun.of(
                  env(moto.endpoint(), "1764084600"),
                  "infra",
                  "apply-tags",
                  "--config",
                  job.toString(),
                  "--format",
                  "json"));

      assertThat(first.get("summary").get("update").asInt()).isEqualTo(2 * count);
      assertThat(first.get("summary").get("failed").asInt()).isZero();
      for (int i = 0; i < count; i++) {
        String arn = "arn:aws:rds:us-east-1:" + ACCOUNT + ":db:acme-dativo-db-" + i;
        Map<String, String> tags =
            rds.listTagsForResource(r -> r.resourceName(arn)).tagList().stream()
                .collect(
                    Collectors.toMap(
                        software.amazon.awssdk.services.rds.model.Tag::key,
                        software.amazon.awssdk.services.rds.model.Tag::value));
        assertThat(tags)
            .containsEntry("dba-team", "core")
            .containsEntry("TenantId", "acme")
            .containsEntry("CostCenter", "DATA-001");
        assertThat(bucketTags("acme-dativo-batch-" + i))
            .containsEntry("team", "platform")
            .containsEntry("TenantId", "acme");
      }
      // Reads are one call per resource (50) plus STS. The 25 databases took 2 TagResources calls
      // (20 + 5); moto's Tagging API does not tag S3, so the buckets fell back to
      // PutBucketTagging (25) after at most 2 refused batch calls. One call per write would be
      // 50.
      long calls = first.get("summary").get("api_calls").asLong();
      assertThat(calls).isLessThanOrEqualTo(2L * count + 1 + 2 + 2 + count);

      JsonNode second =
          json(
              CliRun.of(
                  env(moto.endpoint(), "1764999999"),
                  "infra",
                  "apply-tags",
                  "--config",
                  job.toString(),
                  "--format",
                  "json"));
      assertThat(second.get("summary").get("unchanged").asInt()).isEqualTo(2 * count);
      assertThat(second.get("summary").get("api_calls").asLong())
          .isLessThanOrEqualTo(2L * count + 1);
    }
  }

  @Test
  void aDatabaseInAnotherRegionIsAMismatchNotMissing() throws IOException {
    Path job =
        write(
            "job-rds-region.yaml",
            """
            tenant_id: acme
            environment: prod
            source_connector: postgres
            target_connector: iceberg
            asset: orders
            infrastructure:
              provider:
                provider: aws
                region: us-east-1
                resources:
                  - {resource_type: rds_instance, resource_id: "arn:aws:rds:eu-west-1:123456789012:db:acme-orders"}
            """);

    CliRun run =
        CliRun.of(
            env(moto.endpoint(), "1764084600"),
            "infra",
            "validate",
            "--config",
            job.toString(),
            "--format",
            "json");

    JsonNode database = json(run).get("resources").get(1);
    assertThat(database.get("status").asText()).isEqualTo("mismatch");
    assertThat(database.get("reason").asText()).contains("names region eu-west-1");
  }

  private static void createResources(String suffix) {
    s3.createBucket(b -> b.bucket("acme-dativo-lake-" + suffix));
    s3.putBucketTagging(
        r ->
            r.bucket("acme-dativo-lake-" + suffix)
                .tagging(
                    t ->
                        t.tagSet(
                            Tag.builder().key("team").value("platform").build(),
                            Tag.builder().key("CostCenter").value("OLD-1").build())));
    iam.createRole(
        r ->
            r.roleName("acme-dativo-etl-role-" + suffix)
                .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}")
                .tags(
                    software.amazon.awssdk.services.iam.model.Tag.builder()
                        .key("owner-team")
                        .value("infra")
                        .build()));
    glue.createDatabase(r -> r.databaseInput(d -> d.name("acme_iceberg_" + suffix)));
  }

  private static Path job(String suffix, String region, String account) throws IOException {
    return write(
        "job-" + suffix + ".yaml",
        """
        tenant_id: acme
        environment: prod
        source_connector: postgres
        target_connector: iceberg
        asset: orders
        finops: {cost_center: DATA-001}
        infrastructure:
          provider:
            provider: aws
            region: %s
            account_id: "%s"
            resources:
              - {resource_type: s3_bucket, resource_id: "arn:aws:s3:::acme-dativo-lake-%s"}
              - {resource_type: iam_role, resource_id: "arn:aws:iam::123456789012:role/acme-dativo-etl-role-%s"}
              - {resource_type: glue_catalog, resource_id: "acme_iceberg_%s"}
        """
            .formatted(region, account, suffix, suffix, suffix));
  }

  private static Map<String, String> bucketTags(String bucket) {
    return s3.getBucketTagging(r -> r.bucket(bucket)).tagSet().stream()
        .collect(Collectors.toMap(Tag::key, Tag::value));
  }

  private static Map<String, String> env(String endpoint, String epoch) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_ENDPOINT_URL", endpoint);
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_REGION", "us-east-1");
    env.put("SOURCE_DATE_EPOCH", epoch);
    return env;
  }

  private static Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static JsonNode json(CliRun run) throws IOException {
    assertThat(run.out()).as(run.err()).startsWith("{");
    return new ObjectMapper().readTree(run.out());
  }

  private static List<JsonNode> iterate(JsonNode array) {
    List<JsonNode> nodes = new java.util.ArrayList<>();
    array.forEach(nodes::add);
    return nodes;
  }
}
