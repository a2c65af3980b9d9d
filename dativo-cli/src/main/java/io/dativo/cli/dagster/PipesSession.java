package io.dativo.cli.dagster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.InflaterInputStream;

/**
 * Dagster Pipes, the protocol Dagster's {@code PipesSubprocessClient} speaks to an external
 * process: {@code DAGSTER_PIPES_CONTEXT} and {@code DAGSTER_PIPES_MESSAGES} each hold base64 of
 * zlib of JSON; the context comes by {@code path} or inline {@code data}; messages are JSON lines
 * {@code {"__dagster_pipes_version": "0.1", "method", "params"}} written to a {@code path} or to
 * {@code stdio}. Implemented with Jackson rather than Dagster's Java client, whose jar drags test
 * libraries along.
 */
public final class PipesSession implements AutoCloseable {
  public static final String CONTEXT_ENV = "DAGSTER_PIPES_CONTEXT";
  public static final String MESSAGES_ENV = "DAGSTER_PIPES_MESSAGES";
  static final String VERSION = "0.1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode context;
  private final Optional<Path> messagesFile;
  private final PrintWriter stdio;
  private boolean closed;

  private PipesSession(JsonNode context, Optional<Path> messagesFile, PrintWriter stdio) {
    this.context = context;
    this.messagesFile = messagesFile;
    this.stdio = stdio;
  }

  /** The session Dagster asked for, or empty when the process was not started by Dagster. */
  public static Optional<PipesSession> open(
      Map<String, String> env, PrintWriter out, PrintWriter err) {
    String contextParams = env.get(CONTEXT_ENV);
    String messagesParams = env.get(MESSAGES_ENV);
    if (contextParams == null || messagesParams == null) {
      return Optional.empty();
    }

    JsonNode contextSource = decode(contextParams);
    JsonNode context =
        contextSource.has("data")
            ? contextSource.get("data")
            : readFile(Path.of(contextSource.path("path").asText()));
    JsonNode messages = decode(messagesParams);
    Optional<Path> file =
        messages.hasNonNull("path")
            ? Optional.of(Path.of(messages.get("path").asText()))
            : Optional.empty();
    PrintWriter stdio = "stdout".equals(messages.path("stdio").asText("stderr")) ? out : err;
    PipesSession session = new PipesSession(context, file, stdio);
    session.send("opened", JSON.createObjectNode().set("extras", JSON.createObjectNode()));
    return Optional.of(session);
  }

  /** The asset key Dagster asked to materialize (the first of the context's), if any. */
  public Optional<String> assetKey() {
    JsonNode keys = context.path("asset_keys");
    return keys.isArray() && !keys.isEmpty() ? Optional.of(keys.get(0).asText()) : Optional.empty();
  }

  public Optional<String> partitionKey() {
    return Optional.ofNullable(context.get("partition_key"))
        .filter(n -> !n.isNull())
        .map(JsonNode::asText);
  }

  public JsonNode extras() {
    return context.path("extras");
  }

  public void log(String level, String message) {
    ObjectNode params = JSON.createObjectNode();
    params.put("message", message);
    params.put("level", level);
    send("log", params);
  }

  /** {@code report_asset_materialization} with typed metadata ({@code {raw_value, type}}). */
  public void reportMaterialization(
      String assetKey, List<Metadata> metadata, Optional<String> dataVersion) {
    ObjectNode params = JSON.createObjectNode();
    params.put("asset_key", assetKey);
    params.set("metadata", metadata(metadata));
    dataVersion.ifPresentOrElse(
        v -> params.put("data_version", v), () -> params.putNull("data_version"));
    send("report_asset_materialization", params);
  }

  /** {@code report_asset_check}: one policy rule's result. */
  public void reportCheck(
      String assetKey, String checkName, boolean passed, String severity, List<Metadata> metadata) {
    ObjectNode params = JSON.createObjectNode();
    params.put("asset_key", assetKey);
    params.put("check_name", checkName);
    params.put("passed", passed);
    params.put("severity", severity);
    params.set("metadata", metadata(metadata));
    send("report_asset_check", params);
  }

  /**
   * One metadata entry: Dagster's {@code {raw_value, type}} ({@code int}, {@code float}, {@code
   * text}, {@code bool}, {@code json}).
   */
  public record Metadata(String name, Object value, String type) {
    public static Metadata text(String name, String value) {
      return new Metadata(name, value, "text");
    }

    public static Metadata integer(String name, long value) {
      return new Metadata(name, value, "int");
    }

    public static Metadata number(String name, double value) {
      return new Metadata(name, value, "float");
    }
  }

  private static ObjectNode metadata(List<Metadata> entries) {
    ObjectNode node = JSON.createObjectNode();
    for (Metadata entry : entries) {
      ObjectNode value = node.putObject(entry.name());
      value.set("raw_value", JSON.valueToTree(entry.value()));
      value.put("type", entry.type());
    }

    return node;
  }

  /** Ends the session; {@code failure} is reported as Dagster's exception shape. */
  public void close(Optional<Throwable> failure) {
    if (closed) {
      return;
    }

    ObjectNode params = JSON.createObjectNode();
    failure.ifPresent(
        f -> {
          ObjectNode exception = params.putObject("exception");
          exception.put("name", f.getClass().getSimpleName());
          exception.put("message", String.valueOf(f.getMessage()));
          exception.putArray("stack");
          exception.putNull("cause");
          exception.putNull("context");
        });
    send("closed", params);
    closed = true;
  }

  @Override
  public void close() {
    close(Optional.empty());
  }

  private void send(String method, JsonNode params) {
    ObjectNode message = JSON.createObjectNode();
    message.put("__dagster_pipes_version", VERSION);
    message.put("method", method);
    message.set("params", params);
    String line = message.toString();
    if (messagesFile.isPresent()) {
      try {
        Files.writeString(
            messagesFile.get(),
            line + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      stdio.println(line);
      stdio.flush();
    }
  }

  /** base64 of zlib of JSON. */
  static JsonNode decode(String value) {
    try (InputStream in =
        new InflaterInputStream(
            new ByteArrayInputStream(Base64.getDecoder().decode(value.trim())))) {
      return JSON.readTree(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Cannot read Dagster Pipes parameters: " + e.getMessage(), e);
    }
  }

  private static JsonNode readFile(Path path) {
    try {
      return JSON.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Dagster Pipes context " + path, e);
    }
  }
}
