package io.dativo.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV into a real Iceberg table on the embedded local catalog. */
class CsvToIcebergTest {
  @TempDir Path dir;

  @Test
  void landsTypedRowsWithTheTagsAsTableProperties() {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.csv(
        "a.csv", IngestFixture.row(1), IngestFixture.row(2), "3,,,false,2025-02-01 08:30:00");

    RunResult result = fixture.run();

    assertThat(result.rowsRead()).isEqualTo(3);
    assertThat(result.rowsWritten()).isEqualTo(3);
    assertThat(result.snapshotId()).isPresent();
    Table table = fixture.table();
    assertThat(table.schema().identifierFieldNames()).containsExactly("order_id");
    assertThat(table.spec().fields()).extracting(f -> f.name()).containsExactly("ingest_date");
    assertThat(table.properties())
        .containsEntry("governance.owner", "sales@acme.com")
        .containsEntry("finops.cost_center", "SALES-1")
        .containsEntry("classification.fields.email", "pii")
        .containsEntry("asset.name", "orders")
        .containsKey("dativo.managed-keys");
    Record third =
        fixture.rows().stream()
            .filter(r -> r.getField("order_id").equals(3L))
            .findFirst()
            .orElseThrow();
    assertThat(third.getField("email")).isNull();
    assertThat(third.getField("paid")).isEqualTo(false);
    assertThat(third.getField("created_at"))
        .isEqualTo(OffsetDateTime.parse("2025-02-01T08:30:00Z"));
    assertThat(third.getField("ingest_date")).isEqualTo(LocalDate.parse("2026-11-23"));
    assertThat(table.currentSnapshot().summary())
        .containsEntry("dativo.tenant", "acme")
        .containsKey("dativo.run-id")
        .containsKey("dativo.source-files")
        // a new table's first commit is a fast append: the same summary a merging append writes
        .containsEntry("added-data-files", "1")
        .containsEntry("added-records", "3")
        .containsEntry("changed-partition-count", "1")
        .containsEntry(
            "total-files-size", table.currentSnapshot().summary().get("added-files-size"));
    assertThat(table.currentSnapshot().operation()).isEqualTo("append");
    assertThat(table.currentSnapshot().allManifests(table.io())).hasSize(1);
  }

  @Test
  void aCodecSetByThisRunAppliesToThisRunsFiles() throws Exception {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.csv("a.csv", IngestFixture.row(1), IngestFixture.row(2));

    fixture.run(false, Map.of("write.parquet.compression-codec", "uncompressed"));

    org.apache.iceberg.DataFile file =
        fixture.table().currentSnapshot().addedDataFiles(fixture.table().io()).iterator().next();
    try (var reader =
        org.apache.parquet.hadoop.ParquetFileReader.open(
            org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.location()),
                new org.apache.hadoop.conf.Configuration()))) {
      assertThat(reader.getFooter().getBlocks().get(0).getColumns())
          .allSatisfy(
              c ->
                  assertThat(c.getCodec())
                      .isEqualTo(
                          org.apache.parquet.hadoop.metadata.CompressionCodecName.UNCOMPRESSED));
    }
    assertThat(fixture.table().properties())
        .containsEntry("write.parquet.compression-codec", "uncompressed");
  }

  @Test
  void aReRunOverTheSameInputAddsNothing() throws Exception {
    IngestFixture fixture = new IngestFixture(dir);
    Path csv = fixture.csv("a.csv", IngestFixture.row(1), IngestFixture.row(2));
    long first = fixture.run().snapshotId().orElseThrow();
    // The checksum taken while the rows were read is the file's CRC-32C and CRC-32, as the JDK
    // computes them over the whole file.
    byte[] bytes = Files.readAllBytes(csv);
    java.util.zip.CRC32C crc32c = new java.util.zip.CRC32C();
    crc32c.update(bytes);
    java.util.zip.CRC32 crc32 = new java.util.zip.CRC32();
    crc32.update(bytes);
    assertThat(fixture.table().currentSnapshot().summary().get("dativo.source-files"))
        .contains(
            csv.toAbsolutePath()
                + ":"
                + bytes.length
                + ":crc32c+crc32="
                + String.format("%08x%08x", crc32c.getValue(), crc32.getValue()));

    RunResult again = fixture.run();

    assertThat(again.rowsRead()).isZero();
    assertThat(again.unitsSkipped()).hasSize(1);
    assertThat(again.snapshotId()).contains(first);
    IngestFixture.assertRowCount(fixture, 2);
  }

  @Test
  void sha256IsRecordedWhenAskedForAndStillRecognisedUnderTheDefault() throws Exception {
    IngestFixture fixture = new IngestFixture(dir);
    Path csv = fixture.csv("a.csv", IngestFixture.row(1), IngestFixture.row(2));
    String job = fixture.read("job.yaml");
    fixture.write("job.yaml", withSourceOptions(job, "{checksum: SHA-256}"));
    long first = fixture.run().snapshotId().orElseThrow();
    String sha256 =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(csv)));
    assertThat(fixture.table().currentSnapshot().summary().get("dativo.source-files"))
        .contains(csv.toAbsolutePath() + ":" + Files.size(csv) + ":sha256=" + sha256);

    // A run with the default checksum compares the committed SHA-256 by computing one.
    fixture.write("job.yaml", job);
    RunResult again = fixture.run();

    assertThat(again.unitsSkipped()).hasSize(1);
    assertThat(again.snapshotId()).contains(first);

    // The same path and size with other bytes is read, whichever checksum was committed.
    long size = Files.size(csv);
    fixture.csv("a.csv", IngestFixture.row(3), IngestFixture.row(4));
    assertThat(Files.size(csv)).isEqualTo(size);
    RunResult changed = fixture.run();

    assertThat(changed.rowsRead()).isEqualTo(2);
    IngestFixture.assertRowCount(fixture, 4);
  }

  @Test
  void anUnknownChecksumIsAConfigurationErrorOnItsLine() {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.csv("a.csv", IngestFixture.row(1));
    fixture.write("job.yaml", withSourceOptions(fixture.read("job.yaml"), "{checksum: md5}"));

    assertThatThrownBy(fixture::run)
        .isInstanceOfSatisfying(
            io.dativo.core.config.ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p -> {
                          assertThat(p.path()).isEqualTo("source.options.checksum");
                          assertThat(p.message())
                              .isEqualTo("unknown checksum 'md5': expected crc or sha256");
                        }));
    assertThat(fixture.dataFilesOnDisk()).isZero();
  }

  private static String withSourceOptions(String job, String options) {
    return job.replace(
        "  files: [\"data/*.csv\"]\n", "  files: [\"data/*.csv\"]\n  options: " + options + "\n");
  }

  @Test
  void aNewFileIsReadAndOldOnesAreSkipped() {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.csv("a.csv", IngestFixture.row(1));
    fixture.run();
    fixture.csv("b.csv", IngestFixture.row(2), IngestFixture.row(3));

    RunResult second = fixture.run();

    assertThat(second.rowsRead()).isEqualTo(2);
    IngestFixture.assertRowCount(fixture, 3);
  }

  @Test
  void aFullRefreshReplacesTheRowsInsteadOfDuplicatingThem() {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.csv("a.csv", IngestFixture.row(1), IngestFixture.row(2));
    fixture.run();

    RunResult refresh = fixture.run(true);

    assertThat(refresh.rowsRead()).isEqualTo(2);
    IngestFixture.assertRowCount(fixture, 2);
  }

  @Test
  void aBadRowInStrictModeFailsWithRowAndColumnAndLeavesNoTrace() {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.csv(
        "a.csv",
        IngestFixture.row(1),
        IngestFixture.row(2),
        "x3,c@x.com,1.0,true,2025-01-01T00:00:00Z");

    assertThatThrownBy(fixture::run)
        .isInstanceOf(IngestException.class)
        .hasMessage("Cannot ingest a.csv row 3: column 'order_id': expected an integer, found 'x3'")
        .extracting(e -> ((IngestException) e).kind())
        .isEqualTo(IngestException.Kind.DATA);
    assertThat(
            fixture
                .catalog()
                .tableExists(
                    org.apache.iceberg.catalog.TableIdentifier.of("acme", "sales", "orders")))
        .isFalse();
    assertThat(fixture.dataFilesOnDisk()).isZero();
  }

  @Test
  void aFailureOnAnExistingTableLeavesItsSnapshotUnchanged() {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.csv("a.csv", IngestFixture.row(1));
    long before = fixture.run().snapshotId().orElseThrow();
    fixture.csv("b.csv", IngestFixture.row(2), "3,c@x.com,1.0,maybe,2025-01-01T00:00:00Z");

    assertThatThrownBy(fixture::run)
        .hasMessageContaining("b.csv row 2: column 'paid': expected true or false, found 'maybe'");

    assertThat(fixture.table().currentSnapshot().snapshotId()).isEqualTo(before);
    assertThat(fixture.dataFilesOnDisk()).isEqualTo(1);
    IngestFixture.assertRowCount(fixture, 1);
  }

  @Test
  void warnModeCountsAndWritesBadRowsToARejectsFile() throws Exception {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.job("warn", "");
    fixture.csv(
        "a.csv",
        IngestFixture.row(1),
        "2,c@x.com,lots,true,2025-01-01T00:00:00Z",
        "3,c@x.com,1.0,true,");

    RunResult result = fixture.run();

    assertThat(result.rowsRead()).isEqualTo(3);
    assertThat(result.rowsWritten()).isEqualTo(1);
    assertThat(result.rowsRejected()).isEqualTo(2);
    List<String> rejects = Files.readAllLines(result.rejectsFile().orElseThrow());
    assertThat(rejects).hasSize(3);
    assertThat(rejects.get(1)).contains("a.csv row 2", "amount", "expected a number, found 'lots'");
    assertThat(rejects.get(2)).contains("a.csv row 3", "created_at", "a value is required");
    assertThat(fixture.table().currentSnapshot().summary())
        .containsEntry("dativo.rows-rejected", "2");
  }

  @Test
  void propertiesOthersSetAreKeptAndTagsRemovedFromTheConfigAreRemoved() {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.job("strict", "finops: {project: apollo}");
    fixture.csv("a.csv", IngestFixture.row(1));
    fixture.run();
    fixture.table().updateProperties().set("owner.team.slack", "#sales-data").commit();
    assertThat(fixture.table().properties()).containsEntry("finops.project", "apollo");

    fixture.job("strict", "");
    fixture.run();

    assertThat(fixture.table().properties())
        .doesNotContainKey("finops.project")
        .containsEntry("owner.team.slack", "#sales-data")
        .containsEntry("governance.owner", "sales@acme.com");
  }

  @Test
  void aNewNullableColumnEvolvesTheTable() {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.csv("a.csv", IngestFixture.row(1));
    fixture.run();
    fixture.write(
        "asset.yaml",
        IngestFixture.ASSET.replace(
            "  - {name: created_at",
            "  - {name: channel, logicalType: string}\n  - {name: created_at"));
    fixture.write(
        "data/b.csv",
        "order_id,email,amount,paid,created_at,channel\n2,c@x.com,1.0,true,2025-01-01T00:00:00Z,web\n");

    fixture.run();

    assertThat(fixture.table().schema().findField("channel")).isNotNull();
    assertThat(fixture.rows())
        .extracting(r -> r.getField("channel"))
        .containsExactlyInAnyOrder(null, "web");
  }

  @Test
  void twoConcurrentRunsIntoOneTableLoseNothing() throws Exception {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.csv("seed.csv", IngestFixture.row(0));
    fixture.run();
    Path other = dir.resolve("second");
    IngestFixture second = new IngestFixture(other);
    second.job("strict", "");
    // both jobs write the same table (same warehouse and identifier), different input files
    second.write(
        "job.yaml", Files.readString(dir.resolve("job.yaml")).replace("data/*.csv", "data2/*.csv"));
    fixture.write("job2.yaml", "");
    second.write(
        "data2/x.csv",
        "order_id,email,amount,paid,created_at\n"
            + String.join("\n", IngestFixture.rows(1, 500))
            + "\n");
    fixture.csv("y.csv", IngestFixture.rows(501, 1000));

    List<RunResult> runs = together(fixture, second);
    assertThat(runs.get(0).rowsWritten() + runs.get(1).rowsWritten()).isEqualTo(1000);

    IngestFixture.assertRowCount(fixture, 1001);
  }

  @Test
  void aRunOnABranchLeavesMainAsItWasUntilPublished() {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.csv("a.csv", IngestFixture.row(1), IngestFixture.row(2));
    fixture.run();
    long mainBefore = fixture.table().currentSnapshot().snapshotId();
    String onMain = fixture.read("job.yaml");
    fixture.write("job.yaml", IngestFixture.withTargetBranch(onMain, "audit"));
    fixture.csv("b.csv", IngestFixture.row(3), IngestFixture.row(4), IngestFixture.row(5));

    RunResult audit = fixture.run();
    RunResult auditAgain = fixture.run();

    Table table = fixture.table();
    assertThat(audit.branch()).isEqualTo("audit");
    assertThat(audit.rowsWritten()).isEqualTo(3); // a.csv is on main, which the branch starts from
    assertThat(auditAgain.rowsRead()).isZero();
    assertThat(audit.snapshotId()).contains(table.snapshot("audit").snapshotId());
    assertThat(table.currentSnapshot().snapshotId()).isEqualTo(mainBefore);
    assertThat(fixture.rows()).hasSize(2);
    assertThat(fixture.rows(table.snapshot("audit").snapshotId())).hasSize(5);
    assertThat(table.snapshot("audit").summary()).containsEntry("dativo.run-id", audit.runId());

    // main never committed b.csv: a run on main reads it
    fixture.write("job.yaml", onMain);
    RunResult main = fixture.run();
    assertThat(main.branch()).isEqualTo("main");
    assertThat(main.unitsRead()).hasSize(1).allSatisfy(u -> assertThat(u).endsWith("b.csv"));
  }

  @Test
  void aNewTableWrittenToABranchHasNothingOnMain() {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.targetBranch("staging");
    fixture.csv("a.csv", IngestFixture.row(1));

    RunResult result = fixture.run();

    Table table = fixture.table();
    assertThat(table.currentSnapshot()).isNull();
    assertThat(fixture.rows(table.snapshot("staging").snapshotId())).hasSize(1);
    assertThat(result.snapshotId()).contains(table.snapshot("staging").snapshotId());
  }

  @Test
  void aBranchThatIsNotANameIsAConfigErrorOnItsLine() {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.targetBranch("[a, b]");
    fixture.csv("a.csv", IngestFixture.row(1));

    assertThatThrownBy(fixture::run)
        .isInstanceOf(io.dativo.core.config.ConfigException.class)
        .hasMessageContaining("job.yaml:11:11")
        .hasMessageContaining("target.branch")
        .hasMessageContaining("expected a string");
  }

  @Test
  void aBranchNamedLikeANumberIsAName() {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.targetBranch("2024");
    fixture.csv("a.csv", IngestFixture.row(1));

    RunResult result = fixture.run();

    assertThat(result.branch()).isEqualTo("2024");
    assertThat(fixture.table().refs()).containsKey("2024");
  }

  @Test
  void aTagIsNotABranchToWriteTo() {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.csv("a.csv", IngestFixture.row(1));
    fixture.run();
    Table table = fixture.table();
    table.manageSnapshots().createTag("v1", table.currentSnapshot().snapshotId()).commit();
    fixture.targetBranch("v1");
    fixture.csv("b.csv", IngestFixture.row(2));

    assertThatThrownBy(fixture::run)
        .isInstanceOfSatisfying(
            IngestException.class, e -> assertThat(e.kind()).isEqualTo(IngestException.Kind.CONFIG))
        .hasMessageContaining("it is a tag");
    assertThat(fixture.dataFilesOnDisk()).isEqualTo(1);
  }

  @Test
  void aBranchNothingWasWrittenToReportsNoSnapshot() {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.csv("a.csv", IngestFixture.row(1));
    fixture.run();
    fixture.targetBranch("audit");

    RunResult result = fixture.run(); // a.csv is on main, where the branch would start

    assertThat(result.rowsRead()).isZero();
    assertThat(result.snapshotId()).isEmpty();
    assertThat(fixture.table().refs()).doesNotContainKey("audit");
  }

  @Test
  void aNewBranchAndMainCommittingAtOnceLoseNothing() throws Exception {
    IngestFixture main = new IngestFixture(dir);
    main.csv("seed.csv", IngestFixture.row(0));
    main.run();
    for (int round = 1; round <= 3; round++) {
      // the branch job reads its own folder, into the same table
      Path branchDir = dir.resolve("branch" + round);
      IngestFixture branch = new IngestFixture(branchDir);
      branch.write(
          "job.yaml",
          IngestFixture.withTargetBranch(main.read("job.yaml"), "audit" + round)
              .replace("data/*.csv", branchDir.resolve("data").toString() + "/*.csv"));
      branch.csv("b.csv", IngestFixture.rows(round * 1000L, round * 1000L + 9));
      main.csv("m" + round + ".csv", IngestFixture.rows(round * 100L, round * 100L + 4));
      long mainRowsBefore = main.rows().size();

      List<RunResult> runs = together(main, branch);
      assertThat(runs.get(0).rowsWritten()).isEqualTo(5);
      assertThat(runs.get(1).rowsWritten()).isEqualTo(10);

      Table table = main.table();
      assertThat(main.rows()).hasSize((int) mainRowsBefore + 5);
      // the branch starts at main's head when it commits: with or without the concurrent run's rows
      assertThat(main.rows(table.snapshot("audit" + round).snapshotId()).size())
          .isIn((int) mainRowsBefore + 10, (int) mainRowsBefore + 15);
    }
  }

  @Test
  void twoRunsOfTheSameInputAtOnceCommitItOnce() throws Exception {
    IngestFixture fixture = new IngestFixture(dir);
    fixture.csv("seed.csv", IngestFixture.row(0));
    fixture.run();
    int expected = 1;
    for (int round = 1; round <= 3; round++) {
      fixture.csv("same" + round + ".csv", IngestFixture.rows(round * 1000L, round * 1000L + 1999));
      expected += 2000;

      // one of them writes the file; the other finds it committed, before or after reading it
      List<RunResult> runs = together(fixture, fixture);
      assertThat(runs.get(0).rowsWritten() + runs.get(1).rowsWritten()).isEqualTo(2000);

      IngestFixture.assertRowCount(fixture, expected);
      // checked for conflicts, still an append to readers that follow the table's appends
      assertThat(fixture.table().currentSnapshot().operation()).isEqualTo("append");
    }

    // the run that lost leaves no data file behind: every file on disk is in the table
    long inTable = 0;
    for (var task : fixture.table().newScan().planFiles()) {
      inTable++;
    }
    assertThat(fixture.dataFilesOnDisk()).isEqualTo(inTable);
  }

  @Test
  void twoFirstRunsCreatingTheTableAtOnceCommitTheirInputOnce() throws Exception {
    for (int round = 1; round <= 3; round++) {
      IngestFixture fixture = new IngestFixture(dir.resolve("round" + round));
      fixture.csv("a.csv", IngestFixture.rows(1, 2000));

      // the run that did not create the table finds the file committed, or commits after
      List<RunResult> runs = together(fixture, fixture);
      assertThat(runs.get(0).rowsWritten() + runs.get(1).rowsWritten()).isEqualTo(2000);

      IngestFixture.assertRowCount(fixture, 2000);
    }
  }

  /** Runs two jobs at the same moment, each on its own thread; their results in order. */
  private static List<RunResult> together(IngestFixture first, IngestFixture second)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<RunResult> a = pool.submit((Callable<RunResult>) first::run);
      Future<RunResult> b = pool.submit((Callable<RunResult>) second::run);
      return List.of(a.get(), b.get());
    } finally {
      pool.shutdown();
    }
  }
}
