package io.dativo.core.tags.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.dativo.core.config.OverflowPolicy;
import io.dativo.core.tags.TagSet;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For arbitrary Unicode keys and values, every renderer either refuses the set with a {@link
 * TagRenderException} (collision, reserved name) or returns output that obeys its provider's rules.
 */
class RendererPropertiesTest {

  @Provide
  Arbitrary<Map<String, String>> tagSets() {
    Arbitrary<String> keys = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(300);
    Arbitrary<String> values = Arbitraries.strings().all().ofMaxLength(1500);
    return Arbitraries.maps(keys, values).ofMaxSize(70);
  }

  @Property(tries = 300)
  void awsOutputObeysAwsRules(@ForAll("tagSets") Map<String, String> values) {
    Rendering rendering = renderOrRefuse(new AwsTagRules(), values);
    if (rendering == null) {
      return;
    }

    assertThat(rendering.values()).hasSizeLessThanOrEqualTo(50);
    rendering
        .values()
        .forEach(
            (k, v) -> {
              assertThat(k.codePointCount(0, k.length())).isBetween(0, 128);
              assertThat(v.codePointCount(0, v.length())).isLessThanOrEqualTo(256);
              assertThat(k.codePoints().allMatch(AwsTagRules::allowed)).as(k).isTrue();
              assertThat(v.codePoints().allMatch(AwsTagRules::allowed)).as(v).isTrue();
              assertThat(k.toLowerCase(Locale.ROOT)).doesNotStartWith("aws:");
            });
  }

  @Property(tries = 300)
  void gcpOutputObeysLabelRules(@ForAll("tagSets") Map<String, String> values) {
    Rendering rendering = renderOrRefuse(new GcpLabelRules(), values);
    if (rendering == null) {
      return;
    }

    assertThat(rendering.values()).hasSizeLessThanOrEqualTo(64);
    rendering
        .values()
        .forEach(
            (k, v) -> {
              assertThat(k).matches("[a-z][a-z0-9_-]{0,62}");
              assertThat(v).matches("[a-z0-9_-]{0,63}");
            });
  }

  @Property(tries = 300)
  void azureOutputObeysAzureRules(@ForAll("tagSets") Map<String, String> values) {
    Rendering rendering = renderOrRefuse(AzureTagRules.forStorageAccounts(), values);
    if (rendering == null) {
      return;
    }

    assertThat(rendering.values()).hasSizeLessThanOrEqualTo(50);
    rendering
        .values()
        .forEach(
            (k, v) -> {
              assertThat(k.codePointCount(0, k.length())).isLessThanOrEqualTo(128);
              assertThat(k).doesNotContain("<", ">", "%", "&", "\\", "?", "/");
              assertThat(v.codePointCount(0, v.length())).isLessThanOrEqualTo(256);
              assertThat(k.toLowerCase(Locale.ROOT))
                  .doesNotStartWith("microsoft")
                  .doesNotStartWith("azure")
                  .doesNotStartWith("windows");
            });
  }

  @Property(tries = 300)
  void kubernetesLabelsObeyKubernetesRules(@ForAll("tagSets") Map<String, String> values) {
    Rendering rendering = renderOrRefuse(new KubernetesLabelRules(), values);
    if (rendering == null) {
      return;
    }

    rendering
        .values()
        .forEach(
            (k, v) -> {
              assertThat(k).matches("dativo\\.io/[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
              assertThat(v).matches("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
            });
  }

  @Property(tries = 300)
  void unityTagsObeyUnityRules(@ForAll("tagSets") Map<String, String> values) {
    Rendering rendering = renderOrRefuse(new UnityCatalogTagRules(), values);
    if (rendering == null) {
      return;
    }

    assertThat(rendering.values()).hasSizeLessThanOrEqualTo(50);
    rendering
        .values()
        .forEach(
            (k, v) -> {
              assertThat(k.codePointCount(0, k.length())).isLessThanOrEqualTo(255);
              assertThat(k).doesNotContain(".", ",", "-", "=", "/", ":");
              assertThat(v.codePointCount(0, v.length())).isLessThanOrEqualTo(1000);
            });
  }

  @Property(tries = 200)
  void renderingIsDeterministic(@ForAll("tagSets") Map<String, String> values) {
    TagSet tags = TestTags.of(values);
    for (TagRules rules :
        new TagRules[] {new AwsTagRules(), new GcpLabelRules(), new KubernetesLabelRules()}) {
      Rendering first = renderOrRefuse(rules, values);
      Rendering second = renderOrRefuse(rules, values);
      assertThat(first == null ? null : first.values())
          .isEqualTo(second == null ? null : second.values());
    }

    assertThat(tags.size()).isEqualTo(values.size());
  }

  /** The rendering, or null when the renderer refused the set by name (never another error). */
  private static Rendering renderOrRefuse(TagRules rules, Map<String, String> values) {
    try {
      return rules.render(TestTags.of(values), OverflowPolicy.DROP_LOWEST);
    } catch (TagRenderException e) {
      assertThat(e.problems()).isNotEmpty();
      return null;
    }
  }
}
