package io.dativo.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {
  private static final List<String> KEYS =
      List.of("tenant_id", "environment", "asset_path", "infrastructure", "region");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "tenantid, tenant_id",
    "tenantId, tenant_id",
    "enviroment, environment",
    "envrionment, environment",
    "asset-path, asset_path",
    "infrastucture, infrastructure",
    "regoin, region"
  })
  void suggestsTheClosestKey(String typo, String expected) {
    assertThat(Suggestions.closest(typo, KEYS)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({"xyz", "completely_different", "a"})
  void suggestsNothingWhenNothingIsClose(String input) {
    assertThat(Suggestions.closest(input, KEYS)).isEmpty();
  }

  @Test
  void hintListsTheChoicesWhenNothingIsClose() {
    assertThat(Suggestions.hint("xyz", List.of("strict", "warn")))
        .isEqualTo("expected one of: strict, warn");
    assertThat(Suggestions.hint("strickt", List.of("strict", "warn")))
        .isEqualTo("did you mean 'strict'?");
  }

  @Test
  void countsATranspositionAsOneEdit() {
    assertThat(Suggestions.distance("regoin", "region")).isEqualTo(1);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
  }
}
