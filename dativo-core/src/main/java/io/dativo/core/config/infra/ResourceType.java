package io.dativo.core.config.infra;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource types a job may reference, the cloud each belongs to, and the shape of its id. The
 * id pattern's group {@code name}, where present, is the resource's short name.
 */
public enum ResourceType {
  S3_BUCKET(
      "s3_bucket",
      Cloud.AWS,
      "an S3 bucket ARN like arn:aws:s3:::my-bucket, or a bucket name",
      "(?:arn:aws(?:-cn|-us-gov)?:s3:::)?(?<name>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])"),
  IAM_ROLE(
      "iam_role",
      Cloud.AWS,
      "an IAM role ARN like arn:aws:iam::123456789012:role/my-role",
      "arn:aws(?:-cn|-us-gov)?:iam::\\d{12}:role/(?:[\\w+=,.@-]+/)*(?<name>[\\w+=,.@-]{1,64})"),
  GLUE_CATALOG(
      "glue_catalog",
      Cloud.AWS,
      "a Glue database ARN like arn:aws:glue:us-east-1:123456789012:database/my_db, or a database"
          + " name",
      "(?:arn:aws(?:-cn|-us-gov)?:glue:[a-z0-9-]+:\\d{12}:database/)?(?<name>[A-Za-z0-9_-]{1,255})"),
  EMR_CLUSTER(
      "emr_cluster",
      Cloud.AWS,
      "an EMR cluster id like j-2AXXXXXXGAPLF, or its ARN",
      "(?:arn:aws(?:-cn|-us-gov)?:elasticmapreduce:[a-z0-9-]+:\\d{12}:cluster/)?(?<name>j-[A-Z0-9]{1,13})"),
  RDS_INSTANCE(
      "rds_instance",
      Cloud.AWS,
      "an RDS DB instance ARN like arn:aws:rds:us-east-1:123456789012:db:my-db, or its identifier",
      "(?:arn:aws(?:-cn|-us-gov)?:rds:[a-z0-9-]+:\\d{12}:db:)?(?<name>[a-zA-Z][a-zA-Z0-9-]{0,62})"),
  VPC("vpc", Cloud.AWS, "a VPC id like vpc-0a1b2c3d", "(?<name>vpc-[0-9a-f]{1,17})"),
  SUBNET("subnet", Cloud.AWS, "a subnet id like subnet-0a1b2c3d", "(?<name>subnet-[0-9a-f]{1,17})"),
  SECURITY_GROUP(
      "security_group",
      Cloud.AWS,
      "a security group id like sg-0a1b2c3d",
      "(?<name>sg-[0-9a-f]{1,17})"),
  GCS_BUCKET(
      "gcs_bucket",
      Cloud.GCP,
      "a GCS bucket URI like gs://my-bucket, or a bucket name",
      "(?:gs://)?(?<name>[a-z0-9][a-z0-9._-]{1,220}[a-z0-9])/?"),
  SERVICE_ACCOUNT(
      "service_account",
      Cloud.GCP,
      "a service account email like name@my-project.iam.gserviceaccount.com",
      "(?:projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/serviceAccounts/)?(?<name>[a-z0-9-]{1,100})@(?:[a-z][a-z0-9-]{4,28}[a-z0-9]\\.iam|developer|appspot|cloudservices)\\.gserviceaccount\\.com"),
  BIGQUERY_DATASET(
      "bigquery_dataset",
      Cloud.GCP,
      "a BigQuery dataset id like my-project.my_dataset",
      "(?<project>[a-z][a-z0-9-]{4,28}[a-z0-9])[.:](?<name>[A-Za-z0-9_]{1,1024})"),
  GKE_CLUSTER(
      "gke_cluster",
      Cloud.GCP,
      "a GKE cluster like projects/P/locations/L/clusters/NAME, or a cluster name",
      "(?:projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/locations/[a-z0-9-]+/clusters/)?(?<name>[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?)"),
  NETWORK(
      "network",
      Cloud.GCP,
      "a VPC network like projects/P/global/networks/NAME, or a network name",
      "(?:projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/global/networks/)?(?<name>[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)"),
  SUBNETWORK(
      "subnetwork",
      Cloud.GCP,
      "a subnetwork like projects/P/regions/R/subnetworks/NAME, or a subnetwork name",
      "(?:projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/regions/[a-z0-9-]+/subnetworks/)?(?<name>[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)"),
  STORAGE_ACCOUNT(
      "storage_account",
      Cloud.AZURE,
      "an Azure resource id like /subscriptions/SUB/resourceGroups/RG/providers/Microsoft.Storage/storageAccounts/NAME",
      "/subscriptions/[^/]+/(?:.+/)?storageAccounts/(?<name>[a-z0-9]{3,24})"),
  MANAGED_IDENTITY(
      "managed_identity",
      Cloud.AZURE,
      "an Azure resource id like /subscriptions/SUB/resourceGroups/RG/providers/Microsoft.ManagedIdentity/userAssignedIdentities/NAME",
      "/subscriptions/[^/]+/(?:.+/)?userAssignedIdentities/(?<name>[A-Za-z0-9][A-Za-z0-9_-]{2,127})");

  private final String id;
  private final Cloud cloud;
  private final String expected;
  private final Pattern pattern;

  ResourceType(String id, Cloud cloud, String expected, String regex) {
    this.id = id;
    this.cloud = cloud;
    this.expected = expected;
    this.pattern = Pattern.compile(regex);
  }

  public String id() {
    return id;
  }

  public Cloud cloud() {
    return cloud;
  }

  /** What a well-formed id looks like, for error messages. */
  public String expected() {
    return expected;
  }

  /** The short name in a well-formed id, or empty when the id is malformed. */
  public Optional<String> nameIn(String resourceId) {
    Matcher matcher = pattern.matcher(resourceId.trim());
    return matcher.matches() ? Optional.of(matcher.group("name")) : Optional.empty();
  }

  public static Optional<ResourceType> fromId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(ResourceType::id).toList();
  }

  public static List<String> idsFor(Cloud cloud) {
    return Arrays.stream(values()).filter(t -> t.cloud == cloud).map(ResourceType::id).toList();
  }
}
