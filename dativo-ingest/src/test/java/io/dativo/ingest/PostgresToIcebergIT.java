package io.dativo.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real PostgreSQL server into Iceberg: full reads replace, incremental reads resume. */
class PostgresToIcebergIT {
  static PostgresServer postgres;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    postgres = PostgresServer.start();
    try (Connection connection = postgres.connect();
        Statement sql = connection.createStatement()) {
      sql.execute(
          "CREATE TABLE public.orders (order_id bigint PRIMARY KEY, email text, amount numeric(10,2), paid boolean, created_at timestamptz NOT NULL)");
      sql.execute(
          "INSERT INTO public.orders SELECT g, 'c' || g || '@example.com', g * 1.5, g % 2 = 0, timestamptz '2025-01-01 00:00:00+00' + g * interval '1 hour' FROM generate_series(1, 2500) g");
    }
  }

  @AfterAll
  static void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aTableReadInFullIsReplacedOnEachRunNeverDuplicated() throws Exception {
    IngestFixture fixture = postgresJob("");
    long inDatabase = count();

    RunResult first = fixture.run();
    RunResult second = fixture.run();

    assertThat(first.rowsWritten()).isEqualTo(inDatabase);
    assertThat(second.rowsWritten()).isEqualTo(inDatabase);
    IngestFixture.assertRowCount(fixture, (int) inDatabase);
    Record one =
        fixture.rows().stream()
            .filter(r -> r.getField("order_id").equals(10L))
            .findFirst()
            .orElseThrow();
    assertThat(one.getField("amount")).isEqualTo(15.0);
    assertThat(one.getField("paid")).isEqualTo(true);
  }

  @Test
  void anIncrementalReadResumesFromTheCommittedCursor() throws Exception {
    IngestFixture fixture = postgresJob("  incremental: {cursor_field: created_at}\n");

    RunResult first = fixture.run();
    try (Connection connection = postgres.connect();
        Statement sql = connection.createStatement()) {
      sql.execute(
          "INSERT INTO public.orders SELECT g, 'n' || g || '@example.com', 1, true, timestamptz '2026-01-01 00:00:00+00' + g * interval '1 minute' FROM generate_series(3001, 3010) g");
    }

    RunResult second = fixture.run();
    RunResult third = fixture.run();

    assertThat(first.rowsRead()).isGreaterThanOrEqualTo(2500);
    assertThat(second.rowsRead()).isEqualTo(10);
    assertThat(third.rowsRead()).isZero();
    IngestFixture.assertRowCount(fixture, (int) (first.rowsRead() + 10));
    assertThat(fixture.table().currentSnapshot().summary())
        .containsKey("dativo.cursor.public.orders");
  }

  private static long count() throws Exception {
    try (Connection connection = postgres.connect();
        Statement sql = connection.createStatement();
        var rows = sql.executeQuery("SELECT count(*) FROM public.orders")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private IngestFixture postgresJob(String incremental) {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.write(
        "job.yaml",
        """
        tenant_id: acme
        environment: dev
        source_connector: postgres
        target_connector: iceberg
        asset: orders
        asset_path: asset.yaml
        source:
          connection: {host: 127.0.0.1, port: %d, database: postgres, user: dativo, password: ""}
          tables: [public.orders]
        %s
        target:
          warehouse: %s
        """
            .formatted(postgres.port(), incremental, dir.resolve("warehouse")));
    return fixture;
  }
}
