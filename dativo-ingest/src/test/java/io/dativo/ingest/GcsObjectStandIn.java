package io.dativo.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for the Cloud Storage JSON API's objects, as far as Iceberg's GCSFileIO uses
 * them: resumable uploads (POST to start a session, PUT chunks with Content-Range, 308 until the
 * last), object metadata, media downloads with Range, and deletes. Objects live in memory. Test
 * code only.
 */
final class GcsObjectStandIn implements AutoCloseable {
  private static final Pattern OBJECT = Pattern.compile(".*/b/([^/]+)/o/([^?]+)");
  private static final Pattern BUCKET = Pattern.compile(".*/b/([^/]+)/o/?");

  /** Keyed by {@code bucket/object}. */
  final Map<String, byte[]> objects = new ConcurrentHashMap<>();

  private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
  private final AtomicLong sessions = new AtomicLong();
  private final HttpServer server;

  /** An upload in progress: where it goes and the bytes so far. */
  private static final class Upload {
    final String key;
    final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

    Upload(String key) {
      this.key = key;
    }
  }

  GcsObjectStandIn() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    server.createContext("/", this::serve);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String query = String.valueOf(exchange.getRequestURI().getRawQuery());
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (query.contains("upload_id=")) {
        continueUpload(exchange, query.replaceAll(".*upload_id=([^&]+).*", "$1"), body);
      } else if (method.equals("POST") && query.contains("uploadType=resumable")) {
        startUpload(exchange, path, query, body);
      } else if (method.equals("POST") && query.contains("uploadType=multipart")) {
        respond(exchange, 501, "{\"error\":{\"code\":501,\"message\":\"multipart not served\"}}");
      } else {
        Matcher object = OBJECT.matcher(path);
        if (!object.matches()) {
          respond(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"Not Found\"}}");
          return;
        }

        String key =
            object.group(1) + "/" + URLDecoder.decode(object.group(2), StandardCharsets.UTF_8);
        byte[] data = objects.get(key);
        if (method.equals("DELETE")) {
          respond(exchange, data == null ? 404 : 204, "");
          objects.remove(key);
        } else if (data == null) {
          respond(
              exchange,
              404,
              "{\"error\":{\"code\":404,\"message\":\"No such object: " + key + "\"}}");
        } else if (query.contains("alt=media")) {
          media(exchange, data);
        } else {
          respond(exchange, 200, metadata(key, data));
        }
      }
    }
  }

  private void startUpload(HttpExchange exchange, String path, String query, byte[] body)
      throws IOException {
    Matcher bucket = BUCKET.matcher(path);
    String name =
        query.contains("name=")
            ? URLDecoder.decode(query.replaceAll(".*name=([^&]+).*", "$1"), StandardCharsets.UTF_8)
            : new String(body, StandardCharsets.UTF_8)
                .replaceAll("(?s).*\"name\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    if (!bucket.matches()) {
      respond(exchange, 400, "{\"error\":{\"code\":400,\"message\":\"no bucket\"}}");
      return;
    }

    String id = "u" + sessions.incrementAndGet();
    uploads.put(id, new Upload(bucket.group(1) + "/" + name));
    exchange
        .getResponseHeaders()
        .add(
            "Location",
            endpoint()
                + "/upload/storage/v1/b/"
                + bucket.group(1)
                + "/o?uploadType=resumable&upload_id="
                + id);
    respond(exchange, 200, "");
  }

  private void continueUpload(HttpExchange exchange, String id, byte[] body) throws IOException {
    Upload upload = uploads.get(id);
    if (upload == null) {
      respond(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"No such upload\"}}");
      return;
    }

    // Content-Range: bytes FIRST-LAST/TOTAL, bytes FIRST-LAST/*, or bytes */TOTAL (a query).
    String range = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Range"));
    Matcher chunk = Pattern.compile("bytes (\\d+)-(\\d+)/(\\*|\\d+)").matcher(range);
    Matcher finish = Pattern.compile("bytes \\*/(\\*|\\d+)").matcher(range);
    if (chunk.matches()) {
      long first = Long.parseLong(chunk.group(1));
      if (first == upload.bytes.size()) {
        upload.bytes.write(body);
      }
    }

    boolean last =
        (chunk.matches() && !chunk.group(3).equals("*"))
            || (finish.matches() && !finish.group(1).equals("*"));
    if (!last) {
      if (upload.bytes.size() > 0) {
        exchange.getResponseHeaders().add("Range", "bytes=0-" + (upload.bytes.size() - 1));
      }
      respond(exchange, 308, "");
      return;
    }

    byte[] data = upload.bytes.toByteArray();
    objects.put(upload.key, data);
    uploads.remove(id);
    respond(exchange, 200, metadata(upload.key, data));
  }

  private static void media(HttpExchange exchange, byte[] data) throws IOException {
    String range = exchange.getRequestHeaders().getFirst("Range");
    int from = 0;
    int to = data.length - 1;
    if (range != null) {
      Matcher m = Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range);
      if (m.matches()) {
        from = (int) Math.min(Long.parseLong(m.group(1)), data.length);
        if (!m.group(2).isEmpty()) {
          to = (int) Math.min(Long.parseLong(m.group(2)), data.length - 1L);
        }
      }
    }

    byte[] slice = java.util.Arrays.copyOfRange(data, from, Math.max(from, to + 1));
    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
    exchange.getResponseHeaders().add("x-goog-generation", "1");
    if (range != null) {
      exchange
          .getResponseHeaders()
          .add(
              "Content-Range",
              "bytes " + from + "-" + (from + slice.length - 1) + "/" + data.length);
    }
    exchange.sendResponseHeaders(range != null ? 206 : 200, slice.length == 0 ? -1 : slice.length);
    if (slice.length > 0) {
      exchange.getResponseBody().write(slice);
    }
  }

  private static String metadata(String key, byte[] data) {
    int slash = key.indexOf('/');
    return "{\"kind\":\"storage#object\",\"bucket\":\""
        + key.substring(0, slash)
        + "\",\"name\":\""
        + key.substring(slash + 1)
        + "\",\"size\":\""
        + data.length
        + "\",\"generation\":\"1\",\"metageneration\":\"1\",\"contentType\":\"application/octet-stream\"}";
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (!body.isEmpty()) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
