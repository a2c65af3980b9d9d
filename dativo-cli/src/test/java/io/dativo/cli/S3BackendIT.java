package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dativo.core.terraform.TerraformCli;
import io.dativo.core.testing.MotoServer;
import io.dativo.core.testing.TerraformTestSupport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real Terraform writes its state to an S3 backend served by moto_server on loopback; Dativo
 * reads it back with the AWS SDK, without Terraform.
 */
class S3BackendIT {
  private static final String BUCKET = "tf-state";
  private static final String KEY = "dativo/acme/terraform.tfstate";

  @TempDir static Path dir;
  static MotoServer moto;
  static Path job;

  @BeforeAll
  static void applyWithAnS3Backend() throws IOException {
    TerraformCli terraform = TerraformTestSupport.terraform();
    moto = MotoServer.start();
    try (S3Client s3 =
        S3Client.builder()
            .endpointOverride(URI.create(moto.endpoint()))
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      s3.createBucket(b -> b.bucket(BUCKET));
    }

    Path module =
        TerraformTestSupport.copyModule(
            Path.of("src/test/resources/terraform/s3-backend-module"), dir.resolve("module"));
    Files.writeString(
        module.resolve("backend.hcl"),
        """
        bucket                      = "%s"
        key                         = "%s"
        region                      = "us-east-1"
        endpoints                   = { s3 = "%s" }
        use_path_style              = true
        access_key                  = "test"
        secret_key                  = "test"
        skip_credentials_validation = true
        skip_requesting_account_id  = true
        skip_metadata_api_check     = true
        skip_region_validation      = true
        """
            .formatted(BUCKET, KEY, moto.endpoint()));
    TerraformTestSupport.run(
        terraform, module, "init", "-input=false", "-no-color", "-backend-config=backend.hcl");
    TerraformTestSupport.run(terraform, module, "workspace", "new", "acme-prod");
    TerraformTestSupport.run(
        terraform, module, "apply", "-auto-approve", "-input=false", "-no-color");
    job = dir.resolve("job.yaml");
    Files.writeString(
        job,
        """
        tenant_id: acme
        environment: prod
        source_connector: postgres
        target_connector: iceberg
        asset: orders
        infrastructure:
          provider: {provider: aws, region: us-east-1}
          terraform:
            workspace: acme-prod
            backend:
              type: s3
              bucket: %s
              key: %s
              region: us-east-1
              endpoints: {s3: "%s"}
              use_path_style: true
            outputs:
              s3_bucket_name: target.connection.s3.bucket
              db_password: source.connection.password
        """
            .formatted(BUCKET, KEY, moto.endpoint()));
  }

  @AfterAll
  static void stop() {
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void readsAWorkspaceStateFromS3WithTheSdk() throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", dir.toString()); // no terraform: only the SDK can read the state
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");

    CliRun run = CliRun.of(env, "infra", "outputs", "--config", job.toString(), "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode outputs = new ObjectMapper().readTree(run.out());
    assertThat(outputs.get("target.connection.s3.bucket").asText())
        .isEqualTo("acme-dativo-data-lake-acme-prod");
    assertThat(outputs.get("source.connection.password").asText()).isEqualTo("(sensitive)");
    assertThat(run.out() + run.err()).doesNotContain("s3cret");
  }

  @Test
  void aWorkspaceWithoutStateIsReportedWithWhereItLooked() throws IOException {
    Path other = dir.resolve("other.yaml");
    Files.writeString(
        other, Files.readString(job).replace("workspace: acme-prod", "workspace: acme-dev"));
    Map<String, String> env =
        Map.of(
            "PATH", dir.toString(), "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test");

    CliRun run = CliRun.of(env, "infra", "outputs", "--config", other.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
    assertThat(run.err())
        .contains("no state found for workspace acme-dev")
        .contains("s3://tf-state/env:/acme-dev/dativo/acme/terraform.tfstate");
  }
}
