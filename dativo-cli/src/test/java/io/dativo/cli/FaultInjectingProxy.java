package io.dativo.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback proxy in front of a stand-in AWS endpoint that answers a share of requests with a
 * throttling error or a 500 instead of forwarding them, so tests prove retries reach the same
 * result. Test code only; seeded, bounded, loopback only.
 */
final class FaultInjectingProxy implements AutoCloseable {
  private static final Set<String> HOP_HEADERS =
      Set.of("host", "content-length", "connection", "expect", "transfer-encoding");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final String upstream;
  private final double faultRate;
  private final Random random = new Random(42);
  private final AtomicInteger faults = new AtomicInteger();
  private final AtomicInteger forwarded = new AtomicInteger();

  FaultInjectingProxy(String upstream, double faultRate) {
    this.upstream = upstream;
    this.faultRate = faultRate;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int faults() {
    return faults.get();
  }

  int forwarded() {
    return forwarded.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    boolean fault;
    synchronized (random) {
      fault = random.nextDouble() < faultRate;
    }

    if (fault) {
      int n = faults.incrementAndGet();
      String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
      boolean throttle = n % 2 == 0;
      int status;
      String error;
      if (contentType.contains("amz-json")) {
        status = throttle ? 400 : 500;
        error =
            "{\"__type\":\""
                + (throttle ? "ThrottlingException" : "InternalServiceException")
                + "\",\"message\":\"injected\"}";
        exchange
            .getResponseHeaders()
            .add("x-amzn-ErrorType", throttle ? "ThrottlingException" : "InternalServiceException");
      } else if (contentType.contains("x-www-form-urlencoded")) {
        status = throttle ? 400 : 500;
        error =
            "<ErrorResponse><Error><Type>Sender</Type><Code>"
                + (throttle ? "Throttling" : "InternalFailure")
                + "</Code><Message>injected</Message></Error><RequestId>x</RequestId></ErrorResponse>";
      } else {
        status = throttle ? 503 : 500;
        error =
            "<Error><Code>"
                + (throttle ? "SlowDown" : "InternalError")
                + "</Code><Message>injected</Message></Error>";
      }

      byte[] bytes = error.getBytes(StandardCharsets.UTF_8);
      exchange
          .getResponseHeaders()
          .add(
              "Content-Type",
              contentType.contains("amz-json") ? "application/x-amz-json-1.1" : "text/xml");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
      return;
    }

    forwarded.incrementAndGet();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
              }
            });
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))
                    && !name.startsWith(":")) {
                  values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
              });
      boolean empty = response.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : response.body().length);
      if (!empty) {
        exchange.getResponseBody().write(response.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(502, -1);
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
