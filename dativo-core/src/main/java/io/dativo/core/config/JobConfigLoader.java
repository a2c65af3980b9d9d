package io.dativo.core.config;

import static io.dativo.core.config.ConfigKeys.GOVERNANCE_OVERRIDES;
import static io.dativo.core.config.ConfigKeys.JOB;
import static io.dativo.core.config.ConfigKeys.JOB_SOURCE;
import static io.dativo.core.config.ConfigKeys.JOB_TARGET;
import static io.dativo.core.config.ConfigKeys.LOGGING;

import io.dativo.core.config.infra.Infrastructure;
import io.dativo.core.config.infra.InfrastructureBinder;
import io.dativo.core.config.infra.TagEntry;
import io.dativo.core.config.yaml.Location;
import io.dativo.core.config.yaml.YamlNode;
import io.dativo.core.config.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a job file: YAML with locations, {@code ${VAR}} substitution, binding and validation. */
public final class JobConfigLoader {
  /** Catalog types that talk to a server, and an address of each kind. */
  private static final List<String> CATALOGS_WITH_SERVER = List.of("jdbc", "rest", "nessie");

  private static final Map<String, String> CATALOGS_WITH_SERVER_EXAMPLES =
      Map.of(
          "jdbc", "jdbc:postgresql://catalog-db.internal:5432/iceberg",
          "rest", "https://catalog.internal/api/catalog",
          "nessie", "http://nessie.internal:19120/api/v2");

  /**
   * Job target keys kept from the original system's schema that {@code run} does not act on: a
   * format it cannot write is an error, the others a warning, so none is ignored silently.
   */
  private static void checkTargetSettingsRunHonours(Section target) {
    target
        .node("catalog")
        .filter(n -> n instanceof io.dativo.core.config.yaml.YamlScalar)
        .flatMap(n -> target.string("catalog"))
        .map(type -> type.toLowerCase(Locale.ROOT))
        .filter(CATALOGS_WITH_SERVER::contains)
        .ifPresent(
            type ->
                target
                    .problems()
                    .error(
                        target.node("catalog").orElseThrow(),
                        "a " + type + " catalog needs target.catalog.uri",
                        "give the catalog as a mapping: catalog: {type: "
                            + type
                            + ", uri: "
                            + CATALOGS_WITH_SERVER_EXAMPLES.get(type)
                            + "}"));
    // a catalog given by name only ("catalog: local") has no other settings to check
    target
        .node("catalog")
        .filter(n -> n instanceof io.dativo.core.config.yaml.YamlMap)
        .flatMap(n -> Section.of(n, target.problems()))
        .ifPresent(
            catalog -> {
              String type = catalog.string("type").orElse("local").toLowerCase(Locale.ROOT);
              if (CATALOGS_WITH_SERVER.contains(type) && !catalog.has("uri")) {
                target
                    .problems()
                    .error(
                        target.node("catalog").orElseThrow(),
                        "a " + type + " catalog needs target.catalog.uri",
                        "for example uri: " + CATALOGS_WITH_SERVER_EXAMPLES.get(type));
              }
            });
    target
        .string("branch")
        .filter(String::isBlank)
        .ifPresent(
            b ->
                target
                    .problems()
                    .error(
                        target.node("branch").orElseThrow(),
                        "expected an Iceberg branch name, found an empty one",
                        "for example branch: audit, or remove it to commit to main"));
    target
        .node("file_format")
        .filter(n -> !"parquet".equals(target.string("file_format").orElse("parquet")))
        .ifPresent(
            n ->
                target
                    .problems()
                    .error(
                        n,
                        "unsupported file_format '"
                            + target.string("file_format").orElse("")
                            + "': Dativo writes parquet",
                        "remove it, or set file_format: parquet"));
    Map<String, String> noEffect =
        Map.of(
            "partitioning",
            "the table's partitioning comes from the asset (target.partitioning in the data"
                + " contract)",
            "mode",
            "runs append (or replace with --full-refresh); bad rows follow"
                + " schema_validation_mode",
            "engine",
            "runs execute in the dativo process itself");
    for (String key : List.of("partitioning", "mode", "engine")) {
      target
          .node(key)
          .ifPresent(
              n ->
                  target
                      .problems()
                      .warn(
                          n.location(),
                          n.path(),
                          "has no effect on dativo run",
                          noEffect.get(key)));
    }
  }

  private static final List<String> LOG_LEVELS =
      List.of("DEBUG", "INFO", "WARN", "WARNING", "ERROR");
  private static final List<String> LOG_FORMATS = List.of("text", "json");
  private static final List<String> VALIDATION_MODES = List.of("strict", "warn");

  private final Map<String, String> env;
  private final JobTreeTransform transform;

  public JobConfigLoader(Map<String, String> env) {
    this(env, JobTreeTransform.NONE);
  }

  public JobConfigLoader(Map<String, String> env, JobTreeTransform transform) {
    this.env = Map.copyOf(env);
    this.transform = transform;
  }

  /** Binds the job in {@code file}; problems and warnings go to {@code problems}. */
  public Optional<JobConfig> load(Path file, Problems problems) {
    YamlNode root;
    try {
      root = YamlReader.read(file);
    } catch (ConfigException e) {
      problems.addAll(e.problems());
      return Optional.empty();
    }

    root = new EnvSubstitutor(env).substitute(root, problems);
    Optional<JobConfig> first = Section.of(root, problems).flatMap(job -> bind(file, job));
    if (first.isEmpty() || problems.hasErrors() || transform == JobTreeTransform.NONE) {
      return first;
    }

    YamlNode effective = transform.transform(root, first.get(), problems);
    if (effective == root || problems.hasErrors()) {
      return first;
    }

    // Bind again: the transform may have filled values that validation and defaults depend on.
    Problems second = new Problems();
    Optional<JobConfig> job = Section.of(effective, second).flatMap(j -> bind(file, j));
    problems.addAll(second.errors());
    return job;
  }

  private Optional<JobConfig> bind(Path file, Section job) {
    Problems problems = job.problems();
    job.rejectUnknownKeys(JOB);
    Optional<String> tenant =
        job.requiredString("tenant_id", "the tenant this job belongs to, e.g. tenant_id: acme");
    tenant
        .filter(t -> !t.matches("[a-z0-9][a-z0-9_-]{0,62}"))
        .ifPresent(
            t ->
                problems.error(
                    job.node("tenant_id").orElseThrow(),
                    "malformed tenant_id '"
                        + t
                        + "': expected lowercase letters, digits, '-' and"
                        + " '_' (it becomes part of bucket, table and tag names)",
                    "try '" + t.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-") + "'"));
    Optional<String> environment =
        job.requiredString("environment", "e.g. environment: prod (dev, staging, prod, ...)");
    environment
        .filter(e -> !e.matches("[A-Za-z0-9][A-Za-z0-9_-]*"))
        .ifPresent(
            e ->
                problems.error(
                    job.node("environment").orElseThrow(),
                    "malformed environment '" + e + "': expected letters, digits, '-' and '_'"));
    Optional<Section> source = job.section("source");
    Optional<Section> target = job.section("target");
    source.ifPresent(s -> s.rejectUnknownKeys(JOB_SOURCE));
    target.ifPresent(t -> t.rejectUnknownKeys(JOB_TARGET));
    target.ifPresent(JobConfigLoader::checkTargetSettingsRunHonours);
    Optional<String> sourceConnector =
        connector(job, "source_connector", source, "e.g. source_connector: postgres");
    Optional<String> targetConnector =
        connector(job, "target_connector", target, "e.g. target_connector: iceberg");
    if (sourceConnector.filter("csv"::equals).isPresent()) {
      source.flatMap(s -> s.section("options")).ifPresent(JobConfigLoader::checkCsvOptions);
    }
    Optional<Path> assetPath = assetPath(file, job);
    Optional<String> asset = job.string("asset");
    if (asset.isEmpty() && assetPath.isEmpty()) {
      job.requiredString("asset", "the asset's name, and asset_path to its definition file");
    }

    FinOps finops = job.section("finops").map(FinOps::bind).orElse(FinOps.NONE);
    Map<String, String> classificationOverrides = job.stringMap("classification_overrides");
    GovernanceOverrides governance =
        job.section("governance_overrides")
            .map(JobConfigLoader::governance)
            .orElse(GovernanceOverrides.NONE);
    SchemaValidationMode mode = validationMode(job);
    LoggingConfig logging =
        job.section("logging").map(JobConfigLoader::logging).orElse(LoggingConfig.DEFAULT);
    Optional<Infrastructure> infrastructure =
        job.node("infrastructure").flatMap(n -> new InfrastructureBinder(file, problems).bind(n));
    environment.ifPresent(e -> checkInfrastructureEnvironment(e, infrastructure, problems));
    if (tenant.isEmpty()
        || environment.isEmpty()
        || sourceConnector.isEmpty()
        || targetConnector.isEmpty()) {
      return Optional.empty();
    }

    return Optional.of(
        new JobConfig(
            file,
            tenant.get(),
            environment.get(),
            sourceConnector.get(),
            connectorPath(file, job, "source_connector_path"),
            targetConnector.get(),
            connectorPath(file, job, "target_connector_path"),
            asset.orElse(""),
            assetPath,
            source.map(s -> plain(s)).orElse(Map.of()),
            target.map(t -> plain(t)).orElse(Map.of()),
            finops,
            classificationOverrides,
            governance,
            mode,
            logging,
            infrastructure,
            tagOverflow(job),
            job.section("policy").map(p -> PolicyConfig.bind(p, "job policy")),
            job.section("monitoring")
                .map(m -> MonitoringConfig.bind(m, file))
                .orElse(MonitoringConfig.NONE),
            keyLocations(job)));
  }

  /** The csv connector's options: known keys, and a checksum it computes. */
  private static void checkCsvOptions(Section options) {
    options.rejectUnknownKeys(ConfigKeys.CSV_OPTIONS);
    options
        .string("checksum")
        .filter(
            c ->
                !ConfigKeys.CSV_CHECKSUMS.contains(
                    c.strip().toLowerCase(Locale.ROOT).replace("-", "")))
        .ifPresent(
            c ->
                options
                    .problems()
                    .error(
                        options.node("checksum").orElseThrow(),
                        "unknown checksum '"
                            + c
                            + "': expected "
                            + String.join(" or ", ConfigKeys.CSV_CHECKSUMS),
                        "crc (the default) is the fastest; sha256 records a digest sha256sum can"
                            + " check"));
  }

  /** {@code source_connector}, or {@code source.type} as the original system wrote it. */
  private static Optional<String> connector(
      Section job, String key, Optional<Section> section, String hint) {
    Optional<String> named = job.string(key);
    Optional<String> typed = section.flatMap(s -> s.string("type"));
    if (named.isPresent() && typed.isPresent() && !named.get().equals(typed.get())) {
      job.problems()
          .error(
              section.get().node("type").orElseThrow(),
              "type '" + typed.get() + "' contradicts " + key + " '" + named.get() + "'",
              "remove one of them");
    }

    if (named.isEmpty() && typed.isEmpty()) {
      return job.requiredString(key, hint);
    }

    return named.or(() -> typed);
  }

  private static Optional<Path> connectorPath(Path file, Section job, String key) {
    return job.string(key).map(raw -> PathResolver.resolve(file, raw).path());
  }

  private static Optional<Path> assetPath(Path file, Section job) {
    Optional<String> path = job.string("asset_path");
    Optional<String> legacy = job.string("asset_definition");
    if (path.isPresent() && legacy.isPresent()) {
      job.problems()
          .error(
              job.node("asset_definition").orElseThrow(),
              "both asset_path and asset_definition are set",
              "keep asset_path; asset_definition is its older name");
    }

    return path.or(() -> legacy).map(raw -> PathResolver.resolve(file, raw).path());
  }

  private static GovernanceOverrides governance(Section section) {
    section.rejectUnknownKeys(GOVERNANCE_OVERRIDES);
    return new GovernanceOverrides(
        section.node("owner").isPresent() ? section.string("owner") : Optional.empty(),
        section.string("domain"),
        section.string("data_product"),
        section.stringList("regulations"),
        section.integer("retention_days"));
  }

  private static SchemaValidationMode validationMode(Section job) {
    Optional<String> mode = job.string("schema_validation_mode");
    if (mode.isEmpty()) {
      return SchemaValidationMode.STRICT;
    }

    String value = mode.get().trim().toLowerCase(Locale.ROOT);
    if (!VALIDATION_MODES.contains(value)) {
      job.problems()
          .error(
              job.node("schema_validation_mode").orElseThrow(),
              "unknown value '" + mode.get() + "'",
              Suggestions.hint(value, VALIDATION_MODES));
      return SchemaValidationMode.STRICT;
    }

    return SchemaValidationMode.valueOf(value.toUpperCase(Locale.ROOT));
  }

  private static LoggingConfig logging(Section section) {
    section.rejectUnknownKeys(LOGGING);
    String level = section.string("level").orElse("INFO").toUpperCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(level)) {
      section
          .problems()
          .error(
              section.node("level").orElseThrow(),
              "unknown log level '" + level + "'",
              Suggestions.hint(level, LOG_LEVELS));
    }

    String format = section.string("format").orElse("text");
    if (!LOG_FORMATS.contains(format)) {
      section
          .problems()
          .error(
              section.node("format").orElseThrow(),
              "unknown log format '" + format + "'",
              Suggestions.hint(format, LOG_FORMATS));
    }

    return new LoggingConfig(level, section.bool("redaction").orElse(true), format);
  }

  /** Infrastructure tagged for another environment is the wrong infrastructure. */
  private static void checkInfrastructureEnvironment(
      String environment, Optional<Infrastructure> infrastructure, Problems problems) {
    if (infrastructure.isEmpty()) {
      return;
    }

    List<TagEntry> candidates = new java.util.ArrayList<>(infrastructure.get().tags().declared());
    candidates.addAll(infrastructure.get().tags().metadataTags());
    candidates.stream()
        .filter(t -> t.key().equals("environment") || t.key().equals("Environment"))
        .filter(t -> !t.value().equals(environment))
        .forEach(
            t ->
                problems.error(
                    t.location(),
                    t.path(),
                    "infrastructure is tagged for environment '"
                        + t.value()
                        + "', but the job runs in '"
                        + environment
                        + "'",
                    "point the job at the " + environment + " infrastructure, or fix the tag"));
  }

  private static OverflowPolicy tagOverflow(Section job) {
    Optional<Section> tags = job.section("tags");
    if (tags.isEmpty()) {
      return OverflowPolicy.ERROR;
    }

    tags.get().rejectUnknownKeys(ConfigKeys.JOB_TAGS);
    Optional<String> value = tags.get().string("on_overflow");
    List<String> allowed = List.of("error", "drop_lowest");
    if (value.isPresent() && !allowed.contains(value.get())) {
      job.problems()
          .error(
              tags.get().node("on_overflow").orElseThrow(),
              "unknown value '" + value.get() + "'",
              Suggestions.hint(value.get(), allowed));
      return OverflowPolicy.ERROR;
    }

    return value
        .map(v -> OverflowPolicy.valueOf(v.toUpperCase(Locale.ROOT)))
        .orElse(OverflowPolicy.ERROR);
  }

  private static Map<String, Location> keyLocations(Section job) {
    Map<String, Location> locations = new java.util.HashMap<>();
    job.map().entries().forEach((key, entry) -> locations.put(key, entry.value().location()));
    return locations;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> plain(Section section) {
    return (Map<String, Object>) section.map().toPlain();
  }
}
