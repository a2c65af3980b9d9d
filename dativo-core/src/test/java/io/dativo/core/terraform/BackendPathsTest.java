package io.dativo.core.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.config.infra.BackendSpec;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackendPathsTest {

  @ParameterizedTest(name = "s3 {0} -> {1}")
  @CsvSource({
    "default, dativo/acme/terraform.tfstate",
    "acme-prod, env:/acme-prod/dativo/acme/terraform.tfstate"
  })
  void s3UsesTheWorkspaceKeyPrefix(String workspace, String key) {
    assertThat(
            BackendPaths.s3Key(
                new BackendSpec(
                    "s3", Map.of("bucket", "b", "key", "dativo/acme/terraform.tfstate")),
                workspace))
        .isEqualTo(key);
  }

  @ParameterizedTest(name = "s3 custom prefix {0}")
  @CsvSource({"acme-prod, workspaces/acme-prod/k.tfstate"})
  void s3HonoursACustomPrefix(String workspace, String key) {
    assertThat(
            BackendPaths.s3Key(
                new BackendSpec(
                    "s3", Map.of("key", "k.tfstate", "workspace_key_prefix", "workspaces")),
                workspace))
        .isEqualTo(key);
  }

  @ParameterizedTest(name = "gcs {0} -> {1}")
  @CsvSource({"default, dativo/acme/default.tfstate", "acme-prod, dativo/acme/acme-prod.tfstate"})
  void gcsNamesTheObjectAfterTheWorkspace(String workspace, String object) {
    assertThat(
            BackendPaths.gcsObject(
                new BackendSpec("gcs", Map.of("bucket", "b", "prefix", "dativo/acme")), workspace))
        .isEqualTo(object);
  }

  @ParameterizedTest(name = "azurerm {0} -> {1}")
  @CsvSource({"default, prod.terraform.tfstate", "acme-prod, prod.terraform.tfstateenv:acme-prod"})
  void azureAppendsTheWorkspaceToTheKey(String workspace, String blob) {
    assertThat(
            BackendPaths.azureBlob(
                new BackendSpec("azurerm", Map.of("key", "prod.terraform.tfstate")), workspace))
        .isEqualTo(blob);
  }
}
