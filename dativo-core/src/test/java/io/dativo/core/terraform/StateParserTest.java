package io.dativo.core.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateParserTest {
  private static final String STATE =
      """
      {
        "version": 4,
        "terraform_version": "1.11.4",
        "serial": 3,
        "lineage": "x",
        "outputs": {
          "bucket": {"value": "acme-lake", "type": "string"},
          "port": {"value": 5432, "type": "number"},
          "ratio": {"value": 0.25, "type": "number"},
          "enabled": {"value": true, "type": "bool"},
          "subnets": {"value": ["a", "b"], "type": ["tuple", ["string", "string"]]},
          "endpoint": {"value": {"host": "db", "port": 5432}, "type": ["object", {"host": "string", "port": "number"}]},
          "password": {"value": "s3cret", "type": "string", "sensitive": true}
        },
        "resources": [{"mode": "managed", "type": "terraform_data", "instances": [{"attributes": {"input": "x"}}]}],
        "check_results": null
      }
      """;

  @Test
  void readsTypedOutputsAndTheSensitiveFlag() {
    TerraformOutputs outputs = StateParser.parseState(stream(STATE), "test.tfstate", "prod");

    assertThat(outputs.names())
        .containsExactly("bucket", "enabled", "endpoint", "password", "port", "ratio", "subnets");
    assertThat(outputs.output("bucket").orElseThrow().value()).isEqualTo("acme-lake");
    assertThat(outputs.output("port").orElseThrow().value()).isEqualTo(new BigDecimal("5432"));
    assertThat(outputs.output("port").orElseThrow().text()).isEqualTo("5432");
    assertThat(outputs.output("ratio").orElseThrow().text()).isEqualTo("0.25");
    assertThat(outputs.output("enabled").orElseThrow().value()).isEqualTo(true);
    assertThat(outputs.output("subnets").orElseThrow().value()).isEqualTo(List.of("a", "b"));
    assertThat(outputs.output("endpoint").orElseThrow().value())
        .isEqualTo(Map.of("host", "db", "port", new BigDecimal("5432")));
    OutputValue password = outputs.output("password").orElseThrow();
    assertThat(password.sensitive()).isTrue();
    assertThat(password.display()).isEqualTo("(sensitive)");
    assertThat(password.forConfig()).hasToString("****");
  }

  @Test
  void readsTheOutputOfTerraformOutputJson() {
    String json =
        "{\"bucket\": {\"sensitive\": false, \"type\": \"string\", \"value\": \"b-ws1\"}}";

    TerraformOutputs outputs =
        StateParser.parseOutputJson(stream(json), "terraform output -json", "ws1");

    assertThat(outputs.output("bucket").orElseThrow().value()).isEqualTo("b-ws1");
  }

  @Test
  void refusesOtherStateVersionsClearly() {
    assertThatThrownBy(
            () ->
                StateParser.parseState(
                    stream("{\"version\": 3, \"modules\": []}"), "old.tfstate", "default"))
        .isInstanceOf(TerraformException.class)
        .hasMessageContaining(
            "Cannot read Terraform state old.tfstate: format version 3 (Dativo reads version 4)");
  }

  @Test
  void refusesFilesThatAreNoState() {
    assertThatThrownBy(() -> StateParser.parseState(stream("{\"hello\": 1}"), "x.json", "default"))
        .isInstanceOf(TerraformException.class)
        .hasMessageContaining("expected a Terraform state");
    assertThatThrownBy(() -> StateParser.parseState(stream("not json"), "x.json", "default"))
        .isInstanceOf(TerraformException.class);
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
