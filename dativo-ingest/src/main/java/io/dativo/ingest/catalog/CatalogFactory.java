package io.dativo.ingest.catalog;

import io.dativo.core.config.Secret;
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
  public static final List<String> TYPES =
      List.of("local", "hadoop", "jdbc", "rest", "glue", "nessie");
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

  public static Catalog open(CatalogSpec spec) {
    if (spec.warehouse().contains("://")
        && !spec.warehouse().startsWith("file://")
        && !spec.type().equals("rest")) {
      throw new IngestException(
          IngestException.Kind.NOT_AVAILABLE,
          "Cannot write to warehouse "
              + spec.warehouse()
              + ": object-store warehouses (s3://, gs://) are not available in this version yet",
          "use a local path for target.warehouse, or a rest catalog that manages storage");
    }

    return switch (spec.type()) {
      case "local" -> local(spec);
      case "hadoop" -> hadoop(spec);
      case "jdbc" -> jdbc(spec);
      case "rest" -> rest(spec);
      case "glue", "nessie", "bigquery" ->
          throw new IngestException(
              IngestException.Kind.NOT_AVAILABLE,
              "Cannot open a " + spec.type() + " catalog: it is not available in this version yet",
              "use target.catalog.type local, hadoop, jdbc or rest");
      default ->
          throw new IngestException(
              IngestException.Kind.CONFIG,
              "Cannot open catalog: unknown type '" + spec.type() + "'",
              "one of " + String.join(", ", TYPES));
    };
  }

  private static Catalog local(CatalogSpec spec) {
    Path warehouse = Path.of(spec.warehouse());
    createDirectories(warehouse);
    Map<String, String> properties = new HashMap<>();
    properties.put(CatalogProperties.URI, "jdbc:sqlite:" + warehouse.resolve(LOCAL_CATALOG_FILE));
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse.toString());
    properties.put("jdbc.schema-version", "V1");
    JdbcCatalog catalog = new JdbcCatalog();
    catalog.setConf(new Configuration());
    catalog.initialize("dativo", properties);
    return catalog;
  }

  private static Catalog hadoop(CatalogSpec spec) {
    createDirectories(Path.of(spec.warehouse()));
    HadoopCatalog catalog = new HadoopCatalog();
    catalog.setConf(new Configuration());
    catalog.initialize("dativo", Map.of(CatalogProperties.WAREHOUSE_LOCATION, spec.warehouse()));
    return catalog;
  }

  private static Catalog jdbc(CatalogSpec spec) {
    Map<String, String> properties = new HashMap<>();
    properties.put(
        CatalogProperties.URI,
        spec.setting("uri")
            .orElseThrow(() -> missing(spec, "uri", "jdbc:postgresql://host:5432/catalog")));
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, spec.warehouse());
    properties.put("jdbc.schema-version", "V1");
    spec.setting("user").ifPresent(u -> properties.put("jdbc.user", u));
    spec.setting("password").ifPresent(p -> properties.put("jdbc.password", p));
    createDirectories(Path.of(spec.warehouse()));
    JdbcCatalog catalog = new JdbcCatalog();
    catalog.setConf(new Configuration());
    catalog.initialize(spec.setting("name").orElse("dativo"), properties);
    return catalog;
  }

  private static Catalog rest(CatalogSpec spec) {
    Map<String, String> properties = new HashMap<>();
    properties.put(
        CatalogProperties.URI,
        spec.setting("uri").orElseThrow(() -> missing(spec, "uri", "http://localhost:8181")));
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, spec.warehouse());
    spec.setting("credential").ifPresent(c -> properties.put("credential", c));
    spec.setting("token").ifPresent(t -> properties.put("token", t));
    RESTCatalog catalog = new RESTCatalog();
    catalog.setConf(new Configuration());
    catalog.initialize(spec.setting("name").orElse("dativo"), properties);
    return catalog;
  }

  private static IngestException missing(CatalogSpec spec, String key, String example) {
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
