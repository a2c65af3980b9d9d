package io.dativo.core.config.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceTypeTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "s3_bucket, arn:aws:s3:::acme-dativo-data-lake-prod, acme-dativo-data-lake-prod",
    "s3_bucket, acme-dativo-data-lake-prod, acme-dativo-data-lake-prod",
    "iam_role, arn:aws:iam::123456789012:role/acme-dativo-etl-role-prod, acme-dativo-etl-role-prod",
    "iam_role, arn:aws:iam::123456789012:role/service/etl-role, etl-role",
    "glue_catalog, arn:aws:glue:us-east-1:123456789012:database/acme_iceberg_prod, acme_iceberg_prod",
    "emr_cluster, j-2AXXXXXXGAPLF, j-2AXXXXXXGAPLF",
    "vpc, vpc-0a1b2c3d, vpc-0a1b2c3d",
    "gcs_bucket, gs://acme-dativo-data-lake-prod, acme-dativo-data-lake-prod",
    "service_account, acme-dativo-etl-prod@my-gcp-project.iam.gserviceaccount.com, acme-dativo-etl-prod",
    "bigquery_dataset, my-gcp-project.acme_iceberg_prod, acme_iceberg_prod",
    "bigquery_dataset, my-gcp-project:acme_iceberg_prod, acme_iceberg_prod",
    "gke_cluster, projects/my-gcp-project/locations/us-central1/clusters/dativo, dativo",
    "storage_account, /subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acmedatiostore, acmedatiostore",
    "storage_account, /subscriptions/.../storageAccounts/acmedatiostore, acmedatiostore",
    "managed_identity, /subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/etl-id, etl-id"
  })
  void acceptsWellFormedIdsAndFindsTheName(String type, String id, String name) {
    assertThat(ResourceType.fromId(type).orElseThrow().nameIn(id)).contains(name);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "s3_bucket, arn:aws:s4:::bucket",
    "s3_bucket, Bucket_With_Caps",
    "iam_role, arn:aws:iam::1234:role/etl",
    "iam_role, acme-role",
    "glue_catalog, arn:aws:glue:us-east-1:123:database/x",
    "emr_cluster, cluster-1",
    "gcs_bucket, s3://bucket",
    "service_account, etl@gmail.com",
    "bigquery_dataset, acme_iceberg_prod",
    "storage_account, acmedatiostore",
    "storage_account, /subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/Has-Caps",
    "managed_identity, /subscriptions/0000/storageAccounts/abc"
  })
  void rejectsMalformedIds(String type, String id) {
    assertThat(ResourceType.fromId(type).orElseThrow().nameIn(id)).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "emr, AWS",
    "fargate, AWS",
    "lambda, AWS",
    "gke, GCP",
    "dataproc, GCP",
    "cloud_run, GCP",
    "aks, AZURE",
    "databricks, AZURE"
  })
  void infersTheCloudFromThePlatform(String platform, Cloud cloud) {
    assertThat(Cloud.fromPlatform(platform)).contains(cloud);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "s3://acme-lake, AWS",
    "gs://acme-lake, GCP",
    "abfss://c@acct.dfs.core.windows.net, AZURE"
  })
  void infersTheCloudFromTheStorageScheme(String uri, Cloud cloud) {
    assertThat(Cloud.fromStorageUri(uri)).contains(cloud);
  }
}
