package io.dativo.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dativo.cloud.LoopbackHttpServer;
import io.dativo.cloud.LoopbackHttpServer.Request;
import io.dativo.cloud.LoopbackHttpServer.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback stand-in for the GCS JSON API's bucket resource, as far as labels go: GET returns the
 * bucket with its labels and metageneration; PATCH merges labels (null removes one), enforces
 * {@code ifMetagenerationMatch} (412 on a mismatch) and bumps the metageneration. Test code only.
 */
final class GcsStandIn implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A bucket's labels and metageneration. */
  static final class BucketState {
    final Map<String, String> labels = new LinkedHashMap<>();
    long metageneration = 1;
    String location = "US-CENTRAL1";
  }

  final Map<String, BucketState> buckets = new ConcurrentHashMap<>();
  final LoopbackHttpServer server = new LoopbackHttpServer(this::serve);
  volatile Runnable beforeNextPatch = () -> {};
  int patches;

  String endpoint() {
    return server.endpoint();
  }

  private synchronized Response serve(Request request) {
    String path = URLDecoder.decode(request.uri().getRawPath(), StandardCharsets.UTF_8);
    String[] parts = path.split("/");
    if (parts.length < 5 || !parts[3].equals("b")) {
      return Response.json(404, "{\"error\":{\"code\":404,\"message\":\"Not Found\"}}");
    }

    BucketState bucket = buckets.get(parts[4]);
    if (bucket == null) {
      return Response.json(
          404, "{\"error\":{\"code\":404,\"message\":\"The specified bucket does not exist.\"}}");
    }

    // The Java client sends PATCH as POST with X-HTTP-Method-Override (HttpURLConnection has no
    // PATCH).
    String method =
        request.headers().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase("X-HTTP-Method-Override"))
            .map(e -> e.getValue().get(0))
            .findFirst()
            .orElse(request.method());
    if (method.equals("PATCH")) {
      patches++;
      beforeNextPatch.run();
      beforeNextPatch = () -> {};
      String query = request.uri().getRawQuery() == null ? "" : request.uri().getRawQuery();
      String expected = query.replaceAll(".*ifMetagenerationMatch=(\\d+).*", "$1");
      if (query.contains("ifMetagenerationMatch")
          && Long.parseLong(expected) != bucket.metageneration) {
        return Response.json(412, "{\"error\":{\"code\":412,\"message\":\"Precondition Failed\"}}");
      }

      try {
        JsonNode body = JSON.readTree(request.text());
        body.path("labels")
            .fields()
            .forEachRemaining(
                e -> {
                  if (e.getValue().isNull()) {
                    bucket.labels.remove(e.getKey());
                  } else {
                    bucket.labels.put(e.getKey(), e.getValue().asText());
                  }
                });
      } catch (java.io.IOException e) {
        return Response.json(400, "{\"error\":{\"code\":400,\"message\":\"bad JSON\"}}");
      }

      bucket.metageneration++;
    }

    ObjectNode node = JSON.createObjectNode();
    node.put("kind", "storage#bucket");
    node.put("id", parts[4]);
    node.put("name", parts[4]);
    node.put("metageneration", Long.toString(bucket.metageneration));
    node.put("location", bucket.location);
    node.set("labels", JSON.valueToTree(bucket.labels));
    return Response.json(200, node.toString());
  }

  @Override
  public void close() {
    server.close();
  }
}
