package io.dativo.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dativo.cloud.LoopbackHttpServer;
import io.dativo.cloud.LoopbackHttpServer.Request;
import io.dativo.cloud.LoopbackHttpServer.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback stand-in for the GKE (container v1) and Compute Engine REST APIs, as far as Dativo
 * uses them: GET a cluster (labels, fingerprint, status, location) and {@code :setResourceLabels},
 * which replaces the labels only when the request's fingerprint is the current one (else 400
 * FAILED_PRECONDITION, as GKE answers) and then changes the fingerprint; GET a network and a
 * subnetwork. Records every request. Test code only.
 */
final class GkeComputeStandIn implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A cluster's labels, fingerprint, status and location. */
  static final class ClusterState {
    final Map<String, String> labels = new LinkedHashMap<>();
    int fingerprint = 1;
    String status = "RUNNING";
    String location = "us-central1";
  }

  /** Keyed by {@code projects/P/locations/L/clusters/C}. */
  final Map<String, ClusterState> clusters = new ConcurrentHashMap<>();

  /**
   * Keyed by {@code projects/P/global/networks/N} and {@code projects/P/regions/R/subnetworks/S}.
   */
  final Map<String, String> networks = new ConcurrentHashMap<>();

  final LoopbackHttpServer server = new LoopbackHttpServer(this::serve);
  volatile Runnable beforeNextSetLabels = () -> {};
  int labelWrites;

  String endpoint() {
    return server.endpoint();
  }

  private synchronized Response serve(Request request) {
    String path = request.uri().getPath();
    if (path.startsWith("/compute/v1/")) {
      String key = path.substring("/compute/v1/".length());
      String cidr = networks.get(key);
      if (cidr == null) {
        return notFound(key);
      }

      ObjectNode body =
          JSON.createObjectNode().put("name", key.substring(key.lastIndexOf('/') + 1));
      if (key.contains("/subnetworks/")) {
        body.put("ipCidrRange", cidr).put("region", key.split("/")[3]);
      }
      return Response.json(200, body.toString());
    }

    if (!path.startsWith("/v1/")) {
      return notFound(path);
    }

    String name = path.substring("/v1/".length());
    boolean setLabels = name.endsWith(":setResourceLabels");
    if (setLabels) {
      name = name.substring(0, name.length() - ":setResourceLabels".length());
    }

    ClusterState cluster = clusters.get(name);
    if (cluster == null) {
      return notFound(name);
    }

    if (!setLabels) {
      ObjectNode body =
          JSON.createObjectNode()
              .put("name", name.substring(name.lastIndexOf('/') + 1))
              .put("location", cluster.location)
              .put("status", cluster.status)
              .put("labelFingerprint", Integer.toString(cluster.fingerprint));
      ObjectNode labels = body.putObject("resourceLabels");
      cluster.labels.forEach(labels::put);
      return Response.json(200, body.toString());
    }

    Runnable hook = beforeNextSetLabels;
    beforeNextSetLabels = () -> {};
    hook.run();
    labelWrites++;
    try {
      JsonNode body = JSON.readTree(request.text());
      if (!body.path("labelFingerprint").asText().equals(Integer.toString(cluster.fingerprint))) {
        return Response.json(
            400,
            "{\"error\":{\"code\":400,\"message\":\"Labels could not be set due to fingerprint"
                + " mismatch.\",\"status\":\"FAILED_PRECONDITION\"}}");
      }

      cluster.labels.clear();
      body.path("resourceLabels")
          .fields()
          .forEachRemaining(e -> cluster.labels.put(e.getKey(), e.getValue().asText()));
      cluster.fingerprint++;
      return Response.json(
          200, "{\"name\":\"operation-1\",\"operationType\":\"SET_LABELS\",\"status\":\"DONE\"}");
    } catch (java.io.IOException e) {
      return Response.json(400, "{\"error\":{\"code\":400,\"message\":\"bad JSON\"}}");
    }
  }

  private static Response notFound(String what) {
    return Response.json(
        404,
        "{\"error\":{\"code\":404,\"message\":\"Not found: "
            + what
            + "\",\"status\":\"NOT_FOUND\"}}");
  }

  @Override
  public void close() {
    server.close();
  }
}
