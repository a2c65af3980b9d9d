package io.dativo.core.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dativo.core.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
  private static final Path FILE = Path.of("job.yaml");

  @Test
  void remembersLineColumnAndPathOfEveryValue() {
    YamlMap root =
        (YamlMap)
            YamlReader.read(
                FILE,
                "tenant_id: acme\ninfrastructure:\n  provider:\n    resources:\n      - resource_id: x\n");

    YamlMap resource =
        (YamlMap)
            ((YamlList)
                    ((YamlMap)
                            ((YamlMap) root.get("infrastructure").orElseThrow())
                                .get("provider")
                                .orElseThrow())
                        .get("resources")
                        .orElseThrow())
                .items()
                .get(0);
    YamlNode id = resource.get("resource_id").orElseThrow();

    assertThat(id.location()).isEqualTo(new Location(FILE, 5, 22));
    assertThat(id.path()).isEqualTo("infrastructure.provider.resources[0].resource_id");
  }

  @Test
  void keepsQuotedNumbersAsStrings() {
    YamlMap root = (YamlMap) YamlReader.read(FILE, "account_id: \"012345678901\"\ncount: 8\n");

    assertThat(root.toPlain()).isEqualTo(Map.of("account_id", "012345678901", "count", 8L));
  }

  @Test
  void appliesMergeKeysWithoutOverridingExplicitKeys() {
    YamlMap root =
        (YamlMap)
            YamlReader.read(
                FILE,
                "base: &b {region: us-east-1, tier: gold}\nchild:\n  <<: *b\n  tier: silver\n");

    assertThat(root.toPlain())
        .extracting("child")
        .isEqualTo(Map.of("region", "us-east-1", "tier", "silver"));
  }

  @Test
  void rejectsDuplicateKeysNamingBothLines() {
    assertThatThrownBy(() -> YamlReader.read(FILE, "a: 1\nb: 2\na: 3\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("job.yaml:3:1: a: duplicate key (first set at line 1)");
  }

  @Test
  void reportsSyntaxErrorsWithTheirLine() {
    assertThatThrownBy(() -> YamlReader.read(FILE, "a: 1\n  b: 2\nc: [unclosed\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("job.yaml:2:4: Invalid YAML: mapping values are not allowed here");
  }

  @Test
  void rejectsAnEmptyDocument() {
    assertThatThrownBy(() -> YamlReader.read(FILE, "# only a comment\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Cannot load an empty document");
  }
}
