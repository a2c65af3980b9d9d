package io.dativo.ingest.source;

import io.dativo.core.config.JobConfig;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.config.Secret;
import io.dativo.ingest.IngestException;
import io.dativo.ingest.source.rest.HubSpotSource;
import io.dativo.ingest.source.rest.RestClient;
import io.dativo.ingest.source.rest.StripeSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The source a job names, ready to read. */
public final class Sources {
  public static final List<String> AVAILABLE =
      List.of("csv", "postgres", "mysql", "stripe", "hubspot");

  /** The targets this version writes (the others are known names, not built yet). */
  public static final List<String> AVAILABLE_TARGETS = List.of("iceberg");

  private Sources() {}

  private static Source stripe(JobConfig job, Map<String, String> env, Optional<String> recipeEnv) {
    Map<String, Object> source = job.source();
    return new StripeSource(
        new RestClient(
            "Stripe", apiKey(job, env, recipeEnv.orElse("STRIPE_API_KEY"), "Stripe", "sk_...")),
        String.valueOf(source.getOrDefault("base_url", "https://api.stripe.com")),
        objects(source, "customers"),
        source.get("incremental") != null);
  }

  private static Source hubspot(
      JobConfig job, Map<String, String> env, Optional<String> recipeEnv) {
    Map<String, Object> source = job.source();
    return new HubSpotSource(
        new RestClient(
            "HubSpot", apiKey(job, env, recipeEnv.orElse("HUBSPOT_API_KEY"), "HubSpot", "pat-...")),
        String.valueOf(source.getOrDefault("base_url", "https://api.hubapi.com")),
        objects(source, "contacts"),
        source.get("incremental") != null);
  }

  private static List<String> objects(Map<String, Object> source, String fallback) {
    return source.get("objects") instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : List.of(fallback);
  }

  /**
   * The key inline ({@code credentials.api_key}, e.g. a sensitive output), from a secrets file
   * ({@code credentials.from_file}, e.g. a mounted Kubernetes or Docker secret; relative to the job
   * file) or from the environment ({@code credentials.from_env}, else the service's variable).
   */
  @SuppressWarnings("unchecked")
  private static String apiKey(
      JobConfig job,
      Map<String, String> env,
      String defaultVariable,
      String service,
      String example) {
    Map<String, Object> source = job.source();
    Map<String, Object> credentials =
        source.get("credentials") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    Object inline = credentials.get("api_key");
    if (inline instanceof Secret secret) {
      return secret.value();
    } else if (inline != null) {
      return String.valueOf(inline);
    }

    if (credentials.get("from_file") != null) {
      return keyFromFile(job, String.valueOf(credentials.get("from_file")), service);
    }

    String variable = String.valueOf(credentials.getOrDefault("from_env", defaultVariable));
    String key = env.get(variable);
    if (key == null || key.isBlank()) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot read "
              + service
              + ": no API key (environment variable "
              + variable
              + " is not set)",
          "export "
              + variable
              + "="
              + example
              + ", point source.credentials.from_file at a secrets file, or map a sensitive"
              + " Terraform output to source.credentials.api_key");
    }

    return key;
  }

  /** The whole file is the key (surrounding whitespace and the final newline dropped). */
  private static String keyFromFile(JobConfig job, String name, String service) {
    Path file = job.file().toAbsolutePath().getParent().resolve(name).normalize();
    String key;
    try {
      key = java.nio.file.Files.readString(file).strip();
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot read " + service + ": the secrets file " + file + " does not exist",
          "source.credentials.from_file is relative to the job file " + job.file());
    } catch (java.nio.file.AccessDeniedException e) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot read " + service + ": the secrets file " + file + " is not readable by this user",
          "check its permissions");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot read " + service + ": the secrets file " + file + " is not UTF-8 text",
          "write the API key into it as plain text");
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      // The reason names the file or the failure, never its contents.
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot read "
              + service
              + ": the secrets file "
              + file
              + " cannot be read ("
              + (java.nio.file.Files.isDirectory(file)
                  ? "it is a directory"
                  : e.getClass().getSimpleName())
              + ")",
          "point source.credentials.from_file at a file holding only the key");
    }

    if (key.isEmpty()) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot read " + service + ": the secrets file " + file + " is empty",
          "write the API key into it, alone");
    }

    return key;
  }

  @SuppressWarnings("unchecked")
  public static Source open(JobConfig job) {
    return open(job, Map.of());
  }

  /** Opens the job's source; {@code env} holds API keys named by {@code credentials.from_env}. */
  public static Source open(JobConfig job, Map<String, String> env) {
    return open(job, env, Optional.empty());
  }

  /**
   * Opens a loaded job's source: an API key's variable is the job's {@code credentials.from_env},
   * else its connector recipe's, else the service's usual one.
   */
  @SuppressWarnings("unchecked")
  public static Source open(LoadedJob loaded, Map<String, String> env) {
    Object credentials = loaded.sourceConnector().settings().get("credentials");
    Optional<String> recipeEnv =
        credentials instanceof Map<?, ?> m && m.get("from_env") != null
            ? Optional.of(String.valueOf(m.get("from_env")))
            : Optional.empty();
    return open(loaded.job(), env, recipeEnv);
  }

  @SuppressWarnings("unchecked")
  private static Source open(JobConfig job, Map<String, String> env, Optional<String> recipeEnv) {
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
        yield new CsvSource(CsvSource.expand(base, patterns), options);
      }
      case "postgres" -> JdbcSource.of(JdbcSource.Dialect.POSTGRES, job);
      case "mysql" -> JdbcSource.of(JdbcSource.Dialect.MYSQL, job);
      case "stripe" -> stripe(job, env, recipeEnv);
      case "hubspot" -> hubspot(job, env, recipeEnv);
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
