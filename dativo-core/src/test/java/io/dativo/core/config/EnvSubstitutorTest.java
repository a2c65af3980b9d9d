package io.dativo.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.config.yaml.YamlNode;
import io.dativo.core.config.yaml.YamlReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvSubstitutorTest {
  private static final Map<String, String> ENV =
      Map.of("BUCKET", "b1", "EMPTY", "", "REGION", "eu-west-1");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "${BUCKET}|b1",
        "s3://${BUCKET}/raw|s3://b1/raw",
        "${MISSING:-fallback}|fallback",
        "${BUCKET:-fallback}|b1",
        "${EMPTY:-fallback}|fallback",
        "${MISSING:-}|''",
        "$${BUCKET}|${BUCKET}",
        "${BUCKET}-${REGION}|b1-eu-west-1",
        "no reference|no reference",
        "cost $5|cost $5"
      })
  void substitutesReferences(String raw, String expected) {
    Problems problems = new Problems();

    Object value = substitute("key: \"" + raw + "\"", problems);

    assertThat(problems.errors()).isEmpty();
    assertThat(value).isEqualTo(expected.equals("''") ? "" : expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "${NOT_SET}|environment variable NOT_SET is not set",
        "${1BAD}|not a variable reference",
        "${unclosed|not a variable reference"
      })
  void reportsBadReferencesAtTheirLocation(String raw, String message) {
    Problems problems = new Problems();

    substitute("first: 1\nkey: \"" + raw + "\"", problems);

    assertThat(problems.errors())
        .singleElement()
        .asString()
        .contains("test.yaml:2:6: key: ")
        .contains(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"port: 5432", "enabled: true", "ratio: 0.5"})
  void leavesNonStringScalarsAlone(String yaml) {
    Problems problems = new Problems();
    YamlNode node = YamlReader.read(Path.of("test.yaml"), yaml);

    assertThat(new EnvSubstitutor(ENV).substitute(node, problems)).isEqualTo(node);
  }

  private static Object substitute(String yaml, Problems problems) {
    YamlNode node = YamlReader.read(Path.of("test.yaml"), yaml);
    @SuppressWarnings("unchecked")
    Map<String, Object> plain =
        (Map<String, Object>) new EnvSubstitutor(ENV).substitute(node, problems).toPlain();
    return plain.get("key");
  }
}
