package io.dativo.core.tags;

import static io.dativo.core.tags.TagKeys.*;

import io.dativo.core.config.ConfigException;
import io.dativo.core.config.FinOps;
import io.dativo.core.config.GovernanceOverrides;
import io.dativo.core.config.JobConfig;
import io.dativo.core.config.asset.AssetDefinition;
import io.dativo.core.config.asset.Column;
import io.dativo.core.config.asset.SlaProperty;
import io.dativo.core.config.infra.CloudOrigin;
import io.dativo.core.config.infra.Infrastructure;
import io.dativo.core.config.infra.TagEntry;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes a job's effective tag set: identity from the job, ODCS metadata and compliance from the
 * asset, FinOps from infrastructure, asset and job, infrastructure facts and tags, and Dativo's own
 * governance tags, merged by seed 002's precedence. Pure: the same inputs give the same tags.
 */
public final class TagDeriver {
  /** Classifications that say "nothing sensitive" and so set no {@code Contains*} tag. */
  static final Set<String> NOT_SENSITIVE = Set.of("none", "unclassified", "public");

  private TagDeriver() {}

  /** The merged tags; throws {@link ConfigException} when a user tag sets a reserved key. */
  public static TagSet derive(TagInputs inputs) {
    TagMerger.Result result = TagMerger.merge(layers(inputs));
    if (!result.problems().isEmpty()) {
      throw new ConfigException(inputs.job().file(), result.problems());
    }

    return result.tags();
  }

  static List<TagLayer> layers(TagInputs inputs) {
    JobConfig job = inputs.job();
    List<TagLayer> layers = new ArrayList<>();
    layers.add(identity(job));
    job.infrastructure().ifPresent(infra -> layers.add(infrastructure(infra)));
    inputs
        .asset()
        .ifPresent(
            asset -> {
              layers.add(assetMetadata(asset));
              layers.add(customProperties(asset));
              layers.add(
                  finops(TagSource.ASSET_FINOPS, asset.finops(), asset.governance().costCenter()));
              layers.add(assetCompliance(asset));
            });
    layers.add(finops(TagSource.JOB_FINOPS, job.finops(), Optional.empty()));
    layers.add(overrides(job, inputs.asset()));
    layers.add(system(inputs));
    return layers;
  }

  private static TagLayer identity(JobConfig job) {
    return new TagLayer.Builder(TagSource.IDENTITY)
        .put(TENANT_ID, job.tenantId(), "tenant_id")
        .put(ENVIRONMENT, job.environment(), "environment")
        .put(SOURCE_CONNECTOR, job.sourceConnector(), "source_connector")
        .put(TARGET_CONNECTOR, job.targetConnector(), "target_connector")
        .put(ASSET, job.asset(), "asset")
        .build();
  }

  private static TagLayer infrastructure(Infrastructure infra) {
    TagLayer.Builder layer = new TagLayer.Builder(TagSource.INFRASTRUCTURE);
    infra.iacTool().ifPresent(t -> layer.put(INFRA_PROVIDER, t, "infrastructure.provider"));
    if (infra.cloudOrigin() == CloudOrigin.DECLARED) {
      infra
          .cloud()
          .ifPresent(c -> layer.put(CLOUD_PROVIDER, c.id(), "infrastructure.provider.provider"));
    }

    infra.region().ifPresent(r -> layer.put(REGION, r, "infrastructure.provider.region"));
    infra
        .accountId()
        .ifPresent(a -> layer.put(ACCOUNT_ID, a, "infrastructure.provider.account_id"));
    infra
        .projectId()
        .ifPresent(p -> layer.put(PROJECT_ID, p, "infrastructure.provider.project_id"));
    infra.platform().ifPresent(p -> layer.put(PLATFORM, p, "infrastructure.runtime.platform"));
    infra
        .workspace()
        .ifPresent(w -> layer.put(TERRAFORM_WORKSPACE, w, "infrastructure.terraform.workspace"));
    // Seed 000's metadata.tags first, so seed 002's canonical infrastructure.tags win a conflict.
    infra.tags().metadataTags().forEach(t -> userTag(layer, t));
    infra.tags().declared().forEach(t -> userTag(layer, t));
    infra.tags().custom().forEach(t -> userTag(layer, t));
    return layer.build();
  }

  private static void userTag(TagLayer.Builder layer, TagEntry tag) {
    layer.put(
        camelCase(tag.key()),
        tag.value(),
        TagOrigin.at(TagSource.INFRASTRUCTURE, tag.location(), tag.path()));
  }

  private static TagLayer assetMetadata(AssetDefinition asset) {
    TagLayer.Builder layer = new TagLayer.Builder(TagSource.ASSET_METADATA);
    boolean ownDomain =
        asset.governance().domain().isEmpty()
            || !asset.domain().equals(asset.governance().domain());
    asset.domain().ifPresent(d -> layer.put(DOMAIN, d, ownDomain ? "domain" : "governance.domain"));
    boolean ownProduct =
        asset.governance().dataProduct().isEmpty()
            || !asset.dataProduct().equals(asset.governance().dataProduct());
    asset
        .dataProduct()
        .ifPresent(
            d ->
                layer.put(DATA_PRODUCT, d, ownProduct ? "dataProduct" : "governance.data_product"));
    asset.owner().ifPresent(o -> layer.put(OWNER, o, ownerPath(asset, o)));
    asset.status().ifPresent(s -> layer.put(STATUS, s, "status"));
    Set<String> dataTags = new LinkedHashSet<>(asset.tags());
    dataTags.addAll(asset.governance().tags());
    if (!dataTags.isEmpty()) {
      layer.put(
          DATA_TAGS,
          String.join(",", dataTags),
          asset.tags().isEmpty() ? "governance.tags" : "tags");
    }

    return layer.build();
  }

  private static String ownerPath(AssetDefinition asset, String owner) {
    if (asset.team().owner().isPresent()) {
      return "team.owner";
    }

    return asset.governance().owner().filter(owner::equals).isPresent()
            && asset.team().members().stream().noneMatch(m -> m.username().equals(owner))
        ? "governance.owner"
        : "team";
  }

  /** ODCS customProperties that carry FinOps facts. */
  private static TagLayer customProperties(AssetDefinition asset) {
    TagLayer.Builder layer = new TagLayer.Builder(TagSource.ASSET_CUSTOM_PROPERTIES);
    Map<String, Object> properties = asset.customProperties();
    for (String key : List.of("cost_center", "project", "business_unit")) {
      Object value = properties.get(key);
      if (value != null) {
        layer.put(camelCase(key), joined(value), "customProperties." + key);
      }
    }

    return layer.build();
  }

  private static TagLayer finops(
      TagSource source, FinOps finops, Optional<String> legacyCostCenter) {
    TagLayer.Builder layer = new TagLayer.Builder(source);
    String prefix = source == TagSource.JOB_FINOPS ? "finops." : finops.path() + ".";
    legacyCostCenter.ifPresent(c -> layer.put(COST_CENTER, c, "governance.cost_center"));
    finops.costCenter().ifPresent(c -> layer.put(COST_CENTER, c, prefix + "cost_center"));
    finops.project().ifPresent(p -> layer.put(PROJECT, p, prefix + "project"));
    if (!finops.businessTags().isEmpty()) {
      layer.put(BUSINESS_TAGS, String.join(",", finops.businessTags()), prefix + "business_tags");
    }

    finops.businessUnit().ifPresent(b -> layer.put(BUSINESS_UNIT, b, prefix + "business_unit"));
    return layer.build();
  }

  private static TagLayer assetCompliance(AssetDefinition asset) {
    TagLayer.Builder layer = new TagLayer.Builder(TagSource.ASSET_COMPLIANCE);
    // Fallbacks first, so the compliance section (written last) wins within this layer.
    Object regulations = asset.customProperties().get("regulations");
    if (regulations != null) {
      layer.put(REGULATIONS, joined(regulations), "customProperties.regulations");
    }

    Object retention = asset.customProperties().get("retention_days");
    if (retention != null) {
      layer.put(RETENTION_DAYS, joined(retention), "customProperties.retention_days");
    }

    retentionFromSla(asset)
        .ifPresent(days -> layer.put(RETENTION_DAYS, days, "slaProperties.retention"));
    var governance = asset.governance();
    classification(layer, governance.classification(), "governance.classification");
    if (!governance.regulations().isEmpty()) {
      layer.put(REGULATIONS, String.join(",", governance.regulations()), "governance.regulations");
    }

    governance
        .retentionDays()
        .ifPresent(d -> layer.put(RETENTION_DAYS, d.toString(), "governance.retention_days"));
    var compliance = asset.compliance();
    classification(layer, compliance.classification(), compliance.path() + ".classification");
    for (Column column : asset.columns()) {
      column
          .classification()
          .filter(TagDeriver::isSensitive)
          .ifPresent(
              c ->
                  layer.put(containsTag(c), "true", "schema." + column.name() + ".classification"));
    }

    if (!compliance.regulations().isEmpty()) {
      layer.put(
          REGULATIONS,
          String.join(",", compliance.regulations()),
          compliance.path() + ".regulations");
    }

    compliance
        .retentionDays()
        .ifPresent(
            d -> layer.put(RETENTION_DAYS, d.toString(), compliance.path() + ".retention_days"));
    compliance
        .encryptionRequired()
        .ifPresent(
            e ->
                layer.put(
                    ENCRYPTION_REQUIRED,
                    e.toString(),
                    compliance.path() + ".security.encryption_required"));
    return layer.build();
  }

  private static void classification(TagLayer.Builder layer, List<String> classes, String path) {
    if (classes.isEmpty()) {
      return;
    }

    layer.put(DATA_CLASSIFICATION, String.join(",", classes), path);
    classes.stream()
        .filter(TagDeriver::isSensitive)
        .forEach(c -> layer.put(containsTag(c), "true", path));
  }

  private static TagLayer overrides(JobConfig job, Optional<AssetDefinition> asset) {
    TagLayer.Builder layer = new TagLayer.Builder(TagSource.JOB_OVERRIDE);
    job.classificationOverrides()
        .forEach(
            (column, classification) -> {
              String path = "classification_overrides." + column;
              if (column.equals("default")) {
                layer.put(DATA_CLASSIFICATION, classification, path);
              }

              if (isSensitive(classification)) {
                layer.put(containsTag(classification), "true", path);
              }
            });
    GovernanceOverrides governance = job.governanceOverrides();
    governance
        .owner()
        .ifPresent(o -> layer.put(OWNER, o.isBlank() ? null : o, "governance_overrides.owner"));
    governance.domain().ifPresent(d -> layer.put(DOMAIN, d, "governance_overrides.domain"));
    governance
        .dataProduct()
        .ifPresent(d -> layer.put(DATA_PRODUCT, d, "governance_overrides.data_product"));
    if (!governance.regulations().isEmpty()) {
      layer.put(
          REGULATIONS,
          String.join(",", governance.regulations()),
          "governance_overrides.regulations");
    }

    governance
        .retentionDays()
        .ifPresent(
            d -> layer.put(RETENTION_DAYS, d.toString(), "governance_overrides.retention_days"));
    return layer.build();
  }

  private static TagLayer system(TagInputs inputs) {
    TagLayer.Builder layer = new TagLayer.Builder(TagSource.SYSTEM);
    layer.put(MANAGED_BY, "dativo", "dativo");
    layer.put(LAST_MODIFIED, timestamp(inputs.now()), "dativo (run time)");
    inputs
        .createdAt()
        .ifPresent(c -> layer.put(CREATED_AT, timestamp(c), "dativo (creation time)"));
    return layer.build();
  }

  static String timestamp(java.time.Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  static boolean isSensitive(String classification) {
    return !NOT_SENSITIVE.contains(classification.trim().toLowerCase(Locale.ROOT));
  }

  /** ODCS {@code slaProperties: [{property: retention, value: 3, unit: y}]} in days. */
  static Optional<String> retentionFromSla(AssetDefinition asset) {
    for (SlaProperty sla : asset.slaProperties()) {
      if (!sla.property().equalsIgnoreCase("retention")) {
        continue;
      }

      long days = Math.round(Double.parseDouble(sla.value()) * daysPer(sla.unit().orElse("d")));
      return Optional.of(Long.toString(days));
    }

    return Optional.empty();
  }

  private static double daysPer(String unit) {
    return switch (unit.trim().toLowerCase(Locale.ROOT)) {
      case "y", "yr", "yrs", "year", "years" -> 365;
      case "m", "mo", "month", "months" -> 30;
      case "w", "week", "weeks" -> 7;
      default -> 1;
    };
  }

  private static String joined(Object value) {
    if (value instanceof List<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }

    return String.valueOf(value);
  }
}
