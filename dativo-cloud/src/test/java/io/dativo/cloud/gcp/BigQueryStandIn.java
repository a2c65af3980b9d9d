package io.dativo.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dativo.cloud.LoopbackHttpServer;
import io.dativo.cloud.LoopbackHttpServer.Request;
import io.dativo.cloud.LoopbackHttpServer.Response;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback stand-in for the BigQuery REST API's dataset resource, as far as labels go: GET {@code
 * /bigquery/v2/projects/{p}/datasets/{d}} returns the dataset with its labels, location and etag;
 * PATCH merges label keys (null removes one), honours an {@code If-Match} etag (412 on a mismatch,
 * as BigQuery does) and changes the etag. Every PATCH is recorded with the etag it was conditional
 * on. Test code only.
 */
final class BigQueryStandIn implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A dataset's labels, location and etag generation. */
  static final class DatasetState {
    final Map<String, String> labels = new LinkedHashMap<>();
    String location = "us-central1";
    long generation = 1;

    String etag() {
      return "etag-" + generation;
    }
  }

  /**
   * A PATCH as received: the {@code If-Match} it carried (if any), the top-level fields and labels
   * of its body, and the status it was answered with.
   */
  record Patch(
      String dataset,
      Optional<String> ifMatch,
      Set<String> fields,
      Map<String, String> labels,
      int status) {}

  /** Datasets by {@code project:dataset}. */
  final Map<String, DatasetState> datasets = new ConcurrentHashMap<>();

  final List<Patch> patches = Collections.synchronizedList(new ArrayList<>());
  final LoopbackHttpServer server = new LoopbackHttpServer(this::serve);

  /** Runs once, when the next PATCH arrives and before its precondition is checked. */
  volatile Runnable beforeNextPatch = () -> {};

  String endpoint() {
    return server.endpoint();
  }

  DatasetState dataset(String project, String dataset) {
    return datasets.computeIfAbsent(project + ":" + dataset, k -> new DatasetState());
  }

  private synchronized Response serve(Request request) {
    String path = URLDecoder.decode(request.uri().getRawPath(), StandardCharsets.UTF_8);
    // /bigquery/v2/projects/{p}/datasets/{d}
    String[] parts = path.split("/");
    if (parts.length != 7
        || !parts[1].equals("bigquery")
        || !parts[3].equals("projects")
        || !parts[5].equals("datasets")) {
      return error(404, "Not found: " + path, "notFound");
    }

    String key = parts[4] + ":" + parts[6];
    DatasetState dataset = datasets.get(key);
    if (dataset == null) {
      return error(404, "Not found: Dataset " + key, "notFound");
    }

    // The Java client sends PATCH as POST with X-HTTP-Method-Override (HttpURLConnection has no
    // PATCH).
    String method = header(request, "X-HTTP-Method-Override").orElse(request.method());
    if (method.equals("PATCH")) {
      return patch(request, key, dataset);
    }

    if (!method.equals("GET")) {
      return error(405, method + " is not served by this stand-in", "invalid");
    }

    return Response.json(200, body(parts[4], parts[6], dataset));
  }

  private Response patch(Request request, String key, DatasetState dataset) {
    beforeNextPatch.run();
    beforeNextPatch = () -> {};
    Optional<String> ifMatch = header(request, "If-Match");
    Map<String, String> sent = new LinkedHashMap<>();
    JsonNode body;
    try {
      body = JSON.readTree(request.text());
    } catch (IOException e) {
      return error(400, "bad JSON", "invalid");
    }

    body.path("labels")
        .fields()
        .forEachRemaining(
            e -> sent.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    if (ifMatch.isPresent() && !ifMatch.get().equals(dataset.etag())) {
      patches.add(new Patch(key, ifMatch, fields(body), sent, 412));
      return error(412, "Precondition check failed.", "conditionNotMet");
    }

    patches.add(new Patch(key, ifMatch, fields(body), sent, 200));
    sent.forEach(
        (k, v) -> {
          if (v == null) {
            dataset.labels.remove(k);
          } else {
            dataset.labels.put(k, v);
          }
        });
    dataset.generation++;
    String[] parts = key.split(":");
    return Response.json(200, body(parts[0], parts[1], dataset));
  }

  private static Set<String> fields(JsonNode body) {
    Set<String> fields = new TreeSet<>();
    body.fieldNames().forEachRemaining(fields::add);
    return fields;
  }

  private static String body(String project, String name, DatasetState dataset) {
    ObjectNode node = JSON.createObjectNode();
    node.put("kind", "bigquery#dataset");
    node.put("id", project + ":" + name);
    node.put("etag", dataset.etag());
    ObjectNode reference = node.putObject("datasetReference");
    reference.put("projectId", project);
    reference.put("datasetId", name);
    node.put("location", dataset.location);
    node.set("labels", JSON.valueToTree(dataset.labels));
    return node.toString();
  }

  private static Optional<String> header(Request request, String name) {
    return request.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(e -> e.getValue().get(0))
        .findFirst();
  }

  private static Response error(int code, String message, String reason) {
    ObjectNode error = JSON.createObjectNode();
    ObjectNode inner = error.putObject("error");
    inner.put("code", code);
    inner.put("message", message);
    ObjectNode detail = inner.putArray("errors").addObject();
    detail.put("reason", reason);
    detail.put("message", message);
    return Response.json(code, error.toString());
  }

  @Override
  public void close() {
    server.close();
  }
}
