package io.dativo.ingest.source;

import io.dativo.core.config.JobConfig;
import io.dativo.core.config.Secret;
import io.dativo.ingest.IngestException;
import io.dativo.ingest.source.rest.RestClient;
import io.dativo.ingest.source.rest.StripeSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The source a job names, ready to read. */
public final class Sources {
  public static final List<String> AVAILABLE = List.of("csv", "postgres", "stripe");

  private Sources() {}

  @SuppressWarnings("unchecked")
  private static Source stripe(JobConfig job, Map<String, String> env) {
    Map<String, Object> source = job.source();
    List<String> objects =
        source.get("objects") instanceof List<?> list
            ? list.stream().map(String::valueOf).toList()
            : List.of("customers");
    Map<String, Object> credentials =
        source.get("credentials") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    String variable = String.valueOf(credentials.getOrDefault("from_env", "STRIPE_API_KEY"));
    Object inline = credentials.get("api_key");
    String key =
        inline instanceof Secret secret
            ? secret.value()
            : inline != null ? String.valueOf(inline) : env.get(variable);
    if (key == null || key.isBlank()) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot read Stripe: no API key (environment variable " + variable + " is not set)",
          "export "
              + variable
              + "=sk_..., or map a sensitive Terraform output to source.credentials.api_key");
    }

    boolean incremental = source.get("incremental") != null;
    String baseUrl = String.valueOf(source.getOrDefault("base_url", "https://api.stripe.com"));
    return new StripeSource(new RestClient("Stripe", key), baseUrl, objects, incremental);
  }

  @SuppressWarnings("unchecked")
  public static Source open(JobConfig job) {
    return open(job, Map.of());
  }

  /** Opens the job's source; {@code env} holds API keys named by {@code credentials.from_env}. */
  @SuppressWarnings("unchecked")
  public static Source open(JobConfig job, Map<String, String> env) {
    Map<String, Object> source = job.source();
    return switch (job.sourceConnector()) {
      case "csv" -> {
        Object files = source.get("files");
        if (files == null) {
          throw new IngestException(
              IngestException.Kind.CONFIG,
              "Cannot read CSV: source.files is missing",
              "list files or globs, e.g. files: [data/orders-*.csv]");
        }

        List<String> patterns =
            files instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(files));
        Map<String, Object> options =
            source.get("options") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Path base = job.file().toAbsolutePath().getParent();
        yield new CsvSource(base, CsvSource.expand(base, patterns), options);
      }
      case "postgres" -> PostgresSource.of(job);
      case "stripe" -> stripe(job, env);
      default ->
          throw new IngestException(
              IngestException.Kind.NOT_AVAILABLE,
              "Cannot run: the "
                  + job.sourceConnector()
                  + " source connector is not available in this version yet",
              "available sources: " + String.join(", ", AVAILABLE));
    };
  }
}
