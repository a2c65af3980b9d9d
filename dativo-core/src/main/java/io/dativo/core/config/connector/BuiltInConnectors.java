package io.dativo.core.config.connector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The connectors Dativo knows by name, so a job needs no recipe file for them. Whether a connector
 * can run yet is the ingest module's business; this only says what the names mean.
 */
public final class BuiltInConnectors {
  public static final Map<String, ConnectorRecipe> ALL = all();

  private BuiltInConnectors() {}

  public static Optional<ConnectorRecipe> named(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  private static Map<String, ConnectorRecipe> all() {
    Map<String, ConnectorRecipe> all = new LinkedHashMap<>();
    source(all, "csv", "CSV files on local disk or object storage");
    source(all, "postgres", "PostgreSQL tables or queries over JDBC");
    source(all, "mysql", "MySQL tables or queries over JDBC");
    source(all, "stripe", "Stripe API objects (customers, charges, invoices, subscriptions)");
    source(all, "hubspot", "HubSpot CRM v3 objects (contacts, companies, deals)");
    target(all, "iceberg", "Apache Iceberg tables (Parquet data files)");
    target(all, "s3", "Parquet files on Amazon S3");
    target(all, "minio", "Parquet files on MinIO (S3 API)");
    return java.util.Collections.unmodifiableMap(all);
  }

  private static void source(Map<String, ConnectorRecipe> all, String name, String description) {
    all.put(name, recipe(name, ConnectorRole.SOURCE, description));
  }

  private static void target(Map<String, ConnectorRecipe> all, String name, String description) {
    all.put(name, recipe(name, ConnectorRole.TARGET, description));
  }

  private static ConnectorRecipe recipe(String name, ConnectorRole role, String description) {
    return new ConnectorRecipe(
        name, Set.of(role), Optional.of(description), Optional.empty(), Map.of());
  }
}
