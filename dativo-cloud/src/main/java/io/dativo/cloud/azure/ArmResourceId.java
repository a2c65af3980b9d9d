package io.dativo.cloud.azure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed Azure Resource Manager id: {@code
 * /subscriptions/SUB/resourceGroups/RG/providers/NAMESPACE/TYPE/NAME}, optionally with child types
 * ({@code .../TYPE/NAME/CHILD/CHILD_NAME}). {@link #type()} is the full type, e.g. {@code
 * Microsoft.Storage/storageAccounts}.
 */
record ArmResourceId(
    String id, String subscriptionId, String resourceGroup, String type, String name) {

  /** The id's parts, or empty when it is not a resource id inside a resource group. */
  static Optional<ArmResourceId> parse(String id) {
    String trimmed = id.trim().replaceAll("^/+|/+$", "");
    String[] parts = trimmed.split("/");
    // subscriptions/S/resourceGroups/RG/providers/NS/TYPE/NAME[/TYPE/NAME]...
    if (parts.length < 8
        || parts.length % 2 != 0
        || !parts[0].equalsIgnoreCase("subscriptions")
        || !parts[2].equalsIgnoreCase("resourceGroups")
        || !parts[4].equalsIgnoreCase("providers")) {
      return Optional.empty();
    }

    for (String part : parts) {
      if (part.isBlank()) {
        return Optional.empty();
      }
    }

    List<String> types = new ArrayList<>(List.of(parts[5]));
    for (int i = 6; i < parts.length; i += 2) {
      types.add(parts[i]);
    }

    return Optional.of(
        new ArmResourceId(
            "/" + trimmed, parts[1], parts[3], String.join("/", types), parts[parts.length - 1]));
  }

  /**
   * The id as the SDK's path parameters want it, without the leading slash: its URL templates
   * ({@code /{resourceId}}, {@code /{scope}/providers/...}) add one, and a doubled slash would make
   * {@code subscriptions} read as a host name.
   */
  String path() {
    return id.substring(1);
  }

  /** ARM resource types are case-insensitive. */
  boolean isOfType(String armType) {
    return type.equalsIgnoreCase(armType);
  }
}
