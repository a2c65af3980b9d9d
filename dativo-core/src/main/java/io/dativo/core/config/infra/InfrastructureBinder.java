package io.dativo.core.config.infra;

import static io.dativo.core.config.ConfigKeys.INFRASTRUCTURE;
import static io.dativo.core.config.ConfigKeys.METADATA_STRUCTURED;
import static io.dativo.core.config.ConfigKeys.PROVIDER;
import static io.dativo.core.config.ConfigKeys.RESOURCE;
import static io.dativo.core.config.ConfigKeys.SERVICE_RESOURCES;

import io.dativo.core.config.Problems;
import io.dativo.core.config.Section;
import io.dativo.core.config.Suggestions;
import io.dativo.core.config.yaml.Location;
import io.dativo.core.config.yaml.YamlList;
import io.dativo.core.config.yaml.YamlMap;
import io.dativo.core.config.yaml.YamlNode;
import io.dativo.core.config.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds and validates an {@code infrastructure} block written in either seed shape. */
public final class InfrastructureBinder {
  /** IaC tools seed 000 names in {@code infrastructure.provider}. */
  public static final List<String> IAC_TOOLS = List.of("terraform", "cloudformation", "pulumi");

  private final Path jobFile;
  private final Problems problems;

  public InfrastructureBinder(Path jobFile, Problems problems) {
    this.jobFile = jobFile;
    this.problems = problems;
  }

  public Optional<Infrastructure> bind(YamlNode node) {
    Optional<Section> maybe = Section.of(node, problems);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }

    Section infra = maybe.get();
    infra.rejectUnknownKeys(INFRASTRUCTURE);
    Set<Infrastructure.SeedShape> shapes = EnumSet.noneOf(Infrastructure.SeedShape.class);
    ProviderParts provider = bindProvider(infra, shapes);
    Optional<RuntimeSpec> runtime = infra.section("runtime").map(RuntimeBinder::bind);
    runtime.ifPresent(r -> shapes.add(Infrastructure.SeedShape.IAC_RUNTIME));
    Optional<TerraformSpec> terraform =
        infra
            .section("terraform")
            .map(t -> new TerraformBinder(jobFile, problems).bind(t, infra.section("outputs")));
    if (terraform.isEmpty() && infra.has("outputs")) {
      problems.error(
          infra.node("outputs").orElseThrow(),
          "outputs need a terraform block to read them from",
          "add infrastructure.terraform with module_path (or move outputs under it)");
    }

    CloudChoice choice = chooseCloud(infra, provider, runtime);
    InfraTags tags = bindTags(infra);
    InfraMetadata metadata = bindMetadata(infra);
    Map<String, Object> services = bindServices(infra);
    validateProviderRequirements(infra, choice, provider);
    Optional<String> iacTool = provider.iacTool;
    if (iacTool.isEmpty() && terraform.isPresent()) {
      iacTool = Optional.of("terraform");
    }

    return Optional.of(
        new Infrastructure(
            iacTool,
            choice.cloud,
            choice.origin,
            provider.region,
            provider.accountId,
            provider.projectId,
            provider.subscriptionId,
            provider.resources,
            terraform,
            runtime,
            tags,
            metadata,
            services,
            shapes));
  }

  /** What the {@code provider} key said, in whichever shape. */
  private record ProviderParts(
      Optional<String> iacTool,
      Optional<Cloud> cloud,
      Optional<YamlNode> cloudNode,
      Optional<String> region,
      Optional<String> accountId,
      Optional<String> projectId,
      Optional<String> subscriptionId,
      List<ResourceSpec> resources) {

    static ProviderParts none() {
      return new ProviderParts(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of());
    }
  }

  private record CloudChoice(Optional<Cloud> cloud, CloudOrigin origin) {}

  private ProviderParts bindProvider(Section infra, Set<Infrastructure.SeedShape> shapes) {
    Optional<YamlNode> node = infra.node("provider");
    if (node.isEmpty()) {
      return ProviderParts.none();
    }

    if (node.get() instanceof YamlScalar scalar) {
      shapes.add(Infrastructure.SeedShape.IAC_RUNTIME);
      return bindProviderName(scalar);
    }

    shapes.add(Infrastructure.SeedShape.CLOUD_PROVIDER);
    Optional<Section> maybe = Section.of(node.get(), problems);
    if (maybe.isEmpty()) {
      return ProviderParts.none();
    }

    Section provider = maybe.get();
    provider.rejectUnknownKeys(PROVIDER);
    Optional<Cloud> cloud = Optional.empty();
    Optional<String> name =
        provider.requiredString("provider", "the cloud: one of " + String.join(", ", Cloud.ids()));
    if (name.isPresent()) {
      cloud = Cloud.fromId(name.get());
      if (cloud.isEmpty()) {
        problems.error(
            provider.node("provider").orElseThrow(),
            "unknown cloud '" + name.get() + "': expected one of " + String.join(", ", Cloud.ids()),
            IAC_TOOLS.contains(name.get())
                ? "'"
                    + name.get()
                    + "' is an IaC tool: write it as infrastructure.provider: "
                    + name.get()
                    + " (seed 000 shape), or name the cloud here"
                : Suggestions.closest(name.get(), Cloud.ids())
                    .map(c -> "did you mean '" + c + "'?")
                    .orElse(null));
      }
    }

    List<ResourceSpec> resources = bindResources(provider, cloud);
    return new ProviderParts(
        Optional.empty(),
        cloud,
        provider.node("provider"),
        provider.string("region"),
        provider.string("account_id"),
        provider.string("project_id"),
        provider.string("subscription_id"),
        resources);
  }

  /** Seed 000: {@code provider: terraform}. A cloud name here is accepted as the cloud. */
  private ProviderParts bindProviderName(YamlScalar scalar) {
    String value = scalar.value().trim();
    Optional<Cloud> cloud = Cloud.fromId(value);
    if (cloud.isPresent()) {
      return new ProviderParts(
          Optional.empty(),
          cloud,
          Optional.of(scalar),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of());
    }

    if (!IAC_TOOLS.contains(value)) {
      List<String> allowed = new ArrayList<>(IAC_TOOLS);
      allowed.addAll(Cloud.ids());
      problems.error(
          scalar,
          "unknown provider '"
              + value
              + "': expected an IaC tool ("
              + String.join(", ", IAC_TOOLS)
              + ") or a cloud ("
              + String.join(", ", Cloud.ids())
              + ")",
          Suggestions.closest(value, allowed)
              .map(c -> "did you mean '" + c + "'?")
              .orElse("or write provider: {provider: aws, region: ...} (seed 002 shape)"));
      return ProviderParts.none();
    }

    return new ProviderParts(
        Optional.of(value),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  private List<ResourceSpec> bindResources(Section provider, Optional<Cloud> cloud) {
    Optional<YamlNode> node = provider.node("resources");
    if (node.isEmpty()) {
      return List.of();
    }

    if (!(node.get() instanceof YamlList list)) {
      problems.error(node.get(), "expected a list of resources, found " + node.get().kind());
      return List.of();
    }

    List<ResourceSpec> resources = new ArrayList<>();
    for (YamlNode item : list.items()) {
      Section.of(item, problems).flatMap(r -> bindResource(r, cloud)).ifPresent(resources::add);
    }

    return resources;
  }

  private Optional<ResourceSpec> bindResource(Section resource, Optional<Cloud> cloud) {
    resource.rejectUnknownKeys(RESOURCE);
    List<String> allowedTypes = cloud.map(ResourceType::idsFor).orElse(ResourceType.ids());
    Optional<String> typeName =
        resource.requiredString("resource_type", "one of " + String.join(", ", allowedTypes));
    Optional<String> id = resource.requiredString("resource_id", null);
    Optional<String> name = resource.string("resource_name");
    Map<String, String> tags = resource.stringMap("tags");
    if (typeName.isEmpty()) {
      return Optional.empty();
    }

    YamlNode typeNode = resource.node("resource_type").orElseThrow();
    Optional<ResourceType> type = ResourceType.fromId(typeName.get());
    if (type.isEmpty()) {
      problems.error(
          typeNode,
          "unknown resource type '" + typeName.get() + "'",
          Suggestions.hint(typeName.get(), allowedTypes));
      return Optional.empty();
    }

    if (cloud.isPresent() && type.get().cloud() != cloud.get()) {
      problems.error(
          typeNode,
          "resource type '"
              + typeName.get()
              + "' belongs to "
              + type.get().cloud().id()
              + ", but this provider is "
              + cloud.get().id(),
          "resource types for " + cloud.get().id() + ": " + String.join(", ", allowedTypes));
    }

    if (id.isPresent()) {
      checkResourceId(resource, type.get(), id.get(), name);
    }

    return id.map(
        value ->
            new ResourceSpec(
                type.get(),
                value,
                name,
                resource.string("region"),
                tags,
                resource.map().location()));
  }

  private void checkResourceId(
      Section resource, ResourceType type, String id, Optional<String> name) {
    YamlNode idNode = resource.node("resource_id").orElseThrow();
    Optional<String> nameInId = type.nameIn(id);
    if (nameInId.isEmpty()) {
      problems.error(
          idNode, "malformed " + type.id() + " id '" + id + "': expected " + type.expected(), null);
      return;
    }

    if (name.isPresent() && !name.get().equals(nameInId.get())) {
      problems.error(
          resource.node("resource_name").orElseThrow(),
          "resource_name '"
              + name.get()
              + "' does not match the name in resource_id ('"
              + nameInId.get()
              + "')",
          "make them name the same resource, or drop resource_name");
    }
  }

  private CloudChoice chooseCloud(
      Section infra, ProviderParts provider, Optional<RuntimeSpec> runtime) {
    Optional<String> platform = runtime.flatMap(RuntimeSpec::platform);
    Optional<Cloud> fromPlatform = platform.flatMap(Cloud::fromPlatform);
    Optional<String> bucket =
        runtime.flatMap(RuntimeSpec::storage).flatMap(RuntimeSpec.Storage::bucket);
    Optional<Cloud> fromBucket = bucket.flatMap(Cloud::fromStorageUri);
    Optional<YamlNode> runtimeNode = infra.section("runtime").map(Section::map);
    if (platform.isPresent() && fromPlatform.isEmpty()) {
      String value = platform.get().trim().toLowerCase(java.util.Locale.ROOT);
      if (!Cloud.CLOUD_NEUTRAL_PLATFORMS.contains(value)) {
        List<String> known = new ArrayList<>(Cloud.PLATFORMS.keySet().stream().sorted().toList());
        known.addAll(Cloud.CLOUD_NEUTRAL_PLATFORMS);
        problems.error(
            platformNode(runtimeNode),
            "unknown platform '" + platform.get() + "'",
            Suggestions.hint(value, known));
      }
    }

    if (provider.cloud.isPresent()) {
      Cloud declared = provider.cloud.get();
      fromPlatform
          .filter(c -> c != declared)
          .ifPresent(
              c ->
                  problems.error(
                      platformNode(runtimeNode),
                      "platform '"
                          + platform.get()
                          + "' runs on "
                          + c.id()
                          + ", but the provider is "
                          + declared.id(),
                      "use a " + declared.id() + " platform, or change the provider"));
      fromBucket
          .filter(c -> c != declared)
          .ifPresent(
              c ->
                  problems.error(
                      bucketNode(runtimeNode),
                      "bucket '"
                          + bucket.get()
                          + "' is on "
                          + c.id()
                          + ", but the provider is "
                          + declared.id(),
                      null));
      return new CloudChoice(Optional.of(declared), CloudOrigin.DECLARED);
    }

    if (fromPlatform.isPresent()) {
      fromBucket
          .filter(c -> c != fromPlatform.get())
          .ifPresent(
              c ->
                  problems.error(
                      bucketNode(runtimeNode),
                      "bucket '"
                          + bucket.get()
                          + "' is on "
                          + c.id()
                          + ", but platform '"
                          + platform.get()
                          + "' runs on "
                          + fromPlatform.get().id(),
                      null));
      return new CloudChoice(fromPlatform, CloudOrigin.PLATFORM);
    }

    if (fromBucket.isPresent()) {
      return new CloudChoice(fromBucket, CloudOrigin.STORAGE_SCHEME);
    }

    return new CloudChoice(Optional.empty(), CloudOrigin.UNKNOWN);
  }

  private YamlNode platformNode(Optional<YamlNode> runtimeNode) {
    return runtimeNode
        .flatMap(r -> ((YamlMap) r).get("platform"))
        .orElseGet(() -> runtimeNode.orElseThrow());
  }

  private YamlNode bucketNode(Optional<YamlNode> runtimeNode) {
    return runtimeNode
        .flatMap(r -> ((YamlMap) r).get("storage"))
        .flatMap(s -> s instanceof YamlMap m ? m.get("bucket") : Optional.empty())
        .orElseGet(() -> runtimeNode.orElseThrow());
  }

  private void validateProviderRequirements(
      Section infra, CloudChoice choice, ProviderParts provider) {
    if (choice.cloud.isEmpty() || provider.cloudNode.isEmpty()) {
      return;
    }

    Cloud cloud = choice.cloud.get();
    YamlNode providerNode = infra.node("provider").orElseThrow();
    if (!(providerNode instanceof YamlMap providerMap)) {
      return;
    }

    Location at = providerMap.location();
    if (cloud == Cloud.AWS && provider.region.isEmpty()) {
      problems.error(
          at,
          "infrastructure.provider.region",
          "required for aws",
          "add region: us-east-1, the region of the job's resources");
    }

    if (cloud == Cloud.GCP && provider.projectId.isEmpty()) {
      problems.error(
          at,
          "infrastructure.provider.project_id",
          "required for gcp",
          "add project_id: my-gcp-project");
    }

    provider.accountId.ifPresent(
        id -> {
          if (cloud == Cloud.AWS && !id.matches("\\d{12}")) {
            problems.error(
                providerMap.get("account_id").orElseThrow(),
                "malformed AWS account id '" + id + "': expected 12 digits",
                "quote it (account_id: \"012345678901\") so YAML keeps leading zeros");
          }
        });
    provider.projectId.ifPresent(
        id -> {
          if (!id.matches("[a-z][a-z0-9-]{4,28}[a-z0-9]")) {
            problems.error(
                providerMap.get("project_id").orElseThrow(),
                "malformed GCP project id '"
                    + id
                    + "': expected 6-30 lowercase letters, digits and hyphens, starting with a"
                    + " letter",
                null);
          }
        });
    if (cloud != Cloud.AWS && provider.accountId.isPresent()) {
      problems.error(
          providerMap.get("account_id").orElseThrow(),
          "account_id is an AWS setting, but the provider is " + cloud.id(),
          cloud == Cloud.GCP ? "use project_id" : "use subscription_id");
    }
  }

  private InfraTags bindTags(Section infra) {
    List<TagEntry> declared = new ArrayList<>();
    List<TagEntry> custom = new ArrayList<>();
    infra
        .section("tags")
        .ifPresent(
            tags ->
                tags.map()
                    .entries()
                    .forEach(
                        (key, entry) -> {
                          if (key.equals("custom")) {
                            Section.of(entry.value(), problems)
                                .ifPresent(c -> custom.addAll(tagEntries(c)));
                          } else {
                            tagEntry(key, entry.value()).ifPresent(declared::add);
                          }
                        }));
    List<TagEntry> metadataTags =
        infra
            .section("metadata")
            .flatMap(m -> m.section("tags"))
            .map(this::tagEntries)
            .orElse(List.of());
    return new InfraTags(declared, custom, metadataTags);
  }

  private List<TagEntry> tagEntries(Section section) {
    List<TagEntry> entries = new ArrayList<>();
    section
        .map()
        .entries()
        .forEach((key, entry) -> tagEntry(key, entry.value()).ifPresent(entries::add));
    return entries;
  }

  private Optional<TagEntry> tagEntry(String key, YamlNode value) {
    if (value instanceof YamlScalar secret && secret.type() == YamlScalar.ScalarType.SECRET) {
      problems.error(
          value,
          "a sensitive Terraform output cannot be a tag (tags are visible to anyone who can list the resource)",
          "map the output somewhere else, or make it non-sensitive in Terraform");
      return Optional.empty();
    }

    if (value instanceof YamlScalar scalar && !scalar.isNull()) {
      return Optional.of(new TagEntry(key, scalar.value(), value.path(), value.location()));
    }

    if (value instanceof YamlList) {
      List<String> items = listOf(value);
      return Optional.of(
          new TagEntry(key, String.join(",", items), value.path(), value.location()));
    }

    problems.error(
        value,
        "a tag value must be a string or a list of strings, found " + value.kind(),
        value instanceof YamlScalar ? "give it a value or remove the key" : null);
    return Optional.empty();
  }

  private List<String> listOf(YamlNode node) {
    List<String> items = new ArrayList<>();
    for (YamlNode item : ((YamlList) node).items()) {
      if (item instanceof YamlScalar scalar && !scalar.isNull()) {
        items.add(scalar.value());
      } else {
        problems.error(item, "a tag list may only hold strings, found " + item.kind());
      }
    }

    return items;
  }

  private InfraMetadata bindMetadata(Section infra) {
    Optional<Section> maybe = infra.section("metadata");
    if (maybe.isEmpty()) {
      return InfraMetadata.NONE;
    }

    Section metadata = maybe.get();
    Map<String, Object> values = new LinkedHashMap<>();
    metadata
        .map()
        .entries()
        .forEach(
            (key, entry) -> {
              if (!METADATA_STRUCTURED.contains(key)) {
                values.put(key, entry.value().toPlain());
              }
            });
    return new InfraMetadata(
        values,
        metadata.stringMap("labels"),
        metadata.stringMap("annotations"),
        metadata.plainMap("variables"));
  }

  private Map<String, Object> bindServices(Section infra) {
    Optional<YamlNode> node = infra.node("resources");
    if (node.isEmpty()) {
      return Map.of();
    }

    if (node.get() instanceof YamlList) {
      problems.error(
          node.get(),
          "a list of resources belongs under infrastructure.provider.resources",
          "move it there (seed 002 shape); infrastructure.resources maps database, cache, queue"
              + " and secrets (seed 000 shape)");
      return Map.of();
    }

    return Section.of(node.get(), problems)
        .map(
            services -> {
              services.rejectUnknownKeys(SERVICE_RESOURCES);
              @SuppressWarnings("unchecked")
              Map<String, Object> plain = (Map<String, Object>) services.map().toPlain();
              return plain;
            })
        .orElse(Map.of());
  }
}
