package io.dativo.core.config.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dativo.core.config.ConfigException;
import io.dativo.core.config.TestFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetLoaderTest {
  @TempDir Path dir;

  @Test
  void loadsAnOdcsContractWithSchemaObjectsAndExtensions() {
    AssetDefinition asset =
        load(
            """
            apiVersion: v3.0.2
            kind: DataContract
            id: orders-1
            name: postgres_orders
            version: "1.0.0"
            status: active
            domain: sales
            dataProduct: customer-analytics
            tags: [orders, finance]
            schema:
              - name: orders
                physicalName: public.orders
                logicalType: object
                properties:
                  - {name: order_id, logicalType: integer, required: true, primaryKey: true}
                  - {name: email, logicalType: string, classification: PII}
            team: {owner: data-team@acme.com}
            compliance:
              classification: [PII, Financial]
              regulations: [GDPR, CCPA]
              retention_days: 365
              security: {encryption_required: true}
            finops: {cost_center: data-engineering, business_tags: [sales]}
            customProperties:
              - {property: business_unit, value: Analytics}
            slaProperties:
              - {property: retention, value: 3, unit: y}
            """);

    assertThat(asset.format()).isEqualTo(AssetDefinition.Format.ODCS);
    assertThat(asset.name()).isEqualTo("postgres_orders");
    assertThat(asset.domain()).contains("sales");
    assertThat(asset.schema())
        .singleElement()
        .extracting(SchemaObject::physicalName)
        .isEqualTo(Optional.of("public.orders"));
    assertThat(asset.columns()).extracting(Column::name).containsExactly("order_id", "email");
    assertThat(asset.columns().get(0).type()).isEqualTo(LogicalType.INTEGER);
    assertThat(asset.columns().get(0).primaryKey()).isTrue();
    assertThat(asset.columns().get(1).classification()).contains("PII");
    assertThat(asset.owner()).contains("data-team@acme.com");
    assertThat(asset.compliance().classification()).containsExactly("PII", "Financial");
    assertThat(asset.compliance().retentionDays()).contains(365L);
    assertThat(asset.compliance().encryptionRequired()).contains(true);
    assertThat(asset.finops().costCenter()).contains("data-engineering");
    assertThat(asset.tags()).containsExactly("orders", "finance");
    assertThat(asset.customProperties()).isEqualTo(Map.of("business_unit", "Analytics"));
    assertThat(asset.slaProperties())
        .singleElement()
        .isEqualTo(new SlaProperty("retention", "3", Optional.of("y"), Optional.empty()));
  }

  @Test
  void loadsTheLegacyAssetWrappedForm() {
    AssetDefinition asset =
        load(
            """
            asset:
              name: stripe_customers
              source_type: stripe
              object: customers
              version: "1.0"
              schema:
                - {name: id, type: string, required: true}
                - {name: created, type: timestamp, required: true}
                - {name: balance, type: double}
              governance:
                owner: data-team@company.com
                tags: [payments]
              compliance: {classification: [PII], retention_days: 30}
              finops: {cost_center: FIN-001, environment: production}
              target: {file_format: parquet, partitioning: [ingest_date], mode: strict}
            """);

    assertThat(asset.format()).isEqualTo(AssetDefinition.Format.LEGACY);
    assertThat(asset.sourceType()).contains("stripe");
    assertThat(asset.columns())
        .extracting(Column::type)
        .containsExactly(LogicalType.STRING, LogicalType.TIMESTAMP, LogicalType.NUMBER);
    assertThat(asset.owner()).contains("data-team@company.com");
    assertThat(asset.target().partitioning()).containsExactly("ingest_date");
  }

  @Test
  void readsTheOwnerFromAnOdcsV30MembersList() {
    AssetDefinition asset =
        load(
            """
            apiVersion: v3.0.2
            kind: DataContract
            name: contacts
            team:
              - {username: analyst@acme.com, role: consumer}
              - {username: owner@acme.com, role: Data Owner}
            """);

    assertThat(asset.owner()).contains("owner@acme.com");
  }

  @Test
  void readsTheOwnerFromAnOdcsV31TeamObject() {
    AssetDefinition asset =
        load(
            """
            apiVersion: v3.1.0
            kind: DataContract
            name: contacts
            team:
              name: crm
              members:
                - {username: lead@acme.com, role: owner}
            """);

    assertThat(asset.owner()).contains("lead@acme.com");
    assertThat(asset.team().name()).contains("crm");
  }

  @Test
  void collectsEveryProblemBeforeFailing() {
    Path file =
        TestFiles.write(
            dir,
            "bad.yaml",
            """
            apiVersion: v3.0.2
            kind: DataSet
            name: x
            schema:
              - {name: id, logicalType: strng}
              - {name: id, logicalType: string}
              - {name: id2, logicalType: string, requird: true}
            """);

    assertThatThrownBy(() -> new AssetLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "bad.yaml:2:7: kind: unsupported kind 'DataSet': expected DataContract")
        .hasMessageContaining(
            "schema[0].logicalType: unknown type 'strng' (did you mean 'string'?)")
        .hasMessageContaining(
            "schema[2].requird: unknown key in schema[2] (did you mean 'required'?)");
  }

  @Test
  void rejectsAFileThatIsNoAsset() {
    Path file = TestFiles.write(dir, "job.yaml", "tenant_id: acme\n");

    assertThatThrownBy(() -> new AssetLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not an asset");
  }

  private AssetDefinition load(String yaml) {
    return new AssetLoader(Map.of()).load(TestFiles.write(dir, "asset.yaml", yaml));
  }
}
