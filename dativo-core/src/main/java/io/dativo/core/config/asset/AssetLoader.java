package io.dativo.core.config.asset;

import static io.dativo.core.config.ConfigKeys.ASSET_LEGACY;
import static io.dativo.core.config.ConfigKeys.ASSET_ODCS;
import static io.dativo.core.config.ConfigKeys.ASSET_TARGET;
import static io.dativo.core.config.ConfigKeys.COLUMN;
import static io.dativo.core.config.ConfigKeys.COMPLIANCE;
import static io.dativo.core.config.ConfigKeys.GOVERNANCE;
import static io.dativo.core.config.ConfigKeys.SCHEMA_OBJECT;
import static io.dativo.core.config.ConfigKeys.SECURITY;

import io.dativo.core.config.ConfigException;
import io.dativo.core.config.EnvSubstitutor;
import io.dativo.core.config.FinOps;
import io.dativo.core.config.Problems;
import io.dativo.core.config.Section;
import io.dativo.core.config.Suggestions;
import io.dativo.core.config.yaml.YamlList;
import io.dativo.core.config.yaml.YamlNode;
import io.dativo.core.config.yaml.YamlReader;
import io.dativo.core.config.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Loads and validates an asset file in ODCS or legacy ({@code asset:}-wrapped) form. */
public final class AssetLoader {
  private static final Pattern API_VERSION = Pattern.compile("v?3\\.[01]\\.\\d+");
  private static final List<String> ASSET_MODES = List.of("strict", "warn");

  /** Keys that mark a file as a data contract even without apiVersion and kind. */
  private static final List<String> CONTRACT_KEYS =
      List.of(
          "name", "schema", "domain", "dataProduct", "team", "compliance", "finops", "governance");

  private final Map<String, String> env;

  public AssetLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Loads {@code file}, throwing a {@link ConfigException} with every problem found. */
  public AssetDefinition load(Path file) {
    return load(file, Optional.empty());
  }

  /**
   * Loads {@code file}; {@code jobAssetName} is the name the job gives the asset, used (with a
   * warning) when the file has none, as in the specification's fragment examples.
   */
  public AssetDefinition load(Path file, Optional<String> jobAssetName) {
    Problems problems = new Problems();
    Optional<AssetDefinition> asset = load(file, problems, jobAssetName);
    if (problems.hasErrors() || asset.isEmpty()) {
      throw new ConfigException(file, problems.errors());
    }

    return asset.get();
  }

  /** Loads {@code file}, adding problems to {@code problems}; empty when it cannot be bound. */
  public Optional<AssetDefinition> load(
      Path file, Problems problems, Optional<String> jobAssetName) {
    YamlNode root;
    try {
      root = YamlReader.read(file);
    } catch (ConfigException e) {
      problems.addAll(e.problems());
      return Optional.empty();
    }

    root = new EnvSubstitutor(env).substitute(root, problems);
    Optional<Section> top = Section.of(root, problems);
    if (top.isEmpty()) {
      return Optional.empty();
    }

    if (top.get().map().keys().equals(Set.of("asset"))) {
      return top.get()
          .section("asset")
          .flatMap(a -> bind(file, a, AssetDefinition.Format.LEGACY, jobAssetName));
    }

    return bind(file, top.get(), AssetDefinition.Format.ODCS, jobAssetName);
  }

  private Optional<AssetDefinition> bind(
      Path file, Section asset, AssetDefinition.Format format, Optional<String> jobAssetName) {
    Problems problems = asset.problems();
    boolean odcs = format == AssetDefinition.Format.ODCS;
    asset.rejectUnknownKeys(odcs ? ASSET_ODCS : ASSET_LEGACY);
    if (odcs) {
      checkOdcsHeader(asset);
    }

    Optional<String> name = asset.string("name").filter(n -> !n.isBlank());
    if (name.isEmpty() && jobAssetName.filter(n -> !n.isBlank()).isPresent()) {
      name = jobAssetName;
      problems.warn(
          asset.map().location(),
          asset.childPath("name"),
          "no name: the asset takes the job's name '" + name.get() + "'",
          "add name: " + name.get());
    } else if (name.isEmpty()) {
      asset.requiredString("name", "the asset's name, as the job's 'asset' names it");
    }

    List<SchemaObject> schema = bindSchema(asset);
    Team team = asset.node("team").map(n -> bindTeam(n, problems)).orElse(Team.NONE);
    FinOps finops = asset.section("finops").map(FinOps::bind).orElse(FinOps.NONE);
    Compliance compliance =
        asset.section("compliance").map(this::bindCompliance).orElse(Compliance.NONE);
    Governance governance =
        asset.section("governance").map(this::bindGovernance).orElse(Governance.NONE);
    AssetTarget target = asset.section("target").map(this::bindTarget).orElse(AssetTarget.NONE);
    checkPartitioning(asset, target, schema);
    if (name.isEmpty()) {
      return Optional.empty();
    }

    return Optional.of(
        new AssetDefinition(
            file,
            format,
            asset.string("apiVersion"),
            asset.string("id"),
            name.get(),
            asset.string("version"),
            asset.string("status"),
            asset.string("tenant"),
            asset.string("domain").or(governance::domain),
            asset.string("dataProduct").or(governance::dataProduct),
            asset.string("source_type"),
            asset.string("object"),
            schema,
            team,
            compliance,
            finops,
            governance,
            asset.stringList("tags"),
            customProperties(asset),
            slaProperties(asset),
            target));
  }

  private void checkOdcsHeader(Section asset) {
    Problems problems = asset.problems();
    if (!asset.has("apiVersion") && !asset.has("kind")) {
      if (CONTRACT_KEYS.stream().noneMatch(asset::has)) {
        problems.error(
            asset.map(),
            "not an asset: expected an ODCS data contract (apiVersion, kind: DataContract, name,"
                + " schema) or the legacy form under an 'asset:' key",
            "see examples/assets/ for both forms");
      } else {
        problems.warn(
            asset.map().location(),
            "",
            "no apiVersion or kind: read as an ODCS v3.0.2 data contract",
            "add apiVersion: v3.0.2 and kind: DataContract");
      }

      return;
    }

    asset
        .requiredString("apiVersion", "v3.0.2 (ODCS v3.0.x and v3.1.x are accepted)")
        .filter(v -> !API_VERSION.matcher(v).matches())
        .ifPresent(
            v ->
                problems.error(
                    asset.node("apiVersion").orElseThrow(),
                    "unsupported ODCS apiVersion '" + v + "': expected v3.0.x or v3.1.x",
                    "write apiVersion: v3.0.2"));
    asset
        .requiredString("kind", "kind: DataContract")
        .filter(k -> !k.equals("DataContract"))
        .ifPresent(
            k ->
                problems.error(
                    asset.node("kind").orElseThrow(),
                    "unsupported kind '" + k + "': expected DataContract",
                    null));
  }

  private List<SchemaObject> bindSchema(Section asset) {
    Optional<YamlNode> node = asset.node("schema");
    if (node.isEmpty()) {
      return List.of();
    }

    if (!(node.get() instanceof YamlList list)) {
      asset.problems().error(node.get(), "expected a list, found " + node.get().kind(), null);
      return List.of();
    }

    List<SchemaObject> objects = new ArrayList<>();
    List<Column> looseColumns = new ArrayList<>();
    for (YamlNode item : list.items()) {
      Section.of(item, asset.problems())
          .ifPresent(
              section -> {
                if (section.has("properties") && !section.has("type")) {
                  objects.add(bindObject(section));
                } else {
                  bindColumn(section).ifPresent(looseColumns::add);
                }
              });
    }

    if (!looseColumns.isEmpty()) {
      objects.add(0, new SchemaObject(Optional.empty(), Optional.empty(), looseColumns));
    }

    checkUniqueColumns(objects, asset.problems());
    return objects;
  }

  private SchemaObject bindObject(Section object) {
    object.rejectUnknownKeys(SCHEMA_OBJECT);
    List<Column> columns = new ArrayList<>();
    YamlNode properties = object.node("properties").orElseThrow();
    if (properties instanceof YamlList list) {
      for (YamlNode item : list.items()) {
        Section.of(item, object.problems()).flatMap(this::bindColumn).ifPresent(columns::add);
      }
    } else {
      object
          .problems()
          .error(properties, "expected a list of properties, found " + properties.kind());
    }

    return new SchemaObject(object.string("name"), object.string("physicalName"), columns);
  }

  private Optional<Column> bindColumn(Section column) {
    column.rejectUnknownKeys(COLUMN);
    Problems problems = column.problems();
    Optional<String> name = column.requiredString("name", null);
    Optional<String> declared = column.string("logicalType").or(() -> column.string("type"));
    if (column.has("logicalType") && column.has("type")) {
      problems.error(
          column.node("type").orElseThrow(),
          "both 'type' and 'logicalType' are set",
          "keep logicalType (ODCS); 'type' is the legacy name");
    }

    if (declared.isEmpty()) {
      problems.error(
          column.map().location(),
          column.childPath("logicalType"),
          "required key is missing" + (name.map(n -> " for column '" + n + "'").orElse("")),
          "one of: string, integer, number, boolean, date, timestamp, object, array");
      return Optional.empty();
    }

    Optional<LogicalType> type = LogicalType.parse(declared.get());
    if (type.isEmpty()) {
      YamlNode typeNode = column.node("logicalType").or(() -> column.node("type")).orElseThrow();
      problems.error(
          typeNode,
          "unknown type '" + declared.get() + "'",
          Suggestions.hint(declared.get(), LogicalType.acceptedNames()));
      return Optional.empty();
    }

    boolean required =
        column.bool("required").orElseGet(() -> column.bool("nullable").map(n -> !n).orElse(false));
    if (name.isEmpty()) {
      return Optional.empty();
    }

    return Optional.of(
        new Column(
            name.get(),
            type.get(),
            declared.get(),
            column.string("physicalType"),
            required,
            column.bool("primaryKey").orElse(false),
            column.integer("primaryKeyPosition"),
            column.string("classification"),
            column.string("description"),
            column.map().location()));
  }

  private static void checkUniqueColumns(List<SchemaObject> objects, Problems problems) {
    for (SchemaObject object : objects) {
      Set<String> seen = new HashSet<>();
      for (Column column : object.columns()) {
        if (!seen.add(column.name())) {
          problems.error(
              column.location(),
              "schema",
              "duplicate column '" + column.name() + "'",
              "column names must be unique within a schema object");
        }
      }
    }
  }

  static Team bindTeam(YamlNode node, Problems problems) {
    if (node instanceof YamlList list) {
      return new Team(Optional.empty(), Optional.empty(), members(list, problems));
    }

    return Section.of(node, problems)
        .map(
            team -> {
              team.rejectUnknownKeys(List.of("owner", "name", "description", "members", "roles"));
              List<Team.Member> members = new ArrayList<>();
              team.node("members")
                  .filter(YamlList.class::isInstance)
                  .ifPresent(m -> members.addAll(members((YamlList) m, problems)));
              return new Team(team.string("owner"), team.string("name"), members);
            })
        .orElse(Team.NONE);
  }

  private static List<Team.Member> members(YamlList list, Problems problems) {
    List<Team.Member> members = new ArrayList<>();
    for (YamlNode item : list.items()) {
      Section.of(item, problems)
          .ifPresent(
              member -> {
                Optional<String> who =
                    member
                        .string("username")
                        .or(() -> member.string("email"))
                        .or(() -> member.string("name"));
                if (who.isEmpty()) {
                  problems.error(member.map(), "a team member needs a username (or email)", null);
                } else {
                  members.add(new Team.Member(who.get(), member.string("role")));
                }
              });
    }

    return members;
  }

  private Compliance bindCompliance(Section compliance) {
    compliance.rejectUnknownKeys(COMPLIANCE);
    Optional<Section> security = compliance.section("security");
    security.ifPresent(s -> s.rejectUnknownKeys(SECURITY));
    Optional<Long> retention = compliance.integer("retention_days");
    checkPositive(compliance, "retention_days", retention);
    return new Compliance(
        compliance.stringList("classification"),
        compliance.stringList("regulations"),
        retention,
        security.flatMap(s -> s.bool("encryption_required")),
        compliance.bool("user_consent_required"),
        compliance.map().path());
  }

  private Governance bindGovernance(Section governance) {
    governance.rejectUnknownKeys(GOVERNANCE);
    Optional<Long> retention = governance.integer("retention_days");
    checkPositive(governance, "retention_days", retention);
    return new Governance(
        governance.string("owner"),
        governance.string("steward"),
        governance.stringList("tags"),
        governance.stringList("classification"),
        retention,
        governance.stringList("regulations"),
        governance.string("cost_center"),
        governance.string("domain"),
        governance.string("data_product"),
        governance.map().path());
  }

  private AssetTarget bindTarget(Section target) {
    target.rejectUnknownKeys(ASSET_TARGET);
    Optional<String> mode = target.string("mode");
    mode.filter(m -> !ASSET_MODES.contains(m))
        .ifPresent(
            m ->
                target
                    .problems()
                    .error(
                        target.node("mode").orElseThrow(),
                        "unknown mode '" + m + "'",
                        Suggestions.hint(m, ASSET_MODES)));
    Optional<String> format = target.string("file_format");
    format
        .filter(f -> !f.equals("parquet"))
        .ifPresent(
            f ->
                target
                    .problems()
                    .error(
                        target.node("file_format").orElseThrow(),
                        "unsupported file_format '" + f + "': Dativo writes parquet",
                        null));
    return new AssetTarget(format, target.stringList("partitioning"), mode);
  }

  /** Partition columns must exist, except {@code ingest_date}, which Dativo adds. */
  private static void checkPartitioning(
      Section asset, AssetTarget target, List<SchemaObject> schema) {
    if (schema.isEmpty() || target.partitioning().isEmpty()) {
      return;
    }

    Set<String> columns = new HashSet<>();
    schema.forEach(o -> o.columns().forEach(c -> columns.add(c.name())));
    columns.add("ingest_date");
    YamlNode node = asset.section("target").flatMap(t -> t.node("partitioning")).orElseThrow();
    for (String column : target.partitioning()) {
      if (!columns.contains(column)) {
        asset
            .problems()
            .error(
                node,
                "partition column '" + column + "' is not in the schema",
                Suggestions.hint(column, columns.stream().sorted().toList()));
      }
    }
  }

  private static void checkPositive(Section section, String key, Optional<Long> value) {
    value
        .filter(v -> v < 0)
        .ifPresent(
            v -> section.problems().error(section.node(key).orElseThrow(), "must not be negative"));
  }

  /**
   * ODCS {@code customProperties}: a list of {property, value}; a plain mapping is accepted too.
   */
  private static Map<String, Object> customProperties(Section asset) {
    Optional<YamlNode> node = asset.node("customProperties");
    Map<String, Object> properties = new LinkedHashMap<>();
    if (node.isEmpty()) {
      return properties;
    }

    if (node.get() instanceof YamlList list) {
      for (YamlNode item : list.items()) {
        Section.of(item, asset.problems())
            .ifPresent(
                entry -> {
                  Optional<String> property = entry.requiredString("property", null);
                  property.ifPresent(p -> properties.put(p, entry.plain("value").orElse(null)));
                });
      }

      return properties;
    }

    return asset.plainMap("customProperties");
  }

  private static List<SlaProperty> slaProperties(Section asset) {
    Optional<YamlNode> node = asset.node("slaProperties");
    List<SlaProperty> properties = new ArrayList<>();
    if (node.isEmpty()) {
      return properties;
    }

    if (!(node.get() instanceof YamlList list)) {
      asset
          .problems()
          .error(node.get(), "expected a list of SLA properties, found " + node.get().kind());
      return properties;
    }

    for (YamlNode item : list.items()) {
      Section.of(item, asset.problems())
          .ifPresent(
              sla -> {
                Optional<String> property = sla.requiredString("property", null);
                Optional<String> value =
                    sla.node("value")
                        .filter(YamlScalar.class::isInstance)
                        .map(v -> ((YamlScalar) v).value());
                if (property.filter("retention"::equalsIgnoreCase).isPresent()
                    && value.filter(v -> v.matches("\\d+(\\.\\d+)?")).isEmpty()) {
                  sla.problems()
                      .error(
                          sla.node("value").orElse(sla.map()),
                          "a retention SLA needs a number, found "
                              + value.map(v -> "'" + v + "'").orElse("nothing"),
                          "for example {property: retention, value: 3, unit: y}");
                } else if (property.isPresent() && value.isPresent()) {
                  properties.add(
                      new SlaProperty(
                          property.get(), value.get(), sla.string("unit"), sla.string("element")));
                } else if (property.isPresent()) {
                  sla.problems().error(sla.map(), "an SLA property needs a value", null);
                }
              });
    }

    return properties;
  }
}
