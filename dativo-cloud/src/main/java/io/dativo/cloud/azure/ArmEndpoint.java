package io.dativo.cloud.azure;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Where Azure Resource Manager is: {@code https://management.azure.com}, or {@code
 * AZURE_RESOURCE_MANAGER_ENDPOINT} (a sovereign cloud, or a local stand-in). Plain HTTP is accepted
 * only on loopback: the SDK's bearer-token policy refuses to send a token over it, and a token must
 * never leave the machine unencrypted, so a loopback HTTP endpoint is called without credentials.
 */
record ArmEndpoint(URI uri, boolean plainLoopback) {
  static final String VARIABLE = "AZURE_RESOURCE_MANAGER_ENDPOINT";
  static final String DEFAULT = "https://management.azure.com";

  static ArmEndpoint fromEnv(Map<String, String> env) {
    String value = env.getOrDefault(VARIABLE, "").trim();
    String endpoint = (value.isEmpty() ? DEFAULT : value).replaceAll("/+$", "");
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw new AzureSetupException(VARIABLE + " is not a URL: " + endpoint, "use e.g. " + DEFAULT);
    }

    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new AzureSetupException(
          VARIABLE + " is not an http(s) URL: " + endpoint, "use e.g. " + DEFAULT);
    }

    boolean loopback = isLoopback(uri.getHost());
    if (scheme.equals("http") && !loopback) {
      throw new AzureSetupException(
          VARIABLE + " must use https: " + endpoint,
          "plain http is accepted only on loopback (127.0.0.1, localhost), for a local stand-in");
    }

    return new ArmEndpoint(uri, scheme.equals("http"));
  }

  /** By name only: resolving the host would let DNS decide whether a token is sent. */
  static boolean isLoopback(String host) {
    return io.dativo.core.net.ServiceEndpoints.isLoopbackHost(host);
  }

  /** The OAuth scope of tokens for this endpoint. */
  String scope() {
    return uri + "/.default";
  }
}
