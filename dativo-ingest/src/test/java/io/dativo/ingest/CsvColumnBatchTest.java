package io.dativo.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV text typed straight into column batches (the default for CSV into flat tables) against the
 * record path (Iceberg's writer, {@code DATIVO_PARQUET_WRITER=iceberg}): the same rows, the same
 * refusals.
 */
class CsvColumnBatchTest {
  @TempDir Path dir;

  private static final String ASSET =
      """
      apiVersion: v3.0.2
      kind: DataContract
      name: orders
      version: "1.0"
      domain: sales
      schema:
        - {name: id, logicalType: integer, required: true}
        - {name: note, logicalType: string}
        - {name: amount, logicalType: number}
        - {name: paid, logicalType: boolean}
        - {name: day, logicalType: date}
        - {name: at, logicalType: timestamp}
        - {name: clock, logicalType: time}
        - {name: blob, logicalType: binary}
        - {name: status, logicalType: string}
      team: {owner: sales@acme.com}
      target: {partitioning: [status]}
      """;

  /** Every type, in the forms the general converter accepts, and the edges of the fast ones. */
  private static final String CSV =
      String.join(
              "\r\n",
              "id,note,amount,paid,day,at,clock,blob,status",
              "1,plain,1.5,true,2025-01-31,2025-01-31T10:00:00Z,10:00:00,aGVsbG8=,open",
              "-2,\"quoted, with \"\"quotes\"\"\",-0.25,false,1969-12-31,1969-12-31T23:59:59.9999999Z,"
                  + "00:00:01.5,not base64!,closed",
              "+3,Zoë 日本,1e3,yes,2024-02-29,2025-01-31 10:00:00.1234567+02:00,23:59:59,,open",
              " 4 ,  spaced  , 2.5 ,T,2025-03-01,1700000000,,,closed",
              "9223372036854775807,\"two\nlines\",123456789012345678,0,2025-12-31,2025-06-01,,,open",
              "6,,NaN,n,,2025-01-31T10:00:00.5-0130,,,",
              "7,last,-1.7976931348623157E308,1,2000-01-01,2000-01-01T00:00:00+00:00,,,open")
          + "\r\n";

  @Test
  void batchesHoldWhatRecordsHoldForEveryType() throws IOException {
    Map<String, List<String>> both = runBoth(CSV);
    List<String> batched = both.get("columnar");
    List<String> records = both.get("iceberg");

    assertThat(batched).hasSize(7).isEqualTo(records);
    assertThat(String.join("\n", batched))
        .contains("note=quoted, with \"quotes\"", "note=Zoë 日本", "note=two\nlines")
        .contains("note=  spaced  ", "id=4,", "id=9223372036854775807")
        .contains("at=1970-01-01T00:00Z") // -0.1 µs, truncated toward zero as records are
        .contains("at=2023-11-14T22:13:20Z", "at=2025-01-31T08:00:00.123456Z")
        .contains("amount=NaN", "amount=1000.0", "day=null");
  }

  @Test
  void partitionsAlternatingWithinABatchGoToTheirFiles() throws IOException {
    StringBuilder csv = new StringBuilder("id,note,amount,paid,day,at,clock,blob,status\n");
    for (int i = 0; i < 10_000; i++) {
      csv.append(i).append(",n").append(i).append(",1,true,,,,,").append(i % 3 == 0 ? "a" : "b");
      csv.append('\n');
    }

    IngestFixture fixture = fixture("parts", csv.toString(), Map.of());
    RunResult result = fixture.run();

    assertThat(result.parquetWriter()).contains("columnar");
    assertThat(result.dataFiles()).isEqualTo(2);
    Map<Object, Long> counts =
        fixture.rows().stream()
            .collect(Collectors.groupingBy(r -> r.getField("status"), Collectors.counting()));
    assertThat(counts).containsEntry("a", 3334L).containsEntry("b", 6666L);
    assertThat(fixture.table().newScan().planFiles())
        .allSatisfy(
            task ->
                assertThat(task.file().partition().get(0, String.class))
                    .isIn("a", "b")
                    .isEqualTo(task.file().path().toString().contains("status=a") ? "a" : "b"));
  }

  @Test
  void textThatIsNotUtf8IsABadValueWithItsRowAndColumn() throws IOException {
    byte[] bad = "id,note\n1,ok\n2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

    IngestFixture strict = fixture("strict", "", Map.of());
    Files.write(strict.dir.resolve("data/a.csv"), bad);
    assertThatThrownBy(strict::run)
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("a.csv row 2")
        .hasMessageContaining("column 'note'")
        .hasMessageContaining("not valid UTF-8");

    IngestFixture warn = fixture("warned", "", Map.of());
    warn.job("warn", "");
    warn.renameTable("warned");
    Files.write(warn.dir.resolve("data/a.csv"), bad);
    RunResult result = warn.run();
    assertThat(result.rowsWritten()).isEqualTo(1);
    assertThat(result.rowsRejected()).isEqualTo(1);
    assertThat(Files.readString(result.rejectsFile().orElseThrow()))
        .contains("a.csv row 2", "note", "not valid UTF-8");
  }

  @Test
  void aFileInAnotherEncodingIsReadAsItsText() throws IOException {
    IngestFixture fixture = fixture("latin", "", Map.of());
    csvWithOptions(
        fixture,
        "{encoding: ISO-8859-1, delimiter: ';'}",
        "id;note\n1;café\n2;\"a;b\"\n".getBytes(StandardCharsets.ISO_8859_1));

    fixture.run();

    assertThat(fixture.rows())
        .extracting(r -> r.getField("note"))
        .containsExactlyInAnyOrder("café", "a;b");
  }

  @Test
  void bytesTheDeclaredEncodingDoesNotHaveStopTheRunNamingTheEncoding() throws IOException {
    IngestFixture fixture = fixture("ascii", "", Map.of());
    csvWithOptions(
        fixture,
        "{encoding: US-ASCII}",
        "id,note\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(fixture::run)
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("a.csv: it is not valid US-ASCII text")
        .satisfies(
            e ->
                assertThat(((IngestException) e).hint().orElseThrow())
                    .contains("source.options.encoding"));
  }

  /** The job with {@code source.options} and the CSV file's bytes. */
  private static void csvWithOptions(IngestFixture fixture, String options, byte[] csv)
      throws IOException {
    fixture.write(
        "job.yaml",
        fixture
            .read("job.yaml")
            .replace(
                "  files: [\"data/*.csv\"]", "  files: [\"data/*.csv\"]\n  options: " + options));
    Files.write(fixture.dir.resolve("data/a.csv"), csv);
  }

  /** The CSV through both paths, each into its own table; rows as sorted text. */
  private Map<String, List<String>> runBoth(String csv) throws IOException {
    IngestFixture batched = fixture("batched", csv, Map.of());
    IngestFixture records = fixture("records", csv, Map.of("DATIVO_PARQUET_WRITER", "iceberg"));
    RunResult batchedRun = batched.run();
    RunResult recordsRun = records.run();
    assertThat(batchedRun.rowsWritten()).as(batchedRun.toString()).isEqualTo(7);
    assertThat(batchedRun.parquetWriter()).contains("columnar");
    assertThat(recordsRun.parquetWriter()).contains("iceberg");
    assertThat(metrics(batched)).hasSize(3).isEqualTo(metrics(records)); // what scans prune by
    return Map.of("columnar", text(batched.rows()), "iceberg", text(records.rows()));
  }

  /** Each data file's counts and bounds, by partition. */
  private static Map<String, List<Object>> metrics(IngestFixture fixture) throws IOException {
    Map<String, List<Object>> metrics = new java.util.TreeMap<>();
    try (var tasks = fixture.table().newScan().planFiles()) {
      for (var task : tasks) {
        var file = task.file();
        metrics.put(
            String.valueOf(file.partition().get(0, String.class)),
            java.util.Arrays.asList(
                file.recordCount(),
                file.valueCounts(),
                file.nullValueCounts(),
                file.nanValueCounts(),
                file.lowerBounds(),
                file.upperBounds()));
      }
    }

    return metrics;
  }

  private IngestFixture fixture(String name, String csv, Map<String, String> env)
      throws IOException {
    Path jobDir = dir.resolve(name);
    Files.createDirectories(jobDir);
    IngestFixture fixture = new IngestFixture(jobDir);
    fixture.write("asset.yaml", ASSET);
    fixture.env = env;
    Files.createDirectories(jobDir.resolve("data"));
    if (!csv.isEmpty()) {
      fixture.write("data/a.csv", csv);
    }

    return fixture;
  }

  private static List<String> text(List<Record> rows) {
    return rows.stream()
        .sorted(Comparator.comparing(r -> (Long) r.getField("id")))
        .map(CsvColumnBatchTest::text)
        .toList();
  }

  private static String text(Record row) {
    StringBuilder text = new StringBuilder();
    for (var field : row.struct().fields()) {
      Object value = row.getField(field.name());
      if (value instanceof java.nio.ByteBuffer bytes) {
        value = StandardCharsets.ISO_8859_1.decode(bytes.duplicate());
      }

      text.append(field.name()).append('=').append(value).append(',');
    }

    return text.toString();
  }
}
