package io.dativo.core.tags.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dativo.core.config.OverflowPolicy;
import io.dativo.core.tags.TagSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each renderer's limits, conversions, collisions and reserved names, as tables. */
class RendererRulesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "CostCenter, cost_center",
    "BusinessUnit, business_unit",
    "TenantId, tenant_id",
    "ContainsPII, contains_pii",
    "PIIData, pii_data",
    "LastModified, last_modified",
    "Owner@Team, owner_team",
    "data.owner, data_owner",
    "Área, area",
    "9Lives, k_9_lives"
  })
  void convertsTagKeysToGcpLabelKeys(String tagKey, String labelKey) {
    assertThat(new GcpLabelRules().render(TestTags.of(tagKey, "v"), OverflowPolicy.ERROR).values())
        .containsOnlyKeys(labelKey);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "data-team@acme.com, data-team_acme_com",
    "'PII,Financial', pii_financial",
    "2025-11-25T15:30:00Z, 2025-11-25t15_30_00z",
    "Zürich, zurich",
    "'', ''"
  })
  void convertsValuesToGcpLabelValuesDeterministically(String value, String label) {
    Rendering rendering =
        new GcpLabelRules().render(TestTags.of("Owner", value), OverflowPolicy.ERROR);

    assertThat(rendering.values()).containsEntry("owner", label);
    assertThat(rendering.adjustments().isEmpty()).isEqualTo(value.equals(label));
  }

  @Test
  void gcpClipsLongValuesAndReportsIt() {
    Rendering rendering =
        new GcpLabelRules().render(TestTags.of("Project", "p".repeat(80)), OverflowPolicy.ERROR);

    assertThat(rendering.values().get("project")).hasSize(63);
    assertThat(rendering.adjustments())
        .singleElement()
        .asString()
        .contains("truncated to 63 characters");
  }

  @Test
  void twoTagsThatBecomeOneGcpLabelAreAnErrorNamingBoth() {
    assertThatThrownBy(
            () ->
                new GcpLabelRules()
                    .render(
                        TestTags.of("CostCenter", "a", "Cost_Center", "b"), OverflowPolicy.ERROR))
        .isInstanceOf(TagRenderException.class)
        .hasMessageContaining("tags CostCenter and Cost_Center both become gcp key 'cost_center'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"aws:createdBy", "AWS:Owner", "Aws:x"})
  void awsRefusesItsReservedPrefixInAnyCase(String key) {
    assertThatThrownBy(() -> new AwsTagRules().render(TestTags.of(key, "v"), OverflowPolicy.ERROR))
        .isInstanceOf(TagRenderException.class)
        .hasMessageContaining("tag " + key)
        .hasMessageContaining("reserved by AWS");
  }

  @Test
  void awsKeepsAllowedCharactersAndReplacesOthers() {
    Rendering rendering =
        new AwsTagRules()
            .render(
                TestTags.of(
                    "Owner",
                    "data-team@acme.com",
                    "Note",
                    "a;b",
                    "Regulations",
                    "GDPR,CCPA",
                    "Café",
                    "crème brûlée"),
                OverflowPolicy.ERROR);

    assertThat(rendering.values())
        .containsEntry("Owner", "data-team@acme.com")
        .containsEntry("Note", "a_b")
        .containsEntry("Regulations", "GDPR+CCPA")
        .containsEntry("Café", "crème brûlée");
    assertThat(rendering.adjustments()).hasSize(2);
  }

  @Test
  void awsClipsKeysTo128AndValuesTo256Characters() {
    Rendering rendering =
        new AwsTagRules()
            .render(TestTags.of("K".repeat(200), "v".repeat(300)), OverflowPolicy.ERROR);

    assertThat(rendering.values()).hasSize(1);
    Map.Entry<String, String> only = rendering.values().entrySet().iterator().next();
    assertThat(only.getKey()).hasSize(128);
    assertThat(only.getValue()).hasSize(256);
  }

  @Test
  void overTheCountLimitIsAnErrorNamingTheTagsThatDoNotFit() {
    TagSet tags = manyTags(52);

    assertThatThrownBy(() -> new AwsTagRules().render(tags, OverflowPolicy.ERROR))
        .isInstanceOf(TagRenderException.class)
        .hasMessageContaining("52 tags, but aws allows 50; these do not fit: Custom50, Custom51")
        .satisfies(
            e ->
                assertThat(((TagRenderException) e).hint())
                    .hasValueSatisfying(
                        h -> assertThat(h).contains("tags.on_overflow: drop_lowest")));
  }

  @Test
  void dropLowestKeepsIdentityAndFinopsAndReportsEachDrop() {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < 49; i++) {
      values.put("Custom" + i, "v");
    }

    values.put("TenantId", "acme");
    values.put("CostCenter", "FIN-1");
    values.put("DataClassification", "PII");

    Rendering rendering = new AwsTagRules().render(TestTags.of(values), OverflowPolicy.DROP_LOWEST);

    assertThat(rendering.values())
        .hasSize(50)
        .containsKeys("TenantId", "CostCenter", "DataClassification");
    assertThat(rendering.adjustments())
        .extracting(Adjustment::tag)
        .containsExactly("Custom47", "Custom48");
    assertThat(rendering.adjustments()).allMatch(a -> a.kind() == Adjustment.Kind.DROPPED);
  }

  @Test
  void gcpAllowsSixtyFourLabels() {
    assertThat(new GcpLabelRules().render(manyTags(64), OverflowPolicy.ERROR).values()).hasSize(64);
    assertThatThrownBy(() -> new GcpLabelRules().render(manyTags(65), OverflowPolicy.ERROR))
        .isInstanceOf(TagRenderException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"microsoftOwner", "AzureRegion", "windows-version"})
  void azureRefusesItsReservedPrefixes(String key) {
    assertThatThrownBy(
            () -> new AzureTagRules().render(TestTags.of(key, "v"), OverflowPolicy.ERROR))
        .isInstanceOf(TagRenderException.class)
        .hasMessageContaining("reserved by Azure");
  }

  @Test
  void azureTagNamesCollideRegardlessOfCase() {
    assertThatThrownBy(
            () ->
                new AzureTagRules()
                    .render(
                        TestTags.of("CostCenter", "a", "costcenter", "b"), OverflowPolicy.ERROR))
        .isInstanceOf(TagRenderException.class)
        .hasMessageContaining("tags CostCenter and costcenter both become azure key 'costcenter'");
  }

  @Test
  void azureReplacesForbiddenNameCharactersAndClipsStorageAccountNames() {
    Rendering plain =
        new AzureTagRules()
            .render(
                TestTags.of("a<b>c%d&e\\f?g/h", "v", "N".repeat(300), "x"), OverflowPolicy.ERROR);
    Rendering storage =
        AzureTagRules.forStorageAccounts()
            .render(TestTags.of("N".repeat(300), "x"), OverflowPolicy.ERROR);

    assertThat(plain.values()).containsKeys("a_b_c_d_e_f_g_h", "N".repeat(300));
    assertThat(storage.values().keySet()).singleElement().asString().hasSize(128);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "TenantId, acme, dativo.io/tenant-id, acme",
    "Owner, data-team@acme.com, dativo.io/owner, data-team_acme.com",
    "DataClassification, 'PII,Financial', dativo.io/data-classification, PII_Financial",
    "LastModified, 2025-11-25T15:30:00Z, dativo.io/last-modified, 2025-11-25T15_30_00Z",
    "Note, -edge-, dativo.io/note, edge"
  })
  void rendersKubernetesLabels(String key, String value, String label, String labelValue) {
    assertThat(
            new KubernetesLabelRules()
                .render(TestTags.of(key, value), OverflowPolicy.ERROR)
                .values())
        .containsEntry(label, labelValue);
  }

  @Test
  void kubernetesAnnotationsKeepFullValues() {
    assertThat(
            new KubernetesAnnotationRules()
                .render(TestTags.of("Owner", "data-team@acme.com"), OverflowPolicy.ERROR)
                .values())
        .containsEntry("dativo.io/owner", "data-team@acme.com");
  }

  @Test
  void unityReplacesForbiddenKeyCharactersAndClipsValues() {
    Rendering rendering =
        new UnityCatalogTagRules()
            .render(
                TestTags.of("infrastructure.cost-center", "v".repeat(1200)), OverflowPolicy.ERROR);

    assertThat(rendering.values()).containsOnlyKeys("infrastructure_cost_center");
    assertThat(rendering.values().get("infrastructure_cost_center")).hasSize(1000);
  }

  @Test
  void glueNeverWritesIcebergsOwnParameters() {
    Rendering iceberg =
        new Rendering(
            "iceberg", Map.of("table_type", "x"), Map.of("table_type", "t"), java.util.List.of());

    assertThatThrownBy(() -> GlueParameterRules.render(iceberg))
        .isInstanceOf(TagRenderException.class)
        .hasMessageContaining("'table_type' is reserved");
  }

  private static TagSet manyTags(int count) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      values.put("Custom" + i, "v");
    }

    return TestTags.of(values);
  }
}
