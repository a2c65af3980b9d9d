package io.dativo.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A real {@code moto_server} (AWS APIs) on a free 127.0.0.1 port, for one test class. Tests are
 * skipped, naming the tool, where it is not installed.
 */
public final class MotoServer implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(30);

  private final Process process;
  private final int port;

  private MotoServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static MotoServer start() {
    Optional<Path> binary = find();
    io.dativo.core.testing.MissingTool.skipUnless(
        binary.isPresent(), "moto_server not found on PATH: skipping this AWS integration test");
    int port = freePort();
    try {
      Process process =
          new ProcessBuilder(
                  binary.get().toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      MotoServer server = new MotoServer(process, port);
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto_server exited with " + process.exitValue());
      }

      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }

    close();
    throw new IllegalStateException(
        "moto_server did not start on port " + port + " within " + STARTUP);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<Path> find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "moto_server");
      if (!dir.isBlank() && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }

    return Optional.empty();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
