package io.dativo.core.tags.rules;

import io.dativo.core.config.JobConfig;
import io.dativo.core.config.asset.AssetDefinition;
import io.dativo.core.config.asset.Column;
import io.dativo.core.config.infra.Infrastructure;
import io.dativo.core.config.infra.ResourceSpec;
import io.dativo.core.config.infra.TagEntry;
import io.dativo.core.tags.TagInputs;
import io.dativo.core.tags.TagKeys;
import io.dativo.core.tags.TagSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Iceberg table properties in namespaces. {@code classification.*}, {@code governance.*}, {@code
 * finops.*} and {@code asset.*} keep the keys of the Python system Dativo succeeds, so its jobs
 * carry over; {@code infrastructure.*} is seed 002's namespace. Values shared with the resource
 * tags (owner, cost center, regulations, …) come from the same merged {@link TagSet}.
 */
public final class IcebergPropertyRules {
  private IcebergPropertyRules() {}

  public static Rendering render(TagInputs inputs, TagSet tags) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    Properties properties = new Properties(values, sources);
    JobConfig job = inputs.job();
    classification(properties, job, inputs.asset());
    governance(properties, tags);
    finops(properties, job, inputs.asset(), tags);
    inputs.asset().ifPresent(asset -> asset(properties, asset));
    job.infrastructure().ifPresent(infra -> infrastructure(properties, job, infra));
    return new Rendering("iceberg", values, sources, List.of());
  }

  /** Collects properties with the source each came from. */
  private record Properties(Map<String, String> values, Map<String, String> sources) {
    void put(String key, String value, String source) {
      if (value != null && !value.isEmpty()) {
        values.put(key, value);
        sources.put(key, source);
      }
    }

    void tag(String key, TagSet tags, String tagKey) {
      tags.tag(tagKey).ifPresent(t -> put(key, t.value(), t.origin().describe()));
    }
  }

  private static void classification(
      Properties properties, JobConfig job, Optional<AssetDefinition> asset) {
    Map<String, String> overrides = job.classificationOverrides();
    if (overrides.containsKey("default")) {
      properties.put(
          "classification.default",
          lower(overrides.get("default")),
          "classification_overrides.default");
    } else {
      asset
          .flatMap(
              a ->
                  a.compliance().classification().stream()
                      .findFirst()
                      .or(() -> a.governance().classification().stream().findFirst()))
          .ifPresent(
              c ->
                  properties.put(
                      "classification.default", lower(c), "asset compliance.classification"));
    }

    asset.ifPresent(
        a -> {
          for (Column column : a.columns()) {
            Optional<String> own = column.classification();
            String override = overrides.get(column.name());
            String value = override != null ? override : own.orElse(null);
            if (value != null) {
              properties.put(
                  "classification.fields." + column.name(),
                  lower(value),
                  override != null
                      ? "classification_overrides." + column.name()
                      : "schema " + column.name() + ".classification");
            }
          }
        });
    if (asset.isEmpty()) {
      overrides.forEach(
          (column, value) -> {
            if (!column.equals("default")) {
              properties.put(
                  "classification.fields." + column,
                  lower(value),
                  "classification_overrides." + column);
            }
          });
    }
  }

  private static void governance(Properties properties, TagSet tags) {
    properties.tag("governance.owner", tags, TagKeys.OWNER);
    properties.tag("governance.domain", tags, TagKeys.DOMAIN);
    properties.tag("governance.data_product", tags, TagKeys.DATA_PRODUCT);
    properties.tag("governance.regulations", tags, TagKeys.REGULATIONS);
    properties.tag("governance.retention_days", tags, TagKeys.RETENTION_DAYS);
  }

  private static void finops(
      Properties properties, JobConfig job, Optional<AssetDefinition> asset, TagSet tags) {
    properties.tag("finops.cost_center", tags, TagKeys.COST_CENTER);
    properties.tag("finops.project", tags, TagKeys.PROJECT);
    properties.tag("finops.business_tags", tags, TagKeys.BUSINESS_TAGS);
    properties.tag("finops.business_unit", tags, TagKeys.BUSINESS_UNIT);
    Optional<String> environment =
        job.finops()
            .environment()
            .or(() -> asset.flatMap(a -> a.finops().environment()))
            .or(
                () ->
                    job.infrastructure()
                        .flatMap(i -> i.tags().declared("environment"))
                        .map(TagEntry::value));
    environment.ifPresent(e -> properties.put("finops.environment", e, "finops.environment"));
  }

  private static void asset(Properties properties, AssetDefinition asset) {
    String source = asset.file().getFileName().toString();
    properties.put("asset.name", asset.name(), source + " name");
    asset.version().ifPresent(v -> properties.put("asset.version", v, source + " version"));
    asset.domain().ifPresent(d -> properties.put("asset.domain", d, source + " domain"));
    asset
        .dataProduct()
        .ifPresent(d -> properties.put("asset.data_product", d, source + " dataProduct"));
    asset
        .sourceType()
        .ifPresent(s -> properties.put("asset.source_type", s, source + " source_type"));
    asset.object().ifPresent(o -> properties.put("asset.object", o, source + " object"));
  }

  private static void infrastructure(Properties properties, JobConfig job, Infrastructure infra) {
    // Seed 000's metadata.tags first, so seed 002's infrastructure.tags win a shared key.
    for (TagEntry tag : infra.tags().metadataTags()) {
      properties.put("infrastructure." + tag.key(), tag.value(), tag.path());
    }

    for (TagEntry tag : infra.tags().declared()) {
      properties.put("infrastructure." + tag.key(), tag.value(), tag.path());
    }

    for (TagEntry tag : infra.tags().custom()) {
      properties.put("infrastructure.custom." + tag.key(), tag.value(), tag.path());
    }

    infra
        .cloud()
        .ifPresent(
            c -> properties.put("infrastructure.provider", c.id(), "infrastructure.provider"));
    infra
        .iacTool()
        .ifPresent(t -> properties.put("infrastructure.iac_tool", t, "infrastructure.provider"));
    infra
        .region()
        .ifPresent(
            r -> properties.put("infrastructure.region", r, "infrastructure.provider.region"));
    infra
        .accountId()
        .ifPresent(
            a ->
                properties.put(
                    "infrastructure.account_id", a, "infrastructure.provider.account_id"));
    infra
        .projectId()
        .ifPresent(
            p ->
                properties.put(
                    "infrastructure.project_id", p, "infrastructure.provider.project_id"));
    properties.put("infrastructure.tenant_id", job.tenantId(), "tenant_id");
    infra
        .platform()
        .ifPresent(
            p -> properties.put("infrastructure.platform", p, "infrastructure.runtime.platform"));
    infra
        .workspace()
        .ifPresent(
            w ->
                properties.put(
                    "infrastructure.workspace", w, "infrastructure.terraform.workspace"));
    Map<String, String> resources = new LinkedHashMap<>();
    for (ResourceSpec resource : infra.resources()) {
      resources.merge(resource.type().id(), resource.id(), (a, b) -> a + "," + b);
    }

    resources.forEach(
        (type, id) ->
            properties.put(
                "infrastructure.resources." + type, id, "infrastructure.provider.resources"));
    flatten("infrastructure.metadata", infra.metadata().values(), properties);
  }

  /** Nested metadata becomes dotted keys; lists are comma-joined. */
  private static void flatten(String prefix, Map<String, Object> values, Properties properties) {
    values.forEach(
        (key, value) -> {
          String path = prefix + "." + key;
          if (io.dativo.core.config.Secret.containsSecret(value)) {
            return; // sensitive outputs never reach table properties
          }

          if (value instanceof Map<?, ?> map) {
            Map<String, Object> nested = new LinkedHashMap<>();
            map.forEach((k, v) -> nested.put(String.valueOf(k), v));
            flatten(path, nested, properties);
          } else if (value instanceof List<?> list) {
            properties.put(
                path, String.join(",", list.stream().map(String::valueOf).toList()), path);
          } else if (value != null) {
            properties.put(path, String.valueOf(value), path);
          }
        });
  }

  private static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
