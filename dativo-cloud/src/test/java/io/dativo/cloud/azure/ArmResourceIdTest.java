package io.dativo.cloud.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArmResourceIdTest {
  @Test
  void partsOfAResourceIdAndItsChildTypes() {
    assertThat(
            ArmResourceId.parse(
                "/subscriptions/S/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acme/"))
        .hasValue(
            new ArmResourceId(
                "/subscriptions/S/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acme",
                "S",
                "rg",
                "Microsoft.Storage/storageAccounts",
                "acme"));
    assertThat(
            ArmResourceId.parse(
                    "/subscriptions/S/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acme/blobServices/default")
                .orElseThrow()
                .type())
        .isEqualTo("Microsoft.Storage/storageAccounts/blobServices");
    assertThat(
            ArmResourceId.parse(
                    "/subscriptions/S/resourcegroups/rg/providers/microsoft.storage/storageaccounts/acme")
                .orElseThrow()
                .isOfType("Microsoft.Storage/storageAccounts"))
        .isTrue();
  }

  @Test
  void namesAndPartialIdsAreNotResourceIds() {
    assertThat(ArmResourceId.parse("acmedatiostore")).isEmpty();
    assertThat(ArmResourceId.parse("/subscriptions/S/resourceGroups/rg")).isEmpty();
    assertThat(
            ArmResourceId.parse(
                "/subscriptions/S/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts"))
        .isEmpty();
    assertThat(
            ArmResourceId.parse(
                "/subscriptions//resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/a"))
        .isEmpty();
  }

  @Test
  void onlyLoopbackHostsCountAsLoopback() {
    assertThat(ArmEndpoint.isLoopback("127.0.0.1")).isTrue();
    assertThat(ArmEndpoint.isLoopback("127.8.9.10")).isTrue();
    assertThat(ArmEndpoint.isLoopback("LOCALHOST")).isTrue();
    assertThat(ArmEndpoint.isLoopback("[::1]")).isTrue();
    assertThat(ArmEndpoint.isLoopback("127.0.0.1.example.com")).isFalse();
    assertThat(ArmEndpoint.isLoopback("localhost.example.com")).isFalse();
    assertThat(ArmEndpoint.isLoopback("arm-proxy.example.invalid")).isFalse();
  }
}
