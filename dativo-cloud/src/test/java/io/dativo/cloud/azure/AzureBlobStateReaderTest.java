package io.dativo.cloud.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dativo.cloud.LoopbackHttpServer;
import io.dativo.cloud.LoopbackHttpServer.Response;
import io.dativo.core.config.infra.BackendSpec;
import io.dativo.core.terraform.StateParser;
import io.dativo.core.terraform.TerraformOutputs;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real Azure Blob client reads a workspace's state blob from a loopback stand-in. */
class AzureBlobStateReaderTest {
  private static final byte[] STATE =
      "{\"version\":4,\"outputs\":{\"storage_account_name\":{\"value\":\"acmedatiostore\",\"type\":\"string\"}}}"
          .getBytes(StandardCharsets.UTF_8);
  private static final String BLOB = "/acmetfstate/tfstate/prod.terraform.tfstateenv:acme-prod";

  @Test
  void readsTheWorkspaceBlobWithTheAccountKey() throws IOException {
    try (LoopbackHttpServer azure = new LoopbackHttpServer(AzureBlobStateReaderTest::serve)) {
      Map<String, String> env =
          Map.of(
              "DATIVO_AZURE_BLOB_ENDPOINT",
              azure.endpoint() + "/acmetfstate",
              "ARM_ACCESS_KEY",
              "a2V5");

      TerraformOutputs outputs;
      try (InputStream in = new AzureBlobStateReader().open(backend(), "acme-prod", env)) {
        outputs = StateParser.parseState(in, "azurerm", "acme-prod");
      }

      assertThat(outputs.output("storage_account_name").orElseThrow().value())
          .isEqualTo("acmedatiostore");
      assertThat(azure.requests())
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.headers()).containsKey("Authorization"));
      assertThat(azure.requests())
          .allSatisfy(
              r ->
                  assertThat(URLDecoder.decode(r.uri().getRawPath(), StandardCharsets.UTF_8))
                      .isEqualTo(BLOB));
    }
  }

  @Test
  void withoutAKeyOrTokenItSaysWhatIsMissing() {
    assertThatThrownBy(
            () ->
                new AzureBlobStateReader()
                    .open(
                        backend(),
                        "acme-prod",
                        Map.of("DATIVO_AZURE_BLOB_ENDPOINT", "http://127.0.0.1:9")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("set ARM_ACCESS_KEY or ARM_SAS_TOKEN");
  }

  private static BackendSpec backend() {
    return new BackendSpec(
        "azurerm",
        Map.of(
            "storage_account_name",
            "acmetfstate",
            "container_name",
            "tfstate",
            "key",
            "prod.terraform.tfstate"));
  }

  private static Response serve(LoopbackHttpServer.Request request) {
    String path = URLDecoder.decode(request.uri().getRawPath(), StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>();
    headers.put("ETag", "\"0x1\"");
    headers.put("Last-Modified", "Mon, 23 Nov 2026 10:00:00 GMT");
    headers.put("x-ms-blob-type", "BlockBlob");
    headers.put("x-ms-request-id", "1");
    headers.put("x-ms-version", "2025-01-05");
    headers.put("Content-Type", "application/octet-stream");
    if (!path.equals(BLOB)) {
      headers.put("x-ms-error-code", "BlobNotFound");
      return new Response(404, headers, new byte[0]);
    }

    List<String> range =
        request
            .headers()
            .getOrDefault("X-ms-range", request.headers().getOrDefault("Range", List.of()));
    if (request.method().equals("HEAD") || range.isEmpty()) {
      headers.put("Content-Length", Integer.toString(STATE.length));
      return new Response(200, headers, request.method().equals("HEAD") ? new byte[0] : STATE);
    }

    String[] bounds = range.get(0).replace("bytes=", "").split("-");
    int start = Integer.parseInt(bounds[0]);
    int end =
        Math.min(
            STATE.length - 1,
            bounds.length > 1 && !bounds[1].isEmpty()
                ? Integer.parseInt(bounds[1])
                : STATE.length - 1);
    headers.put("Content-Range", "bytes " + start + "-" + end + "/" + STATE.length);
    return new Response(206, headers, Arrays.copyOfRange(STATE, start, end + 1));
  }
}
