package io.dativo.cloud.azure;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Azure resource types a job may declare, the ARM type their ids must name, and the api-version
 * Dativo reads them with (ARM's generic get-by-id needs the resource provider's own version).
 */
enum AzureResourceType {
  STORAGE_ACCOUNT(
      "storage_account", "Microsoft.Storage/storageAccounts", "2023-05-01", "storage account"),
  MANAGED_IDENTITY(
      "managed_identity",
      "Microsoft.ManagedIdentity/userAssignedIdentities",
      "2023-01-31",
      "managed identity");

  private final String id;
  private final String armType;
  private final String apiVersion;
  private final String noun;

  AzureResourceType(String id, String armType, String apiVersion, String noun) {
    this.id = id;
    this.armType = armType;
    this.apiVersion = apiVersion;
    this.noun = noun;
  }

  /** The job's {@code resource_type}. */
  String id() {
    return id;
  }

  String armType() {
    return armType;
  }

  String apiVersion() {
    return apiVersion;
  }

  /** For messages: "storage account". */
  String noun() {
    return noun;
  }

  static Optional<AzureResourceType> fromId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }

  static String ids() {
    return String.join(", ", Arrays.stream(values()).map(AzureResourceType::id).toList());
  }
}
