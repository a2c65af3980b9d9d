package io.dativo.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys each YAML shape accepts. The loaders reject every other key with a "did you mean", and a
 * test checks that the JSON Schemas under {@code schemas/} declare exactly these keys (the schema
 * {@code $defs} are named after the shapes here).
 */
public final class ConfigKeys {
  public static final List<String> JOB =
      List.of(
          "tenant_id",
          "environment",
          "source_connector",
          "source_connector_path",
          "target_connector",
          "target_connector_path",
          "asset",
          "asset_path",
          "asset_definition",
          "source",
          "target",
          "finops",
          "classification_overrides",
          "governance_overrides",
          "schema_validation_mode",
          "logging",
          "infrastructure",
          "tags",
          "policy",
          "monitoring");

  public static final List<String> JOB_SOURCE =
      List.of(
          "type",
          "description",
          "connection",
          "credentials",
          "objects",
          "files",
          "tables",
          "query",
          "incremental",
          "rate_limits",
          "base_url",
          "start_date",
          "options",
          "engine");

  /**
   * {@code source.options} of the csv connector (the schema leaves options to each connector, so
   * this list is not one of its shapes).
   */
  public static final List<String> CSV_OPTIONS =
      List.of("delimiter", "quote", "header", "encoding", "checksum");

  /** Values of the csv connector's {@code checksum} option. */
  public static final List<String> CSV_CHECKSUMS = List.of("crc", "sha256");

  public static final List<String> JOB_TARGET =
      List.of(
          "type",
          "connection",
          "catalog",
          "warehouse",
          "namespace",
          "table",
          "branch",
          "file_format",
          "partitioning",
          "mode",
          "target_file_size_mb",
          "compression",
          "properties",
          "engine");

  public static final List<String> FINOPS =
      List.of("cost_center", "project", "business_unit", "business_tags", "environment");

  public static final List<String> GOVERNANCE_OVERRIDES =
      List.of("owner", "domain", "data_product", "regulations", "retention_days");

  public static final List<String> LOGGING = List.of("level", "redaction", "format");

  public static final List<String> JOB_TAGS = List.of("on_overflow");

  public static final List<String> MONITORING =
      List.of("cloudwatch", "cloud_monitoring", "prometheus");

  public static final List<String> CLOUDWATCH = List.of("namespace", "region");

  public static final List<String> CLOUD_MONITORING = List.of("project_id");

  public static final List<String> PROMETHEUS = List.of("file", "port", "host", "linger_seconds");

  public static final List<String> POLICY =
      List.of("enforce", "required_tags", "allowed_values", "require_encryption_for");

  public static final List<String> INFRASTRUCTURE =
      List.of("provider", "terraform", "tags", "metadata", "runtime", "resources", "outputs");

  public static final List<String> PROVIDER =
      List.of("provider", "region", "account_id", "project_id", "subscription_id", "resources");

  public static final List<String> RESOURCE =
      List.of("resource_type", "resource_id", "resource_name", "region", "tags");

  public static final List<String> TERRAFORM =
      List.of(
          "module_path",
          "module_source",
          "version",
          "workspace",
          "backend",
          "variables",
          "outputs");

  public static final List<String> RUNTIME =
      List.of("platform", "compute", "storage", "network", "service_account");

  public static final List<String> COMPUTE =
      List.of("cluster_id", "instance_type", "instance_count", "auto_scaling");

  public static final List<String> AUTO_SCALING =
      List.of("enabled", "min_instances", "max_instances");

  public static final List<String> STORAGE = List.of("bucket", "volumes", "mount_paths");

  public static final List<String> NETWORK = List.of("vpc_id", "subnet_ids", "security_group_ids");

  public static final List<String> SERVICE_RESOURCES =
      List.of("database", "cache", "queue", "secrets");

  /** Keys of {@code infrastructure.metadata} with a structure (seed 000); others are free-form. */
  public static final List<String> METADATA_STRUCTURED =
      List.of("tags", "labels", "annotations", "variables");

  public static final List<String> ASSET_ODCS =
      List.of(
          "$schema",
          "apiVersion",
          "kind",
          "id",
          "name",
          "version",
          "status",
          "tenant",
          "domain",
          "dataProduct",
          "description",
          "tags",
          "schema",
          "servers",
          "team",
          "roles",
          "support",
          "price",
          "slaDefaultElement",
          "slaProperties",
          "authoritativeDefinitions",
          "customProperties",
          "contractCreatedTs",
          "quality",
          "source_type",
          "object",
          "compliance",
          "finops",
          "governance",
          "target",
          "data_quality",
          "change_management",
          "lineage",
          "audit");

  public static final List<String> ASSET_LEGACY =
      List.of(
          "name",
          "source_type",
          "object",
          "version",
          "description",
          "domain",
          "dataProduct",
          "status",
          "team",
          "tags",
          "schema",
          "governance",
          "compliance",
          "finops",
          "target",
          "lineage",
          "audit",
          "data_quality",
          "change_management");

  public static final List<String> SCHEMA_OBJECT =
      List.of(
          "name",
          "physicalName",
          "physicalType",
          "logicalType",
          "businessName",
          "description",
          "dataGranularityDescription",
          "tags",
          "quality",
          "customProperties",
          "authoritativeDefinitions",
          "properties",
          "id");

  public static final List<String> COLUMN =
      List.of(
          "name",
          "id",
          "type",
          "logicalType",
          "logicalTypeOptions",
          "physicalType",
          "physicalName",
          "required",
          "nullable",
          "primaryKey",
          "primaryKeyPosition",
          "unique",
          "partitioned",
          "partitionKeyPosition",
          "classification",
          "criticalDataElement",
          "encryptedName",
          "description",
          "businessName",
          "examples",
          "quality",
          "tags",
          "customProperties",
          "authoritativeDefinitions",
          "transformSourceObjects",
          "transformLogic",
          "transformDescription",
          "items",
          "properties",
          "format",
          "default");

  public static final List<String> COMPLIANCE =
      List.of(
          "classification",
          "regulations",
          "retention_days",
          "security",
          "user_consent_required",
          "data_residency",
          "legal_basis");

  public static final List<String> SECURITY =
      List.of(
          "encryption_required",
          "access_control",
          "masking",
          "encryption_at_rest",
          "encryption_in_transit");

  public static final List<String> GOVERNANCE =
      List.of(
          "owner",
          "steward",
          "tags",
          "classification",
          "retention_days",
          "regulations",
          "cost_center",
          "domain",
          "data_product");

  public static final List<String> ASSET_TARGET = List.of("file_format", "partitioning", "mode");

  public static final List<String> CONNECTOR =
      List.of(
          "name",
          "type",
          "roles",
          "description",
          "default_engine",
          "connection_template",
          "credentials",
          "incremental",
          "rate_limits",
          "objects",
          "file_format",
          "partitioning_default",
          "supports");

  /** Every shape by its schema {@code $defs} name. */
  public static final Map<String, List<String>> SHAPES = shapes();

  private ConfigKeys() {}

  private static Map<String, List<String>> shapes() {
    Map<String, List<String>> shapes = new LinkedHashMap<>();
    shapes.put("job", JOB);
    shapes.put("job_source", JOB_SOURCE);
    shapes.put("job_target", JOB_TARGET);
    shapes.put("finops", FINOPS);
    shapes.put("governance_overrides", GOVERNANCE_OVERRIDES);
    shapes.put("logging", LOGGING);
    shapes.put("job_tags", JOB_TAGS);
    shapes.put("policy", POLICY);
    shapes.put("monitoring", MONITORING);
    shapes.put("cloudwatch", CLOUDWATCH);
    shapes.put("cloud_monitoring", CLOUD_MONITORING);
    shapes.put("prometheus", PROMETHEUS);
    shapes.put("infrastructure", INFRASTRUCTURE);
    shapes.put("provider", PROVIDER);
    shapes.put("resource", RESOURCE);
    shapes.put("terraform", TERRAFORM);
    shapes.put("runtime", RUNTIME);
    shapes.put("compute", COMPUTE);
    shapes.put("auto_scaling", AUTO_SCALING);
    shapes.put("storage", STORAGE);
    shapes.put("network", NETWORK);
    shapes.put("service_resources", SERVICE_RESOURCES);
    shapes.put("asset_odcs", ASSET_ODCS);
    shapes.put("asset_legacy", ASSET_LEGACY);
    shapes.put("schema_object", SCHEMA_OBJECT);
    shapes.put("column", COLUMN);
    shapes.put("compliance", COMPLIANCE);
    shapes.put("security", SECURITY);
    shapes.put("governance", GOVERNANCE);
    shapes.put("asset_target", ASSET_TARGET);
    shapes.put("connector", CONNECTOR);
    return java.util.Collections.unmodifiableMap(shapes);
  }
}
