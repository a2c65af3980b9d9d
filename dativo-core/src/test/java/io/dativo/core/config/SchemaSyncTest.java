package io.dativo.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schemas under {@code schemas/} declare exactly the keys the loaders accept, and every
 * shipped example validates against its schema (so editors and the loader agree).
 */
class SchemaSyncTest {
  private static final Path REPO = Path.of("..");
  private static final List<String> SCHEMAS = List.of("job", "asset", "connector");

  @Test
  void everyShapeIsASchemaDefinitionWithExactlyTheLoadersKeys() throws IOException {
    Map<String, JsonNode> definitions = new java.util.HashMap<>();
    for (String name : SCHEMAS) {
      readSchema(name)
          .get("$defs")
          .fields()
          .forEachRemaining(e -> definitions.putIfAbsent(e.getKey(), e.getValue()));
    }

    ConfigKeys.SHAPES.forEach(
        (shape, keys) -> {
          assertThat(definitions).as("schemas/*.schema.json $defs").containsKey(shape);
          JsonNode definition = definitions.get(shape);
          assertThat(new TreeSet<String>(fieldNames(definition.get("properties"))))
              .as("properties of $defs/%s", shape)
              .isEqualTo(new TreeSet<>(keys));
          assertThat(definition.get("additionalProperties").asBoolean(true)).as(shape).isFalse();
        });
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.walk(REPO.resolve("examples"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleValidatesAgainstItsSchema(Path example) throws IOException {
    String kind =
        example.toString().contains("/jobs/")
            ? "job"
            : example.toString().contains("/assets/") ? "asset" : "connector";
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema schema;
    try (InputStream in = Files.newInputStream(REPO.resolve("schemas/" + kind + ".schema.json"))) {
      schema = registry.getSchema(in);
    }

    assertThat(schema.validate(new YAMLMapper().readTree(example.toFile()))).isEmpty();
  }

  private static JsonNode readSchema(String name) throws IOException {
    return new ObjectMapper().readTree(REPO.resolve("schemas/" + name + ".schema.json").toFile());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
