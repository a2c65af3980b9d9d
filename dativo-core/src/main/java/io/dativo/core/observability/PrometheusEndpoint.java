package io.dativo.core.observability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Serves metrics for Prometheus to scrape at {@code http://HOST:PORT/metrics} while a command runs:
 * live values as they change (rows read so far), then the final ones. A batch job often ends
 * between two scrapes, so {@link #close} can wait, up to a limit, until one scrape has read the
 * final values.
 */
public final class PrometheusEndpoint implements MetricsSink, AutoCloseable {
  private final HttpServer server;
  private final Duration linger;
  private final Map<String, Metric> current = new LinkedHashMap<>();
  private final CountDownLatch finalScrape = new CountDownLatch(1);
  private volatile boolean finalPublished;

  /**
   * Starts serving on {@code host:port} (port 0 picks a free one).
   *
   * @param linger how long {@link #close} waits for a scrape of the final values; zero stops at
   *     once
   */
  public PrometheusEndpoint(String host, int port, Duration linger) {
    this.linger = linger;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
    }

    server.createContext("/metrics", this::scrape);
    server.createContext("/", this::notFound);
    server.start();
  }

  /** The address Prometheus scrapes. */
  public String url() {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().getHostAddress();
    return "http://"
        + (host.contains(":") ? "[" + host + "]" : host)
        + ":"
        + address.getPort()
        + "/metrics";
  }

  /** A value that changes while the command runs (not yet final). */
  public void update(Metric metric) {
    synchronized (current) {
      current.put(key(metric), metric);
    }
  }

  /** The command's final values; after these, a scrape counts as the final one. */
  @Override
  public void publish(List<Metric> metrics) {
    synchronized (current) {
      metrics.forEach(m -> current.put(key(m), m));
      // Set with the values, so a scrape that reads them also counts as the final one.
      finalPublished = true;
    }
  }

  private void scrape(HttpExchange exchange) throws IOException {
    boolean sawFinal;
    String text;
    synchronized (current) {
      sawFinal = finalPublished;
      text = PrometheusText.render(List.copyOf(current.values()));
    }

    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", PrometheusText.CONTENT_TYPE);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(200, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }

    exchange.close();
    if (sawFinal && !head) {
      finalScrape.countDown();
    }
  }

  private void notFound(HttpExchange exchange) throws IOException {
    byte[] body = "metrics are at /metrics\n".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(404, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }

    exchange.close();
  }

  private static String key(Metric metric) {
    return metric.name() + new java.util.TreeMap<>(metric.dimensions());
  }

  /** Waits (at most the linger time) for a scrape of the final values, then stops serving. */
  @Override
  public void close() {
    try {
      if (finalPublished && !linger.isZero()) {
        finalScrape.await(linger.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.stop(0);
    }
  }
}
