package io.dativo.ingest.catalog;

import io.dativo.core.config.Secret;
import io.dativo.core.net.ServiceEndpoints;
import io.dativo.ingest.IngestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.RESTCatalog;

/**
 * Opens the catalog a job's {@code target.catalog} names. {@code local}, the default, is an
 * embedded JDBC catalog in a SQLite file inside the warehouse: a fresh machine needs no server.
 */
public final class CatalogFactory {
  /** The catalog types this version opens. */
  public static final List<String> TYPES =
      List.of("local", "hadoop", "jdbc", "rest", "glue", "nessie");

  /** Known catalog types that this version cannot open yet. */
  public static final List<String> NOT_YET = List.of("bigquery");

  public static final String LOCAL_CATALOG_FILE = "catalog.db";

  private CatalogFactory() {}

  /** What the job says about its catalog and warehouse. */
  public record CatalogSpec(String type, Map<String, Object> settings, String warehouse) {
    public Optional<String> setting(String key) {
      Object value = settings.get(key);
      return value == null
          ? Optional.empty()
          : Optional.of(value instanceof Secret s ? s.value() : String.valueOf(value));
    }
  }

  /**
   * {@code target.catalog} (a type name or a mapping with {@code type}) and {@code
   * target.warehouse}.
   */
  @SuppressWarnings("unchecked")
  public static CatalogSpec spec(Map<String, Object> target, Path workingDir) {
    Object catalog = target.get("catalog");
    Map<String, Object> settings =
        catalog instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    String type =
        catalog instanceof String name
            ? name
            : String.valueOf(settings.getOrDefault("type", "local"));
    String warehouse =
        String.valueOf(
            target.getOrDefault(
                "warehouse", settings.getOrDefault("warehouse", ".dativo/warehouse")));
    if (!warehouse.contains("://")) {
      warehouse = workingDir.resolve(warehouse).normalize().toAbsolutePath().toString();
    }

    return new CatalogSpec(type.toLowerCase(Locale.ROOT), settings, warehouse);
  }

  /**
   * Whether the catalog keeps Iceberg branches ({@code target.branch}). Nessie keeps one snapshot
   * history per Nessie branch and drops Iceberg's other refs (its REST server applies a branch's
   * snapshot to main): branching there is Nessie's, {@code target.catalog.branch}.
   */
  public static boolean keepsIcebergBranches(Catalog catalog) {
    if (catalog instanceof org.apache.iceberg.nessie.NessieCatalog) {
      return false;
    }

    return !(catalog instanceof RESTCatalog rest
        && "true".equals(rest.properties().get("nessie.is-nessie-catalog")));
  }

  /**
   * Hadoop settings for catalogs that use Iceberg's HadoopFileIO (local warehouses of the local,
   * jdbc and nessie catalogs use {@link LocalFileIO} instead). Local files go through Hadoop's raw
   * local file system: its default computes a CRC for every 512 bytes written into {@code .crc}
   * side files (checked on read when present), at a cost measured in docs/performance.md. Iceberg
   * writes each data and metadata file once under a new name, so no side file can go stale; what is
   * given up is Hadoop's check on reading local files back. Hadoop's XML defaults are not loaded:
   * parsing them cost a run about a quarter of a second of CPU before its first row, and the local
   * file systems take their defaults from code.
   */
  public static Configuration hadoopConf() {
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
    // Hadoop caches file systems per scheme: one made earlier in this JVM must not decide
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }

  /** Opens the catalog without an environment (local paths only; AWS settings from the JVM). */
  public static Catalog open(CatalogSpec spec) {
    return open(spec, Map.of());
  }

  /**
   * Opens the catalog; {@code env} gives AWS credentials, region and endpoints ({@code
   * AWS_ENDPOINT_URL_GLUE}, {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL}) for Glue and S3.
   */
  public static Catalog open(CatalogSpec spec, Map<String, String> env) {
    boolean objectStore =
        spec.warehouse().contains("://") && !spec.warehouse().startsWith("file://");
    if (objectStore
        && !spec.warehouse().startsWith("s3://")
        && !spec.warehouse().startsWith("gs://")
        && !spec.type().equals("rest")) {
      throw new IngestException(
          IngestException.Kind.NOT_AVAILABLE,
          "Cannot write to warehouse "
              + spec.warehouse()
              + ": only local paths, s3:// and gs:// warehouses are available in this version",
          "use a local path, an s3:// or a gs:// URI for target.warehouse");
    }

    if (spec.type().equals("glue")) {
      return glue(spec, env);
    }

    return switch (spec.type()) {
      case "local" -> local(spec);
      case "hadoop" -> hadoop(spec);
      case "jdbc" -> jdbc(spec, env);
      case "rest" -> rest(spec, env);
      case "nessie" -> NessieCatalogs.open(spec, storageProperties(spec, env));
      case "bigquery" ->
          throw new IngestException(
              IngestException.Kind.NOT_AVAILABLE,
              "Cannot open a " + spec.type() + " catalog: it is not available in this version yet",
              "use target.catalog.type local, hadoop, jdbc, rest, glue or nessie");
      default ->
          throw new IngestException(
              IngestException.Kind.CONFIG,
              "Cannot open catalog: unknown type '" + spec.type() + "'",
              io.dativo.core.config.Suggestions.hint(spec.type(), TYPES));
    };
  }

  private static Catalog local(CatalogSpec spec) {
    if (spec.warehouse().startsWith("s3://") || spec.warehouse().startsWith("gs://")) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot keep the embedded local catalog in "
              + spec.warehouse()
              + ": it needs a local warehouse",
          "use target.catalog.type jdbc or rest (or glue for s3://) with an object-store warehouse");
    }

    Path warehouse = Path.of(spec.warehouse());
    // the directory, and LocalFileIO for it
    Map<String, String> properties = new HashMap<>(storageProperties(spec, Map.of()));
    properties.put(CatalogProperties.URI, "jdbc:sqlite:" + warehouse.resolve(LOCAL_CATALOG_FILE));
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse.toString());
    properties.put("jdbc.schema-version", "V1");
    // Two first runs into a new warehouse both create the catalog's tables: the one that loses
    // fails on the other's columns, and finds them in place when it tries again.
    for (int attempt = 1; ; attempt++) {
      JdbcCatalog catalog = new JdbcCatalog();
      catalog.setConf(hadoopConf());
      try {
        catalog.initialize("dativo", properties);
        return catalog;
      } catch (org.apache.iceberg.jdbc.UncheckedSQLException e) {
        if (attempt == 3) {
          throw e;
        }

        closeQuietly(catalog);
      }
    }
  }

  private static void closeQuietly(JdbcCatalog catalog) {
    try {
      catalog.close();
    } catch (RuntimeException e) {
      // a half-initialized catalog has little to close
    }
  }

  private static Catalog hadoop(CatalogSpec spec) {
    if (spec.warehouse().startsWith("s3://") || spec.warehouse().startsWith("gs://")) {
      throw new IngestException(
          IngestException.Kind.NOT_AVAILABLE,
          "Cannot keep a hadoop catalog in " + spec.warehouse() + ": not available in this version",
          "use target.catalog.type glue, jdbc or rest with an s3:// warehouse");
    }

    createDirectories(Path.of(spec.warehouse()));
    HadoopCatalog catalog = new HadoopCatalog();
    // The hadoop catalog rewrites version-hint.text in place: a .crc an earlier version (or
    // another tool) wrote next to it would go stale, so it keeps Hadoop's checksummed file system.
    catalog.setConf(new Configuration(false));
    catalog.initialize("dativo", Map.of(CatalogProperties.WAREHOUSE_LOCATION, spec.warehouse()));
    return catalog;
  }

  private static Catalog jdbc(CatalogSpec spec, Map<String, String> env) {
    Map<String, String> properties = new HashMap<>();
    properties.put(
        CatalogProperties.URI,
        spec.setting("uri")
            .orElseThrow(() -> missing(spec, "uri", "jdbc:postgresql://host:5432/catalog")));
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, spec.warehouse());
    properties.put("jdbc.schema-version", "V1");
    spec.setting("user").ifPresent(u -> properties.put("jdbc.user", u));
    spec.setting("password").ifPresent(p -> properties.put("jdbc.password", p));
    properties.putAll(storageProperties(spec, env));
    JdbcCatalog catalog = new JdbcCatalog();
    catalog.setConf(hadoopConf());
    catalog.initialize(spec.setting("name").orElse("dativo"), properties);
    return catalog;
  }

  private static Catalog rest(CatalogSpec spec, Map<String, String> env) {
    Map<String, String> properties = new HashMap<>();
    // Storage settings for the warehouse; a server that vends its own FileIO config overrides them.
    if (spec.warehouse().contains("://")) {
      properties.putAll(storageProperties(spec, env));
    }

    properties.put(
        CatalogProperties.URI,
        spec.setting("uri").orElseThrow(() -> missing(spec, "uri", "http://localhost:8181")));
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, spec.warehouse());
    if (spec.setting("credential").isPresent() || spec.setting("token").isPresent()) {
      // credentials travel in clear text over plain http: only to this machine
      ServiceEndpoints.requireSafe(
          properties.get(CatalogProperties.URI), "target.catalog.uri (with credentials)");
    }

    spec.setting("credential").ifPresent(c -> properties.put("credential", c));
    spec.setting("token").ifPresent(t -> properties.put("token", t));
    RESTCatalog catalog = new RESTCatalog();
    catalog.setConf(hadoopConf());
    catalog.initialize(spec.setting("name").orElse("dativo"), properties);
    return catalog;
  }

  /** AWS Glue: the database is target.catalog.glue_database; data in an s3:// warehouse. */
  private static Catalog glue(CatalogSpec spec, Map<String, String> env) {
    if (!spec.warehouse().startsWith("s3://")) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot use the Glue catalog with warehouse "
              + spec.warehouse()
              + ": Glue tables live in S3",
          "set target.warehouse: s3://bucket/prefix");
    }

    Map<String, String> properties = new HashMap<>(awsProperties(env, spec));
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, spec.warehouse());
    endpoint(env, "GLUE").ifPresent(e -> properties.put("glue.endpoint", e));
    spec.setting("catalog_id").ifPresent(id -> properties.put("glue.id", id));
    org.apache.iceberg.aws.glue.GlueCatalog catalog = new org.apache.iceberg.aws.glue.GlueCatalog();
    catalog.setConf(hadoopConf());
    catalog.initialize(spec.setting("name").orElse("glue"), properties);
    return catalog;
  }

  /**
   * The FileIO settings for the warehouse: S3 or GCS from the environment; a local warehouse
   * directory is created.
   */
  static Map<String, String> storageProperties(CatalogSpec spec, Map<String, String> env) {
    if (spec.warehouse().startsWith("s3://")) {
      return awsProperties(env, spec);
    } else if (spec.warehouse().startsWith("gs://")) {
      return gcsProperties(env, spec);
    }

    createDirectories(Path.of(spec.warehouse().replaceFirst("^file://", "")));
    return Map.of(CatalogProperties.FILE_IO_IMPL, LocalFileIO.class.getName());
  }

  /** S3FileIO on the JDK HTTP client, with the environment's region, credentials and endpoint. */
  static Map<String, String> awsProperties(Map<String, String> env, CatalogSpec spec) {
    Map<String, String> properties = new HashMap<>();
    properties.put(CatalogProperties.FILE_IO_IMPL, "org.apache.iceberg.aws.s3.S3FileIO");
    properties.put("http-client.type", "urlconnection");
    Optional.ofNullable(env.get("AWS_REGION"))
        .or(() -> Optional.ofNullable(env.get("AWS_DEFAULT_REGION")))
        .or(() -> spec.setting("region"))
        .ifPresent(r -> properties.put("client.region", r));
    endpoint(env, "S3")
        .ifPresent(
            e -> {
              properties.put("s3.endpoint", e);
              properties.put("s3.path-style-access", "true");
            });
    String key = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (key != null && secret != null) {
      properties.put("client.credentials-provider", StaticAwsCredentials.class.getName());
      properties.put("client.credentials-provider.access-key-id", key);
      properties.put("client.credentials-provider.secret-access-key", secret);
      Optional.ofNullable(env.get("AWS_SESSION_TOKEN"))
          .ifPresent(t -> properties.put("client.credentials-provider.session-token", t));
    }

    return properties;
  }

  /**
   * GCSFileIO with Application Default Credentials and the project from {@code
   * target.catalog.project_id} or {@code GOOGLE_CLOUD_PROJECT}; {@code
   * GOOGLE_STORAGE_CUSTOM_ENDPOINT} points it elsewhere (an endpoint on loopback, a local stand-in,
   * is used without credentials).
   */
  static Map<String, String> gcsProperties(Map<String, String> env, CatalogSpec spec) {
    Map<String, String> properties = new HashMap<>();
    properties.put(CatalogProperties.FILE_IO_IMPL, "org.apache.iceberg.gcp.gcs.GCSFileIO");
    spec.setting("project_id")
        .or(() -> Optional.ofNullable(env.get("GOOGLE_CLOUD_PROJECT")))
        .ifPresent(p -> properties.put("gcs.project-id", p));
    Optional.ofNullable(env.get("GOOGLE_STORAGE_CUSTOM_ENDPOINT"))
        .filter(e -> !e.isBlank())
        .map(e -> ServiceEndpoints.requireSafe(e, "GOOGLE_STORAGE_CUSTOM_ENDPOINT"))
        .ifPresent(
            e -> {
              properties.put("gcs.service.host", e);
              if (ServiceEndpoints.isLoopback(e)) {
                properties.put("gcs.no-auth", "true");
              }
            });
    return properties;
  }

  private static Optional<String> endpoint(Map<String, String> env, String service) {
    return Optional.ofNullable(env.get("AWS_ENDPOINT_URL_" + service))
        .or(() -> Optional.ofNullable(env.get("AWS_ENDPOINT_URL")));
  }

  static IngestException missing(CatalogSpec spec, String key, String example) {
    return new IngestException(
        IngestException.Kind.CONFIG,
        "Cannot open the " + spec.type() + " catalog: target.catalog." + key + " is missing",
        "for example " + key + ": " + example);
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new IngestException(
          IngestException.Kind.EXTERNAL,
          "Cannot create warehouse " + dir + ": " + e.getMessage(),
          null,
          e);
    }
  }
}
