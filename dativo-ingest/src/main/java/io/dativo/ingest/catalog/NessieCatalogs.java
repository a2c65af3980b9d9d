package io.dativo.ingest.catalog;

import io.dativo.core.net.ServiceEndpoints;
import io.dativo.ingest.IngestException;
import io.dativo.ingest.catalog.CatalogFactory.CatalogSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.nessie.NessieCatalog;

/**
 * A Nessie catalog: {@code target.catalog.uri} (the server, with or without its {@code /api/v2}
 * path), {@code branch} (the server's default branch when unset) and {@code token} (bearer
 * authentication, a secret). Every Iceberg commit is a Nessie commit on that branch.
 */
final class NessieCatalogs {
  private NessieCatalogs() {}

  static Catalog open(CatalogSpec spec, Map<String, String> storage) {
    String uri =
        spec.setting("uri")
            .orElseThrow(
                () -> CatalogFactory.missing(spec, "uri", "http://nessie.internal:19120/api/v2"));
    String api = apiUri(uri);
    Map<String, String> properties = new HashMap<>(storage);
    properties.put(CatalogProperties.URI, api);
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, spec.warehouse());
    // Nessie's client says which API its URI speaks by the path's last segment (v1, v2).
    properties.put("client-api-version", apiVersion(api));
    spec.setting("branch").ifPresent(b -> properties.put("ref", b));
    // Nessie's commit log names the application that made each commit
    properties.put("app-id", "dativo");
    spec.setting("token")
        .ifPresent(
            t -> {
              // A bearer token travels in clear text over plain http: only to this machine.
              ServiceEndpoints.requireSafe(uri.strip(), "target.catalog.uri (with a token)");
              properties.put("nessie.authentication.type", "BEARER");
              properties.put("nessie.authentication.token", t);
            });
    NessieCatalog catalog = new NessieCatalog();
    catalog.setConf(CatalogFactory.hadoopConf());
    try {
      catalog.initialize(spec.setting("name").orElse("nessie"), properties);
      // Nessie's client looks the branch up at first use: a missing one should fail here, clearly.
      catalog.namespaceExists(org.apache.iceberg.catalog.Namespace.of("dativo"));
    } catch (RuntimeException e) {
      try {
        catalog.close(); // its HTTP client
      } catch (java.io.IOException | RuntimeException closing) {
        e.addSuppressed(closing);
      }

      throw failure(spec, uri, e);
    }

    return catalog;
  }

  /**
   * The URI Nessie's client needs: a bare server address gets Nessie's {@code /api/v2} path, one
   * that already names an API version (or another path, behind a proxy) is kept.
   */
  static String apiUri(String uri) {
    String trimmed = uri.strip().replaceAll("/+$", "");
    URI parsed;
    try {
      parsed = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw badUri(uri, e.getReason());
    }

    if (parsed.getScheme() == null
        || !(parsed.getScheme().equals("http") || parsed.getScheme().equals("https"))
        || parsed.getHost() == null) {
      throw badUri(uri, "expected an http:// or https:// address");
    }

    String path = parsed.getPath() == null ? "" : parsed.getPath();
    if (path.isEmpty()) {
      return trimmed + "/api/v2";
    }

    return path.endsWith("/api") ? trimmed + "/v2" : trimmed;
  }

  /** The address without any user:password part, for messages. */
  private static String withoutUserInfo(String uri) {
    return uri.replaceFirst("(?<=://)[^/@]*@", "");
  }

  private static String apiVersion(String uri) {
    return uri.endsWith("/v1") ? "1" : "2";
  }

  private static IngestException badUri(String uri, String why) {
    return new IngestException(
        IngestException.Kind.CONFIG,
        "Cannot open the nessie catalog: target.catalog.uri '" + uri + "' is not usable: " + why,
        "for example uri: http://nessie.internal:19120/api/v2");
  }

  /** A branch that does not exist is the user's to fix; an unreachable server is external. */
  private static IngestException failure(CatalogSpec spec, String uri, RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    String shownUri = withoutUserInfo(uri);
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      // Nessie's model classes are a runtime dependency of Iceberg's module: matched by name.
      if (cause.getClass().getSimpleName().equals("NessieReferenceNotFoundException")) {
        String branch = spec.setting("branch").orElse("(the server's default)");
        return new IngestException(
            IngestException.Kind.CONFIG,
            "Cannot open the nessie catalog at " + shownUri + ": branch " + branch + " not found",
            "create the branch in Nessie first, or set target.catalog.branch to an existing one",
            e);
      }
    }

    return new IngestException(
        IngestException.Kind.EXTERNAL,
        "Cannot open the nessie catalog at " + shownUri + ": " + message,
        "check target.catalog.uri and that the Nessie server is reachable",
        e);
  }
}
