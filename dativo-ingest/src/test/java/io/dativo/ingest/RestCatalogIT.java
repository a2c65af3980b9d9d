package io.dativo.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dativo.core.testing.MotoServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.Table;
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
 * The {@code rest} catalog against a real Iceberg REST server (Nessie's, which vends S3 settings
 * and signs S3 requests) with the warehouse in S3 (moto_server): data, tags and later tag changes.
 */
class RestCatalogIT {
  private static final String BUCKET = "acme-lake";

  static MotoServer moto;
  static NessieServer nessie;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
    try (S3Client s3 = s3()) {
      s3.createBucket(b -> b.bucket(BUCKET));
    }

    nessie =
        NessieServer.start(
            Map.of(
                "nessie.catalog.default-warehouse", "lake",
                "nessie.catalog.warehouses.lake.location", "s3://" + BUCKET + "/warehouse",
                "nessie.catalog.service.s3.default-options.endpoint", moto.endpoint() + "/",
                "nessie.catalog.service.s3.default-options.path-style-access", "true",
                "nessie.catalog.service.s3.default-options.region", "us-east-1",
                "nessie.catalog.service.s3.default-options.access-key",
                    "urn:nessie-secret:quarkus:moto-key",
                "moto-key.name", "test",
                "moto-key.secret", "test"));
  }

  @AfterAll
  static void stop() {
    if (nessie != null) {
      nessie.close();
    }

    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void aRunCreatesTheTableWithItsTagsAndDataInTheWarehouse() {
    IngestFixture fixture = restJob("DATA-001");
    fixture.csv("a.csv", IngestFixture.rows(1, 200));

    RunResult first = fixture.run();
    RunResult again = fixture.run();

    assertThat(first.rowsWritten()).isEqualTo(200);
    assertThat(again.rowsRead()).isZero();
    Table table = fixture.table();
    assertThat(table.location()).startsWith("s3://" + BUCKET + "/warehouse");
    assertThat(table.properties())
        .containsEntry("governance.owner", "sales@acme.com")
        .containsEntry("infrastructure.cost_center", "DATA-001")
        .containsKey("dativo.managed-keys");
    assertThat(table.currentSnapshot().snapshotId()).isEqualTo(first.snapshotId().orElseThrow());
    IngestFixture.assertRowCount(fixture, 200);
    try (S3Client s3 = s3()) {
      assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("warehouse/")).contents())
          .anySatisfy(o -> assertThat(o.key()).endsWith(".parquet"))
          .anySatisfy(o -> assertThat(o.key()).endsWith(".metadata.json"));
    }
  }

  @Test
  void aChangedTagIsUpdatedAndOthersPropertiesAreKept() {
    IngestFixture fixture = restJob("DATA-001");
    fixture.renameTable("orders_retagged");
    fixture.csv("a.csv", IngestFixture.rows(1, 5));
    fixture.run();
    fixture.table().updateProperties().set("owner.team.pager", "on-call-7").commit();

    fixture.write("job.yaml", fixture.read("job.yaml").replace("DATA-001", "DATA-002"));
    fixture.csv("b.csv", IngestFixture.rows(6, 10));
    RunResult second = fixture.run();

    assertThat(second.rowsWritten()).isEqualTo(5);
    assertThat(fixture.table().properties())
        .containsEntry("infrastructure.cost_center", "DATA-002")
        .containsEntry("owner.team.pager", "on-call-7");
    IngestFixture.assertRowCount(fixture, 10);
  }

  @Test
  void anIcebergBranchIsRefusedOnNessiesRestCatalogBeforeAnythingIsWritten() {
    IngestFixture fixture = restJob("DATA-001");
    fixture.renameTable("orders_wap");
    String onMain = fixture.read("job.yaml");
    fixture.csv("a.csv", IngestFixture.rows(1, 4));
    fixture.run();
    long mainBefore = fixture.table().currentSnapshot().snapshotId();
    // Nessie's server applies a branch's snapshot to main: the run must not get that far
    fixture.write("job.yaml", IngestFixture.withTargetBranch(onMain, "audit"));
    fixture.csv("b.csv", IngestFixture.rows(5, 7));

    assertThatThrownBy(fixture::run)
        .isInstanceOfSatisfying(
            IngestException.class, e -> assertThat(e.kind()).isEqualTo(IngestException.Kind.CONFIG))
        .hasMessageContaining("does not keep Iceberg branches");

    assertThat(fixture.table().currentSnapshot().snapshotId()).isEqualTo(mainBefore);
    IngestFixture.assertRowCount(fixture, 4);
  }

  private IngestFixture restJob(String costCenter) {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.env =
        Map.of(
            "AWS_ACCESS_KEY_ID", "test",
            "AWS_SECRET_ACCESS_KEY", "test",
            "AWS_REGION", "us-east-1",
            "AWS_ENDPOINT_URL_S3", moto.endpoint());
    fixture.targetJob(
        "warehouse: s3://%s/warehouse\ncatalog: {type: rest, uri: \"%s\"}"
            .formatted(BUCKET, nessie.icebergRestUri()),
        "infrastructure:\n  provider: {provider: aws, region: us-east-1}\n  tags: {cost_center: %s}"
            .formatted(costCenter));
    return fixture;
  }

  private static S3Client s3() {
    return S3Client.builder()
        .endpointOverride(URI.create(moto.endpoint()))
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
