package io.dativo.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A throwaway PostgreSQL cluster (the machine's initdb/pg_ctl) on a free 127.0.0.1 port. As root,
 * it runs as the {@code postgres} user, since PostgreSQL refuses to run as root. Tests are skipped,
 * naming the tool, where the binaries are missing.
 */
final class PostgresServer implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final List<String> asUser;

  private PostgresServer(Path dir, int port, List<String> asUser) {
    this.dir = dir;
    this.port = port;
    this.asUser = asUser;
  }

  static PostgresServer start() {
    Optional<Path> initdb = LocalTools.onPath("initdb");
    Optional<Path> pgCtl = LocalTools.onPath("pg_ctl");
    io.dativo.core.testing.MissingTool.skipUnless(
        initdb.isPresent() && pgCtl.isPresent(),
        "PostgreSQL (initdb, pg_ctl) not found on PATH: skipping this PostgreSQL integration test");
    boolean root = "root".equals(System.getProperty("user.name"));
    List<String> asUser = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
    try {
      Path dir = Files.createTempDirectory("dativo-pg-");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
      int port = LocalTools.freePort();
      PostgresServer server = new PostgresServer(dir, port, asUser);
      server.exec(
          initdb.get().toString(),
          "-D",
          dir.resolve("data").toString(),
          "-U",
          "dativo",
          "--auth=trust",
          "-E",
          "UTF8",
          "--no-sync");
      server.exec(
          pgCtl.get().toString(),
          "-D",
          dir.resolve("data").toString(),
          "-l",
          dir.resolve("log").toString(),
          "-w",
          "-t",
          "60",
          "-o",
          "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
          "start");
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  int port() {
    return port;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "dativo", "");
  }

  @Override
  public void close() {
    try {
      exec(
          LocalTools.onPath("pg_ctl").orElseThrow().toString(),
          "-D",
          dir.resolve("data").toString(),
          "-m",
          "fast",
          "-w",
          "stop");
    } finally {
      LocalTools.deleteTree(dir);
    }
  }

  private void exec(String... command) {
    List<String> full = new ArrayList<>(asUser);
    full.addAll(List.of(command));
    LocalTools.run(full);
  }
}
