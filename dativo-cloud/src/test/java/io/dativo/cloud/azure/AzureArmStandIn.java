package io.dativo.cloud.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dativo.cloud.LoopbackHttpServer;
import io.dativo.cloud.LoopbackHttpServer.Request;
import io.dativo.cloud.LoopbackHttpServer.Response;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback stand-in for the few Azure Resource Manager calls Dativo makes, for tests only (it is
 * not a faithful ARM): GET a resource by id (with its type and location), and the Tags API at a
 * resource's scope ({@code {id}/providers/Microsoft.Resources/tags/default}): GET, and PATCH with
 * {@code "operation": "Merge"}. A PATCH with Replace or Delete, and any PUT or DELETE, is answered
 * 400, so a test that passes proves Dativo never replaces a tag set. Unknown resources answer 404
 * ({@code ResourceNotFound}), resources marked forbidden 403 ({@code AuthorizationFailed}). With
 * {@link #failEvery(int, int)} every n-th request is answered 429 ({@code Retry-After: 0}) or 500,
 * to exercise the client's retries. Ids are matched case-insensitively, as ARM does; a path with a
 * doubled slash is refused.
 */
final class AzureArmStandIn implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TAGS_SUFFIX = "/providers/microsoft.resources/tags/default";

  /** A resource as ARM holds it. */
  static final class ArmResource {
    final String id;
    final String type;
    final String location;
    final Map<String, String> tags = new LinkedHashMap<>();

    ArmResource(String id, String type, String location) {
      this.id = id;
      this.type = type;
      this.location = location;
    }
  }

  private final Map<String, ArmResource> resources = new ConcurrentHashMap<>();
  private final Set<String> forbidden = ConcurrentHashMap.newKeySet();
  private final LoopbackHttpServer server = new LoopbackHttpServer(this::serve);
  private int requestCount;
  private int failEvery;
  private int failStatus;

  String endpoint() {
    return server.endpoint();
  }

  /** Adds a resource; its type is read from the id (…/providers/NS/TYPE/NAME). */
  ArmResource add(String id, String location, Map<String, String> tags) {
    String[] parts = id.split("/");
    ArmResource resource =
        new ArmResource(id, parts[parts.length - 3] + "/" + parts[parts.length - 2], location);
    resource.tags.putAll(tags);
    resources.put(key(id), resource);
    return resource;
  }

  ArmResource resource(String id) {
    return resources.get(key(id));
  }

  /** Deletes a resource (as someone else might, between a plan and its apply). */
  void remove(String id) {
    resources.remove(key(id));
  }

  /** Every call on this resource answers 403. */
  void forbid(String id) {
    forbidden.add(key(id));
  }

  /** Answers every {@code n}-th request with {@code status} (429 carries Retry-After: 0). */
  synchronized void failEvery(int n, int status) {
    this.failEvery = n;
    this.failStatus = status;
  }

  /** The Retry-After (seconds) that injected 429s carry. */
  volatile String retryAfterSeconds = "0";

  List<Request> requests() {
    return server.requests();
  }

  /** The bodies of the tag PATCHes received (including those answered with an injected fault). */
  List<String> tagPatches() {
    return requests().stream().filter(r -> r.method().equals("PATCH")).map(Request::text).toList();
  }

  private synchronized Response serve(Request request) {
    requestCount++;
    if (failEvery > 0 && requestCount % failEvery == 0) {
      return failStatus == 429
          ? new Response(
              429,
              Map.of("Content-Type", "application/json", "Retry-After", retryAfterSeconds),
              error("TooManyRequests", "throttled by the stand-in")
                  .getBytes(StandardCharsets.UTF_8))
          : Response.json(failStatus, error("InternalServerError", "injected by the stand-in"));
    }

    if (request.uri().getRawAuthority() != null || request.uri().getRawPath().contains("//")) {
      // "//subscriptions/..." parses as a host name: real ARM would not find the resource either
      return Response.json(400, error("InvalidRequestUri", "malformed path: " + request.uri()));
    }

    String path =
        URLDecoder.decode(request.uri().getRawPath(), StandardCharsets.UTF_8).replaceAll("/+", "/");
    String lower = path.toLowerCase(Locale.ROOT);
    boolean tagsCall = lower.endsWith(TAGS_SUFFIX);
    String id = tagsCall ? path.substring(0, path.length() - TAGS_SUFFIX.length()) : path;
    if (forbidden.contains(key(id))) {
      return Response.json(
          403, error("AuthorizationFailed", "The client does not have authorization on " + id));
    }

    ArmResource resource = resources.get(key(id));
    if (resource == null) {
      return Response.json(
          404, error("ResourceNotFound", "The Resource '" + id + "' was not found."));
    }

    if (!tagsCall) {
      return request.method().equals("GET")
          ? Response.json(200, resourceJson(resource))
          : Response.json(405, error("MethodNotAllowed", "the stand-in only reads resources"));
    }

    return switch (request.method()) {
      case "GET" -> Response.json(200, tagsJson(resource));
      case "PATCH" -> patch(resource, request);
      default ->
          Response.json(
              400,
              error("BadRequest", request.method() + " on tags is refused: Dativo only merges"));
    };
  }

  private Response patch(ArmResource resource, Request request) {
    JsonNode body;
    try {
      body = JSON.readTree(request.text());
    } catch (IOException e) {
      return Response.json(400, error("InvalidRequestContent", "not JSON"));
    }

    String operation = body.path("operation").asText();
    if (!operation.equals("Merge")) {
      return Response.json(
          400, error("BadRequest", "operation '" + operation + "' is refused: only Merge"));
    }

    body.path("properties")
        .path("tags")
        .fields()
        .forEachRemaining(e -> mergeTag(resource, e.getKey(), e.getValue().asText()));
    return Response.json(200, tagsJson(resource));
  }

  /** Tag names are case-insensitive: an existing spelling is kept and its value updated. */
  private static void mergeTag(ArmResource resource, String name, String value) {
    String existing =
        resource.tags.keySet().stream()
            .filter(k -> k.equalsIgnoreCase(name))
            .findFirst()
            .orElse(name);
    resource.tags.put(existing, value);
  }

  private static String resourceJson(ArmResource resource) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", resource.id);
    node.put("name", resource.id.substring(resource.id.lastIndexOf('/') + 1));
    node.put("type", resource.type);
    node.put("location", resource.location);
    node.set("tags", JSON.valueToTree(resource.tags));
    node.set("properties", JSON.createObjectNode());
    return node.toString();
  }

  private static String tagsJson(ArmResource resource) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", resource.id + "/providers/Microsoft.Resources/tags/default");
    node.put("name", "default");
    node.put("type", "Microsoft.Resources/tags");
    node.putObject("properties").set("tags", JSON.valueToTree(resource.tags));
    return node.toString();
  }

  private static String error(String code, String message) {
    ObjectNode node = JSON.createObjectNode();
    node.putObject("error").put("code", code).put("message", message);
    return node.toString();
  }

  private static String key(String id) {
    return id.replaceAll("/+", "/").replaceAll("/$", "").toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    server.close();
  }
}
