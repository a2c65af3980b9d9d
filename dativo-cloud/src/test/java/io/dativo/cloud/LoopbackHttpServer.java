package io.dativo.cloud;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A small loopback HTTP stand-in for cloud REST APIs in tests: it answers with a handler and
 * records every request (method and URI), so tests can check what the real client library sent.
 * Test code only; it implements just what each test needs.
 */
public final class LoopbackHttpServer implements AutoCloseable {
  /** A canned response. */
  public record Response(int status, Map<String, String> headers, byte[] body) {
    public static Response json(int status, String json) {
      return new Response(
          status,
          Map.of("Content-Type", "application/json"),
          json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** A request as the server saw it. */
  public record Request(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
    /** The body as text (gzip request bodies are unpacked). */
    public String text() {
      try {
        boolean gzip =
            headers.entrySet().stream()
                .anyMatch(
                    e ->
                        e.getKey().equalsIgnoreCase("Content-Encoding")
                            && e.getValue().contains("gzip"));
        byte[] bytes =
            gzip
                ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))
                    .readAllBytes()
                : body;
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final HttpServer server;
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  public LoopbackHttpServer(Function<Request, Response> handler) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    server.createContext("/", exchange -> respond(exchange, handler));
    server.start();
  }

  private void respond(HttpExchange exchange, Function<Request, Response> handler)
      throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI(),
            Map.copyOf(exchange.getRequestHeaders()),
            body);
    requests.add(request);
    Response response = handler.apply(request);
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    boolean empty = response.body().length == 0 || request.method().equals("HEAD");
    exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
    if (!empty) {
      exchange.getResponseBody().write(response.body());
    }

    exchange.close();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
