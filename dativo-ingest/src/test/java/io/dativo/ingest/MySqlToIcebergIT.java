package io.dativo.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real MySQL-protocol server (MariaDB) into Iceberg: full reads replace, incremental reads resume
 * from the committed cursor, a query can be the source, a wrong table is a clear error.
 */
class MySqlToIcebergIT {
  static MariaDbServer mysql;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    mysql = MariaDbServer.start();
    try (Connection connection = mysql.connect("mysql");
        Statement sql = connection.createStatement()) {
      sql.execute("CREATE DATABASE shop");
      sql.execute(
          "CREATE TABLE shop.orders (order_id BIGINT PRIMARY KEY, email VARCHAR(200),"
              + " amount DECIMAL(10,2), paid BOOLEAN, created_at DATETIME(3) NOT NULL)");
      sql.execute("SET SESSION max_recursive_iterations = 10000");
      sql.execute(
          "INSERT INTO shop.orders WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g"
              + " WHERE n < 2500) SELECT n, CONCAT('c', n, '@example.com'), n * 1.5, n % 2 = 0,"
              + " TIMESTAMP('2025-01-01 00:00:00') + INTERVAL n HOUR FROM g");
    }
  }

  @AfterAll
  static void stop() {
    if (mysql != null) {
      mysql.close();
    }
  }

  @Test
  void aTableReadInFullIsReplacedOnEachRunNeverDuplicated() throws Exception {
    IngestFixture fixture = job("  tables: [shop.orders]\n");

    RunResult first = fixture.run();
    RunResult second = fixture.run();

    assertThat(first.rowsWritten()).isEqualTo(2500);
    assertThat(second.rowsWritten()).isEqualTo(2500);
    IngestFixture.assertRowCount(fixture, 2500);
    Record ten =
        fixture.rows().stream()
            .filter(r -> r.getField("order_id").equals(10L))
            .findFirst()
            .orElseThrow();
    assertThat(ten.getField("email")).isEqualTo("c10@example.com");
    assertThat(ten.getField("amount")).isEqualTo(15.0);
    assertThat(ten.getField("paid")).isEqualTo(true);
    assertThat(ten.getField("created_at").toString()).startsWith("2025-01-01T10:00");
  }

  @Test
  void anIncrementalReadResumesFromTheCommittedCursor() throws Exception {
    try (Connection connection = mysql.connect("shop");
        Statement sql = connection.createStatement()) {
      sql.execute("CREATE TABLE events LIKE orders");
      sql.execute("INSERT INTO events SELECT * FROM orders");
    }
    IngestFixture fixture =
        job("  tables: [shop.events]\n  incremental: {cursor_field: created_at}\n");

    RunResult first = fixture.run();
    try (Connection connection = mysql.connect("shop");
        Statement sql = connection.createStatement()) {
      sql.execute(
          "INSERT INTO events VALUES (3001, 'n1@example.com', 1, true, '2026-01-01 00:00:01.250'),"
              + " (3002, 'n2@example.com', 1, true, '2026-01-01 00:00:02.500')");
    }
    RunResult second = fixture.run();
    RunResult third = fixture.run();

    assertThat(first.rowsRead()).isEqualTo(2500);
    assertThat(second.rowsRead()).isEqualTo(2);
    assertThat(third.rowsRead()).isZero();
    IngestFixture.assertRowCount(fixture, 2502);
    assertThat(fixture.table().currentSnapshot().summary())
        .containsEntry("dativo.cursor.shop.events", "2026-01-01T00:00:02.500");
  }

  @Test
  void aQueryCanBeTheSource() throws Exception {
    IngestFixture fixture = job("  query: \"SELECT * FROM shop.orders WHERE order_id <= 100\"\n");

    assertThat(fixture.run().rowsWritten()).isEqualTo(100);
  }

  @Test
  void aMissingTableIsAClearError() {
    IngestFixture fixture = job("  tables: [shop.nothing_here]\n");

    assertThatThrownBy(fixture::run)
        .isInstanceOfSatisfying(
            IngestException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(IngestException.Kind.EXTERNAL);
              assertThat(e.getMessage())
                  .startsWith("Cannot read shop.nothing_here from MySQL:")
                  .contains("doesn't exist");
            });
  }

  private IngestFixture job(String source) {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.write(
        "job.yaml",
        """
        tenant_id: acme
        environment: dev
        source_connector: mysql
        target_connector: iceberg
        asset: orders
        asset_path: asset.yaml
        source:
          connection: {host: 127.0.0.1, port: %d, database: shop, user: dativo, password: ""}
        %s
        target:
          warehouse: %s
        """
            .formatted(mysql.port(), source, dir.resolve("warehouse")));
    return fixture;
  }
}
