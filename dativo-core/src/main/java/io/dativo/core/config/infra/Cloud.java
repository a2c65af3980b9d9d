package io.dativo.core.config.infra;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The clouds Dativo knows, by the id used in YAML ({@code aws}, {@code gcp}, {@code azure}). */
public enum Cloud {
  AWS("aws", "s3://", "s3a://"),
  GCP("gcp", "gs://"),
  AZURE("azure", "abfss://", "abfs://", "wasbs://", "az://");

  /** Runtime platforms (seed 000 {@code runtime.platform}) and the cloud each runs on. */
  public static final Map<String, Cloud> PLATFORMS =
      Map.ofEntries(
          Map.entry("emr", AWS),
          Map.entry("ecs", AWS),
          Map.entry("fargate", AWS),
          Map.entry("lambda", AWS),
          Map.entry("eks", AWS),
          Map.entry("glue", AWS),
          Map.entry("batch", AWS),
          Map.entry("gke", GCP),
          Map.entry("dataproc", GCP),
          Map.entry("cloud_run", GCP),
          Map.entry("aks", AZURE),
          Map.entry("databricks", AZURE),
          Map.entry("container_instances", AZURE),
          Map.entry("synapse", AZURE));

  /** Platforms that run on any cloud: they do not tell which cloud a job uses. */
  public static final List<String> CLOUD_NEUTRAL_PLATFORMS =
      List.of("kubernetes", "local", "self_hosted", "docker");

  private final String id;
  private final List<String> schemes;

  Cloud(String id, String... schemes) {
    this.id = id;
    this.schemes = List.of(schemes);
  }

  public String id() {
    return id;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Cloud::id).toList();
  }

  public static Optional<Cloud> fromId(String id) {
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.id.equals(wanted)).findFirst();
  }

  /** The cloud whose storage scheme starts {@code uri} ({@code s3://}, {@code gs://}, …). */
  public static Optional<Cloud> fromStorageUri(String uri) {
    String lower = uri.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(c -> c.schemes.stream().anyMatch(lower::startsWith))
        .findFirst();
  }

  public static Optional<Cloud> fromPlatform(String platform) {
    return Optional.ofNullable(PLATFORMS.get(platform.trim().toLowerCase(Locale.ROOT)));
  }
}
