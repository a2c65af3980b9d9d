package io.dativo.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV into Iceberg through a real Nessie server: each run is one Nessie commit on the job's branch,
 * carrying the data and the tags; other branches do not see it.
 */
class NessieCatalogIT {
  static NessieServer nessie;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    nessie = NessieServer.start();
  }

  @AfterAll
  static void stop() {
    if (nessie != null) {
      nessie.close();
    }
  }

  @Test
  void aRunIsOneNessieCommitWithTheRowsAndTheTags() throws Exception {
    IngestFixture fixture = nessieJob("main", "");
    fixture.csv("a.csv", IngestFixture.rows(1, 100));

    RunResult first = fixture.run();
    RunResult again = fixture.run();

    assertThat(first.rowsWritten()).isEqualTo(100);
    assertThat(again.rowsWritten()).isZero(); // the file is already committed
    Table table = fixture.table();
    assertThat(table.properties())
        .containsEntry("governance.owner", "sales@acme.com")
        .containsEntry("finops.cost_center", "SALES-1")
        .containsKey("dativo.managed-keys");
    Snapshot snapshot = table.currentSnapshot();
    assertThat(snapshot.snapshotId()).isEqualTo(first.snapshotId().orElseThrow());
    assertThat(snapshot.summary()).containsKey("dativo.run-id");
    IngestFixture.assertRowCount(fixture, 100);
    assertThat(nessie.get("/trees/main/entries")).contains("orders");

    // a later run, data and a changed tag together, is exactly one commit on the branch
    int commitsBefore = commits("main");
    fixture.write("asset.yaml", fixture.read("asset.yaml").replace("SALES-1", "SALES-2"));
    fixture.csv("b.csv", IngestFixture.rows(101, 110));
    RunResult later = fixture.run();
    assertThat(later.rowsWritten()).isEqualTo(10);
    assertThat(commits("main")).isEqualTo(commitsBefore + 1);
    assertThat(nessie.get("/trees/main/history?max-records=1"))
        .containsPattern("\"app-id\"\\s*:\\s*\\[\\s*\"dativo\"");
    assertThat(fixture.table().properties()).containsEntry("finops.cost_center", "SALES-2");
  }

  /** The number of commits in the branch's history (Nessie's REST API, v2). */
  private static int commits(String branch) throws Exception {
    String history = nessie.get("/trees/" + branch + "/history?max-records=1000");
    return history.split("\"commitMeta\"", -1).length - 1;
  }

  @Test
  void aBranchKeepsItsTablesFromOtherBranches() throws Exception {
    nessie.createBranch("etl_dev");
    IngestFixture fixture = nessieJob("etl_dev", "_branch");
    fixture.csv("a.csv", IngestFixture.rows(1, 10));

    fixture.run();

    assertThat(nessie.get("/trees/etl_dev/entries")).contains("orders_branch");
    assertThat(nessie.get("/trees/main/entries")).doesNotContain("orders_branch");
    IngestFixture.assertRowCount(fixture, 10);
  }

  @Test
  void aBranchThatDoesNotExistIsTheUsersToFix() {
    IngestFixture fixture = nessieJob("no_such_branch", "");
    fixture.csv("a.csv", IngestFixture.rows(1, 1));

    assertThatThrownBy(fixture::run)
        .isInstanceOfSatisfying(
            IngestException.class, e -> assertThat(e.kind()).isEqualTo(IngestException.Kind.CONFIG))
        .hasMessageContaining("branch no_such_branch not found");
  }

  @Test
  void anIcebergBranchIsRefusedInFavourOfANessieBranch() throws Exception {
    IngestFixture fixture = nessieJob("main", "_wap");
    fixture.targetBranch("audit");
    fixture.csv("a.csv", IngestFixture.rows(1, 3));

    assertThatThrownBy(fixture::run)
        .isInstanceOfSatisfying(
            IngestException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(IngestException.Kind.CONFIG);
              assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("branch: audit"));
            })
        .hasMessageContaining("does not keep Iceberg branches");
    assertThat(nessie.get("/trees/main/entries")).doesNotContain("orders_wap");
  }

  @Test
  void twoConcurrentRunsOnOneBranchLoseNothing() throws Exception {
    IngestFixture seed = nessieJob("main", "_concurrent");
    seed.csv("seed.csv", IngestFixture.rows(0, 0));
    seed.run();
    List<IngestFixture> jobs =
        List.of(nessieJob("main", "_concurrent", "a"), nessieJob("main", "_concurrent", "b"));
    jobs.get(0).csv("a.csv", IngestFixture.rows(1, 300));
    jobs.get(1).csv("b.csv", IngestFixture.rows(301, 600));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<RunResult>> runs = jobs.stream().map(j -> pool.submit(() -> j.run())).toList();
      for (Future<RunResult> run : runs) {
        assertThat(run.get().rowsWritten()).isEqualTo(300);
      }
    } finally {
      pool.shutdown();
    }

    IngestFixture.assertRowCount(seed, 601);
  }

  private IngestFixture nessieJob(String branch, String tableSuffix) {
    return nessieJob(branch, tableSuffix, "");
  }

  /** A job into table {@code orders<suffix>} on the branch; {@code sub} separates job folders. */
  private IngestFixture nessieJob(String branch, String tableSuffix, String sub) {
    IngestFixture fixture = new IngestFixture(dir.resolve("job" + tableSuffix + sub));
    fixture.targetJob(
        "warehouse: %s\ncatalog: {type: nessie, uri: \"%s\", branch: %s}"
            .formatted(dir.resolve("warehouse"), nessie.uri(), branch),
        "");
    fixture.renameTable("orders" + tableSuffix);
    return fixture;
  }
}
