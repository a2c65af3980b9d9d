package io.dativo.core.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HclWriterTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "plain|\"plain\"",
        "say \"hi\"|\"say \\\"hi\\\"\"",
        "back\\slash|\"back\\\\slash\"",
        "${var.x}|\"$${var.x}\"",
        "%{if x}|\"%%{if x}\"",
        "cost $5|\"cost $5\"",
        "Zürich ✓|\"Zürich ✓\""
      })
  void escapesStrings(String text, String hcl) {
    assertThat(HclWriter.string(text)).isEqualTo(hcl);
  }

  @Test
  void escapesControlCharacters() {
    assertThat(HclWriter.string("a\nb\tc\u0001")).isEqualTo("\"a\\nb\\tc\\u0001\"");
  }

  @Test
  void alignsLikeTerraformFmt() {
    Map<String, Object> tags = new LinkedHashMap<>();
    tags.put("TenantId", "acme");
    tags.put("CostCenter", "FIN-001");
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("tenant_id", "acme");
    variables.put("environment", "prod");
    variables.put("tags", tags);
    variables.put("instance_count", new BigDecimal("8"));
    variables.put("subnet_ids", List.of("subnet-1", "subnet-2"));
    variables.put("enabled", true);

    assertThat(HclWriter.write(variables))
        .isEqualTo(
            """
            tenant_id   = "acme"
            environment = "prod"

            tags = {
              "TenantId"   = "acme"
              "CostCenter" = "FIN-001"
            }

            instance_count = 8
            subnet_ids     = ["subnet-1", "subnet-2"]
            enabled        = true
            """);
  }
}
