package io.dativo.cloud.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dativo.cloud.LoopbackHttpServer;
import io.dativo.cloud.LoopbackHttpServer.Response;
import io.dativo.core.config.infra.BackendSpec;
import io.dativo.core.terraform.StateParser;
import io.dativo.core.terraform.TerraformOutputs;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real GCS client reads a workspace's state object from a loopback stand-in of the JSON API.
 */
class GcsStateReaderTest {
  private static final String STATE =
      "{\"version\":4,\"outputs\":{\"gcs_bucket_name\":{\"value\":\"acme-lake\",\"type\":\"string\"}}}";
  private static final String OBJECT = "dativo/acme/acme-prod.tfstate";

  @Test
  void readsThePrefixedWorkspaceObject() throws Exception {
    try (LoopbackHttpServer gcs = new LoopbackHttpServer(GcsStateReaderTest::serve)) {
      BackendSpec backend =
          new BackendSpec(
              "gcs",
              Map.of(
                  "bucket",
                  "tf-state",
                  "prefix",
                  "dativo/acme",
                  "storage_custom_endpoint",
                  gcs.endpoint()));

      TerraformOutputs outputs;
      try (InputStream in = new GcsStateReader().open(backend, "acme-prod", Map.of())) {
        outputs = StateParser.parseState(in, "gcs", "acme-prod");
      }

      assertThat(outputs.output("gcs_bucket_name").orElseThrow().value()).isEqualTo("acme-lake");
      assertThat(gcs.requests())
          .allSatisfy(
              r ->
                  assertThat(URLDecoder.decode(r.uri().getRawPath(), StandardCharsets.UTF_8))
                      .contains("/b/tf-state/o/" + OBJECT));
      assertThat(new GcsStateReader().location(backend, "acme-prod"))
          .isEqualTo("gs://tf-state/" + OBJECT);
    }
  }

  @Test
  void aMissingObjectIsNotFound() {
    try (LoopbackHttpServer gcs =
        new LoopbackHttpServer(
            r -> Response.json(404, "{\"error\":{\"code\":404,\"message\":\"No such object\"}}"))) {
      BackendSpec backend =
          new BackendSpec(
              "gcs",
              Map.of(
                  "bucket",
                  "tf-state",
                  "prefix",
                  "dativo/acme",
                  "storage_custom_endpoint",
                  gcs.endpoint()));

      assertThatThrownBy(() -> new GcsStateReader().open(backend, "acme-dev", Map.of()))
          .isInstanceOf(FileNotFoundException.class);
    }
  }

  private static Response serve(LoopbackHttpServer.Request request) {
    String path = URLDecoder.decode(request.uri().getRawPath(), StandardCharsets.UTF_8);
    if (!path.contains("/b/tf-state/o/" + OBJECT)) {
      return Response.json(404, "{\"error\":{\"code\":404,\"message\":\"No such object\"}}");
    }

    String query = request.uri().getRawQuery() == null ? "" : request.uri().getRawQuery();
    if (query.contains("alt=media") || path.startsWith("/download/")) {
      return new Response(
          200,
          Map.of("Content-Type", "application/octet-stream", "x-goog-generation", "1"),
          STATE.getBytes(StandardCharsets.UTF_8));
    }

    return Response.json(
        200,
        "{\"kind\":\"storage#object\",\"bucket\":\"tf-state\",\"name\":\""
            + OBJECT
            + "\",\"generation\":\"1\",\"metageneration\":\"1\",\"size\":\""
            + STATE.length()
            + "\",\"contentType\":\"application/json\"}");
  }
}
