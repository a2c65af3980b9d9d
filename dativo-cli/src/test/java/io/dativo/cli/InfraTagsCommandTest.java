package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfraTagsCommandTest {
  private static final String JOB = "../examples/jobs/acme/stripe_customers.yaml";
  private static final Map<String, String> FIXED_CLOCK = Map.of("SOURCE_DATE_EPOCH", "1764084600");

  @TempDir Path dir;

  @Test
  void jsonIsOneObjectOfStringsOnStdout() throws IOException {
    CliRun run = CliRun.of(FIXED_CLOCK, "infra", "tags", "--config", JOB, "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.isObject()).isTrue();
    json.fields()
        .forEachRemaining(e -> assertThat(e.getValue().isTextual()).as(e.getKey()).isTrue());
    assertThat(json.get("TenantId").asText()).isEqualTo("acme");
    assertThat(json.get("CostCenter").asText()).isEqualTo("FIN-001");
    assertThat(json.get("LastModified").asText()).isEqualTo("2025-11-25T15:30:00Z");
  }

  @Test
  void aFixedSourceDateEpochGivesIdenticalOutput() {
    CliRun first =
        CliRun.of(
            FIXED_CLOCK, "infra", "tags", "--config", JOB, "--for", "gcp", "--format", "json");
    CliRun second =
        CliRun.of(
            FIXED_CLOCK, "infra", "tags", "--config", JOB, "--for", "gcp", "--format", "json");

    assertThat(first.out()).isEqualTo(second.out()).contains("\"cost_center\" : \"fin-001\"");
  }

  @Test
  void explainShowsSourceOriginAndWhatWasOverridden() throws IOException {
    CliRun run =
        CliRun.of(FIXED_CLOCK, "infra", "tags", "--config", JOB, "--format", "json", "--explain");

    JsonNode costCenter = new ObjectMapper().readTree(run.out()).get("CostCenter");
    assertThat(costCenter.get("value").asText()).isEqualTo("FIN-001");
    assertThat(costCenter.get("source").asText()).isEqualTo("asset finops");
    assertThat(costCenter.get("origin").asText()).isEqualTo("finops.cost_center");
    assertThat(costCenter.get("overrode").get(0).get("value").asText()).isEqualTo("DATA-001");
    assertThat(costCenter.get("overrode").get(0).get("origin").asText())
        .endsWith("examples/jobs/acme/stripe_customers.yaml:27:18 infrastructure.tags.cost_center");
  }

  @Test
  void explainAsTextIsATableWithTheLossyChanges() {
    CliRun run =
        CliRun.of(FIXED_CLOCK, "infra", "tags", "--config", JOB, "--for", "gcp", "--explain");

    assertThat(run.out()).contains("KEY").contains("SOURCE").contains("OVERRODE");
    assertThat(run.out())
        .contains("Changes made to fit gcp:")
        .contains("Owner: value 'payments-data@acme.com' -> 'payments-data_acme_com'");
    assertThat(run.err()).contains("warning: gcp: Owner: value");
  }

  @Test
  void everyTargetRenders() {
    for (String target :
        new String[] {
          "resource", "aws", "gcp", "azure", "k8s", "k8s-annotations", "unity", "glue", "iceberg"
        }) {
      CliRun run =
          CliRun.of(
              FIXED_CLOCK, "infra", "tags", "--config", JOB, "--for", target, "--format", "json");
      assertThat(run.exitCode()).as(target + ": " + run.err()).isZero();
      assertThat(run.out()).as(target).startsWith("{");
    }
  }

  @Test
  void icebergPropertiesCarryTheInfrastructureNamespace() throws IOException {
    CliRun run =
        CliRun.of(
            FIXED_CLOCK, "infra", "tags", "--config", JOB, "--for", "iceberg", "--format", "json");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("infrastructure.cost_center").asText()).isEqualTo("DATA-001");
    assertThat(json.get("infrastructure.compliance").asText()).isEqualTo("SOC2,GDPR");
    assertThat(json.get("infrastructure.provider").asText()).isEqualTo("aws");
  }

  @Test
  void anUnknownTargetIsAnArgumentError() {
    CliRun run = CliRun.of("infra", "tags", "--config", JOB, "--for", "oracle");

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
    assertThat(run.err()).contains("Unknown --for 'oracle'");
  }

  @Test
  void theAssetIsOptionalForInfraCommands() throws IOException {
    Path job =
        write(
            "job.yaml",
            "tenant_id: acme\nenvironment: dev\nsource_connector: csv\ntarget_connector: iceberg\nasset: orders\n");

    CliRun run =
        CliRun.of(FIXED_CLOCK, "infra", "tags", "--config", job.toString(), "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("no asset_path: asset-derived tags");
  }

  @Test
  void anEnforcedPolicyViolationExitsWithThree() throws IOException {
    Path job =
        write(
            "job.yaml",
            "tenant_id: acme\nenvironment: dev\nsource_connector: csv\ntarget_connector: iceberg\nasset: orders\n"
                + "policy:\n  enforce: true\n  required_tags: [CostCenter]\n");

    CliRun run = CliRun.of(FIXED_CLOCK, "infra", "tags", "--config", job.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.VALIDATION_FAILED);
    assertThat(run.err())
        .contains("policy error: required_tag:CostCenter: required tag CostCenter is missing");
  }

  @Test
  void aSharedPolicyFileAddsItsRules() throws IOException {
    Path policy =
        write(
            "policy.yaml",
            "policy:\n  enforce: true\n  allowed_values:\n    Environment: [staging, prod]\n");

    CliRun run = CliRun.of(FIXED_CLOCK, "check", "--config", JOB, "--policy", policy.toString());
    CliRun dev =
        CliRun.of(
            FIXED_CLOCK,
            "infra",
            "tags",
            "--policy",
            policy.toString(),
            "--config",
            write(
                    "dev.yaml",
                    "tenant_id: acme\nenvironment: dev\nsource_connector: csv\ntarget_connector: iceberg\nasset: o\n")
                .toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(dev.exitCode()).isEqualTo(ExitCode.VALIDATION_FAILED);
    assertThat(dev.err()).contains("Environment is 'dev', which the policy does not allow");
  }

  @Test
  void aLabelCollisionIsAClearErrorWithoutAStackTrace() throws IOException {
    Path job =
        write(
            "job.yaml",
            "tenant_id: acme\nenvironment: dev\nsource_connector: csv\ntarget_connector: iceberg\nasset: o\n"
                + "infrastructure:\n  tags:\n    Owner@Team: a\n    Owner_Team: b\n");

    CliRun run =
        CliRun.of(FIXED_CLOCK, "infra", "tags", "--config", job.toString(), "--for", "gcp");

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
    assertThat(run.err())
        .contains("Cannot render tags for gcp")
        .contains("tags Owner@Team and OwnerTeam both become gcp key 'owner_team'")
        .doesNotContain("\tat ");
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void k8sManifestIsANamespaceAndAConfigMapThatParse() throws IOException {
    CliRun run = CliRun.of(FIXED_CLOCK, "infra", "k8s-manifest", "--config", JOB);

    assertThat(run.exitCode()).as(run.err()).isZero();
    var documents =
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
            .readerFor(java.util.Map.class)
            .readValues(run.out())
            .readAll();
    assertThat(documents).hasSize(2);
    @SuppressWarnings("unchecked")
    Map<String, Object> namespace = (Map<String, Object>) documents.get(0);
    assertThat(namespace).containsEntry("kind", "Namespace");
    assertThat(run.out())
        .contains("name: acme-prod")
        .contains("dativo.io/tenant-id: \"acme\"")
        .contains("dativo.io/owner: \"payments-data@acme.com\"");
    assertThat(run.out()).contains("kind: ConfigMap").contains("CostCenter: \"FIN-001\"");
  }
}
