package io.dativo.ingest.catalog;

import io.dativo.core.tags.rules.GlueParameterRules;
import io.dativo.core.tags.rules.Rendering;
import io.dativo.ingest.sink.TableProperties;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * Copies a table's Dativo-managed properties into its Glue table parameters. Iceberg's Glue catalog
 * keeps only {@code table_type} and {@code metadata_location} there, so tools that read Glue
 * (Athena, Lake Formation, cost and compliance reports) would not see the tags otherwise.
 * Parameters others set are kept, Iceberg's own are never touched, and the update is conditional on
 * the table version read, so a concurrent commit is not overwritten.
 */
public final class GlueTablePropagator {
  private GlueTablePropagator() {}

  /** Merges {@code properties} (the iceberg rendering) into the Glue table's parameters. */
  public static void propagate(
      String database, String table, Map<String, String> properties, Map<String, String> env) {
    Rendering glue =
        GlueParameterRules.render(
            new Rendering("iceberg", properties, properties, java.util.List.of()));
    try (GlueClient client = client(env)) {
      Table current = client.getTable(r -> r.databaseName(database).name(table)).table();
      Map<String, String> parameters = new HashMap<>(current.parameters());
      TableProperties plan = TableProperties.plan(parameters, glue.values());
      if (plan.isEmpty()) {
        return;
      }

      parameters.putAll(plan.set());
      plan.remove().forEach(parameters::remove);
      TableInput input =
          TableInput.builder()
              .name(current.name())
              .description(current.description())
              .owner(current.owner())
              .retention(current.retention())
              .storageDescriptor(current.storageDescriptor())
              .partitionKeys(current.partitionKeys())
              .tableType(current.tableType())
              .parameters(parameters)
              .build();
      client.updateTable(
          r -> r.databaseName(database).tableInput(input).versionId(current.versionId()));
    }
  }

  private static GlueClient client(Map<String, String> env) {
    var builder = GlueClient.builder().httpClient(UrlConnectionHttpClient.create());
    Optional.ofNullable(env.get("AWS_REGION"))
        .or(() -> Optional.ofNullable(env.get("AWS_DEFAULT_REGION")))
        .ifPresent(r -> builder.region(Region.of(r)));
    Optional.ofNullable(env.get("AWS_ENDPOINT_URL_GLUE"))
        .or(() -> Optional.ofNullable(env.get("AWS_ENDPOINT_URL")))
        .ifPresent(e -> builder.endpointOverride(URI.create(e)));
    String key = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    builder.credentialsProvider(
        key != null && secret != null
            ? StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret))
            : DefaultCredentialsProvider.builder().build());
    return builder.build();
  }
}
