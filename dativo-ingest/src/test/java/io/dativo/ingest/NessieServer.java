package io.dativo.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Nessie server (Nessie's own runner jar, which the build fetches from Maven Central) with
 * an in-memory store, on free 127.0.0.1 ports. It needs a Java 21+ runtime: {@code
 * DATIVO_NESSIE_JAVA}, the running JVM, or one under {@code /usr/lib/jvm}; the tests are skipped,
 * naming what is missing, without one.
 */
final class NessieServer implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final Process process;

  private NessieServer(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  static NessieServer start() {
    return start(Map.of());
  }

  /** With extra server settings ({@code nessie.catalog.*} for its Iceberg REST catalog). */
  static NessieServer start(Map<String, String> settings) {
    Optional<Path> jar =
        Optional.ofNullable(System.getProperty("dativo.nessie.jar"))
            .map(Path::of)
            .filter(Files::isRegularFile);
    io.dativo.core.testing.MissingTool.skipUnless(
        jar.isPresent(),
        "the Nessie server jar (org.projectnessie.nessie:nessie-quarkus:runner, fetched by `mvn"
            + " verify`) not found: skipping the Nessie catalog integration test");
    Optional<Path> java = java21();
    io.dativo.core.testing.MissingTool.skipUnless(
        java.isPresent(),
        "a Java 21+ runtime (for the Nessie server; set DATIVO_NESSIE_JAVA) not found: skipping"
            + " the Nessie catalog integration test");
    try {
      Path dir = Files.createTempDirectory("dativo-nessie-");
      int port = LocalTools.freePort();
      List<String> command = new ArrayList<>();
      command.add(java.get().toString());
      command.add("-Xmx384m");
      command.add("-Dquarkus.http.host=127.0.0.1");
      command.add("-Dquarkus.http.port=" + port);
      command.add("-Dquarkus.management.host=127.0.0.1");
      command.add("-Dquarkus.management.port=" + LocalTools.freePort());
      command.add("-Dnessie.version.store.type=IN_MEMORY");
      command.add("-Dquarkus.otel.sdk.disabled=true");
      settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
      command.add("-jar");
      command.add(jar.get().toString());
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("out.log").toFile())
              .start();
      NessieServer server = new NessieServer(dir, port, process);
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's address as users give it: Nessie's REST API, version 2. */
  String uri() {
    return "http://127.0.0.1:" + port + "/api/v2";
  }

  /** Nessie's Iceberg REST catalog endpoint. */
  String icebergRestUri() {
    return "http://127.0.0.1:" + port + "/iceberg";
  }

  /** Nessie's own REST API: creates {@code branch} from the head of {@code main}. */
  void createBranch(String branch) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String main = get("/trees/main");
    String hash = main.replaceAll("(?s).*\"hash\"\\s*:\\s*\"([0-9a-f]+)\".*", "$1");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(uri() + "/trees?name=" + branch + "&type=BRANCH"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"type\":\"BRANCH\",\"name\":\"main\",\"hash\":\"" + hash + "\"}"))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("creating branch " + branch + ": " + response.body());
    }
  }

  /** A GET on Nessie's REST API; its body. */
  String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(uri() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": " + response.body());
    }

    return response.body();
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        get("/config");
        return;
      } catch (IOException | IllegalStateException e) {
        sleep();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }

    String log = log();
    close();
    throw new IllegalStateException("Nessie did not start on port " + port + ":\n" + log);
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A Java 21+ runtime: Nessie's server is built for it. */
  private static Optional<Path> java21() {
    Optional<Path> configured =
        Optional.ofNullable(System.getenv("DATIVO_NESSIE_JAVA"))
            .filter(s -> !s.isBlank())
            .map(Path::of)
            .filter(Files::isExecutable);
    if (configured.isPresent()) {
      return configured;
    }

    if (Runtime.version().feature() >= 21) {
      return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }

    try (Stream<Path> homes = Files.list(jvms)) {
      return homes
          .filter(home -> featureVersion(home) >= 21)
          .map(home -> home.resolve("bin").resolve("java"))
          .filter(Files::isExecutable)
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A JDK's feature version from its {@code release} file ({@code JAVA_VERSION="25.0.1"}). */
  private static int featureVersion(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Integer.parseInt(version.split("[.+-]")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }

    return 0;
  }

  @Override
  public void close() {
    LocalTools.stop(process, dir);
  }
}
