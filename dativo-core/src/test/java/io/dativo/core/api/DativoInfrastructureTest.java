package io.dativo.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.config.LoadedJob;
import io.dativo.core.config.Secret;
import io.dativo.core.config.TestFiles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DativoInfrastructureTest {
  @TempDir Path dir;

  @Test
  void mirrorsSeed002sPythonApi() {
    Path jobFile =
        TestFiles.write(
            dir,
            "job.yaml",
            """
            tenant_id: acme
            environment: prod
            source_connector: stripe
            target_connector: iceberg
            asset: stripe_customers
            infrastructure:
              provider: {provider: aws, region: us-east-1, account_id: "123456789012"}
              terraform:
                workspace: acme-prod
                outputs:
                  s3_bucket_name: target.connection.s3.bucket
                  db_password: source.connection.password
              tags: {cost_center: DATA-001, compliance: [SOC2, GDPR]}
            """);
    Path state =
        TestFiles.write(
            dir,
            "terraform.tfstate",
            "{\"version\": 4, \"outputs\": {\"s3_bucket_name\": {\"value\": \"acme-lake\", \"type\": \"string\"}, \"db_password\": {\"value\": \"s3cret\", \"type\": \"string\", \"sensitive\": true}}}");

    LoadedJob job = DativoInfrastructure.loadJob(jobFile, Map.of());
    Map<String, String> tags = DativoInfrastructure.infrastructureTags(job);
    Map<String, Object> resolved =
        DativoInfrastructure.resolveTerraformOutputs(
            job.job(), DativoInfrastructure.loadTerraformState(state));

    assertThat(tags)
        .containsEntry("infrastructure.cost_center", "DATA-001")
        .containsEntry("infrastructure.compliance", "SOC2,GDPR")
        .containsEntry("infrastructure.provider", "aws");
    assertThat(tags.keySet()).allMatch(k -> k.startsWith("infrastructure."));
    assertThat(resolved).containsEntry("target.connection.s3.bucket", "acme-lake");
    assertThat(resolved.get("source.connection.password"))
        .isInstanceOf(Secret.class)
        .hasToString("****");
    assertThat(DativoInfrastructure.validateInfrastructure(job, Map.of())).isEmpty();
  }
}
