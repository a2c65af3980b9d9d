package io.dativo.core.net;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an endpoint override ({@code AWS_ENDPOINT_URL}, {@code GOOGLE_*_CUSTOM_ENDPOINT}, ...)
 * points. Credentials go in clear text over plain HTTP, so they are sent over it only to this
 * machine (a local stand-in); a plain-HTTP endpoint elsewhere is refused.
 */
public final class ServiceEndpoints {
  private ServiceEndpoints() {}

  /** By name only: resolving the host would let DNS decide whether credentials are sent. */
  public static boolean isLoopbackHost(String host) {
    String h = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
    return h.equals("localhost")
        || h.equals("::1")
        || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  /** The host of an endpoint given as a URL or as {@code host:port}. */
  public static Optional<String> host(String endpoint) {
    try {
      return Optional.ofNullable(
          URI.create(endpoint.contains("://") ? endpoint : "https://" + endpoint).getHost());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static boolean isLoopback(String endpoint) {
    return host(endpoint).filter(ServiceEndpoints::isLoopbackHost).isPresent();
  }

  /** Whether the endpoint is plain HTTP ({@code http://...}). */
  public static boolean isPlainHttp(String endpoint) {
    return endpoint.toLowerCase(Locale.ROOT).startsWith("http://");
  }

  /**
   * The endpoint, if credentials may be sent to it: https (or a bare host:port, which clients reach
   * over TLS), or plain HTTP on loopback.
   *
   * @throws EndpointNotSafe for plain HTTP to another machine
   */
  public static String requireSafe(String endpoint, String setting) {
    if (isPlainHttp(endpoint) && !isLoopback(endpoint)) {
      throw new EndpointNotSafe(
          setting + " must use https: " + endpoint,
          "plain http is accepted only on loopback (127.0.0.1, localhost), for a local stand-in");
    }

    return endpoint;
  }

  /** A plain-HTTP endpoint on another machine: credentials would travel in clear text. */
  public static final class EndpointNotSafe extends io.dativo.core.DativoException {
    EndpointNotSafe(String message, String hint) {
      super(message, hint);
    }
  }
}
