package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.testing.MotoServer;
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
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * dativo run into Iceberg's Glue catalog with data in S3, both served by moto_server: the table's
 * properties land in the Glue table's parameters.
 */
class GlueCatalogIT {
  private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

  @TempDir static Path dir;
  static MotoServer moto;
  static Map<String, String> env;

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    try (S3Client s3 =
        S3Client.builder()
            .endpointOverride(URI.create(moto.endpoint()))
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      s3.createBucket(b -> b.bucket("acme-dativo-lake-glue"));
    }

    env = new HashMap<>();
    env.put("AWS_ENDPOINT_URL", moto.endpoint());
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_REGION", "us-east-1");
    env.put("SOURCE_DATE_EPOCH", "1764084600");
  }

  @AfterAll
  static void stop() {
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void tablePropertiesLandInTheGlueTableParameters() throws IOException {
    Path job = dir.resolve("glue_orders.yaml");
    Files.writeString(
        job,
        """
        tenant_id: acme
        environment: prod
        source_connector: csv
        target_connector: iceberg
        asset: csv_orders
        asset_path: %s
        source: {files: ["%s"]}
        target:
          warehouse: s3://acme-dativo-lake-glue/warehouse
          catalog: {type: glue, glue_database: acme_iceberg_prod}
        infrastructure:
          provider: {provider: aws, region: us-east-1}
          tags: {cost_center: DATA-001}
        """
            .formatted(
                EXAMPLES.resolve("assets/csv/v1.0/orders.yaml"),
                EXAMPLES.resolve("data/orders.csv")));

    CliRun run = CliRun.in(dir, env, "run", "--config", job.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("done: acme_iceberg_prod.csv_orders").contains("3,000 written");
    try (GlueClient glue =
        GlueClient.builder()
            .endpointOverride(URI.create(moto.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      Map<String, String> parameters =
          glue.getTable(r -> r.databaseName("acme_iceberg_prod").name("csv_orders"))
              .table()
              .parameters();
      assertThat(parameters)
          .containsEntry("table_type", "ICEBERG")
          .containsKey("metadata_location")
          .containsEntry("governance.owner", "sales-data@acme.com")
          .containsEntry("finops.cost_center", "SALES-042")
          .containsEntry("infrastructure.cost_center", "DATA-001");
    }

    CliRun again = CliRun.in(dir, env, "run", "--config", job.toString());
    assertThat(again.out()).contains("0 read");
  }
}
