package io.dativo.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway MariaDB server (the machine's mariadb-install-db and mariadbd, which speak MySQL's
 * protocol) on a free 127.0.0.1 port, without grant tables. Tests are skipped, naming the tool,
 * where the binaries are missing ({@code .ci/run} installs Debian's mariadb-server).
 */
final class MariaDbServer implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final Process process;

  private MariaDbServer(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  static MariaDbServer start() {
    Optional<Path> install = LocalTools.onPath("mariadb-install-db");
    Optional<Path> server = LocalTools.onPath("mariadbd").or(() -> LocalTools.onPath("mysqld"));
    io.dativo.core.testing.MissingTool.skipUnless(
        install.isPresent() && server.isPresent(),
        "MariaDB (mariadb-install-db, mariadbd; Debian's mariadb-server) not found: skipping this"
            + " MySQL integration test");
    try {
      Path dir = Files.createTempDirectory("dativo-mariadb-");
      boolean root = "root".equals(System.getProperty("user.name"));
      List<String> user = root ? List.of("--user=root") : List.of();
      List<String> initialise = new ArrayList<>(List.of(install.get().toString(), "--no-defaults"));
      initialise.add("--datadir=" + dir.resolve("data"));
      initialise.addAll(user);
      initialise.add("--auth-root-authentication-method=normal");
      initialise.add("--skip-test-db");
      LocalTools.run(initialise);
      int port = LocalTools.freePort();
      List<String> command = new ArrayList<>(List.of(server.get().toString(), "--no-defaults"));
      command.add("--datadir=" + dir.resolve("data"));
      command.add("--socket=" + dir.resolve("sock"));
      command.add("--port=" + port);
      command.add("--bind-address=127.0.0.1");
      command.add("--skip-grant-tables");
      command.add("--innodb-flush-log-at-trx-commit=0");
      command.add("--log-error=" + dir.resolve("error.log"));
      command.add("--pid-file=" + dir.resolve("pid"));
      command.addAll(user);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("out.log").toFile())
              .start();
      MariaDbServer started = new MariaDbServer(dir, port, process);
      started.awaitReady();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    SQLException last = null;
    while (System.nanoTime() < deadline && process.isAlive()) {
      try (Connection connection = connect("mysql")) {
        return;
      } catch (SQLException e) {
        last = e;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }

    close();
    throw new IllegalStateException("MariaDB did not start on port " + port, last);
  }

  int port() {
    return port;
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mysql://127.0.0.1:" + port + "/" + database, "dativo", "");
  }

  @Override
  public void close() {
    LocalTools.stop(process, dir);
  }
}
