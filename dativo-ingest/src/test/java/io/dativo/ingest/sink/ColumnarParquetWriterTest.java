package io.dativo.ingest.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dativo.ingest.sink.parquet.ColumnarParquetWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columnar writer against Iceberg's own Parquet writer on the same rows: every supported type,
 * nulls, NaN, signed zeros, negative times, non-ASCII text, dictionaries that pay and ones that do
 * not, many pages and row groups. Both tables must read back the same rows, carry the same Iceberg
 * metrics, and answer filtered scans (which use row-group statistics and dictionaries) the same.
 */
class ColumnarParquetWriterTest {
  private static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "id", Types.LongType.get()),
          Types.NestedField.optional(2, "small", Types.IntegerType.get()),
          Types.NestedField.optional(3, "ratio", Types.FloatType.get()),
          Types.NestedField.optional(4, "amount", Types.DoubleType.get()),
          Types.NestedField.optional(5, "price", Types.DecimalType.of(9, 2)),
          Types.NestedField.optional(6, "balance", Types.DecimalType.of(18, 4)),
          Types.NestedField.optional(7, "paid", Types.BooleanType.get()),
          Types.NestedField.optional(8, "day", Types.DateType.get()),
          Types.NestedField.optional(9, "at_time", Types.TimeType.get()),
          Types.NestedField.required(10, "created_at", Types.TimestampType.withZone()),
          Types.NestedField.optional(11, "local_at", Types.TimestampType.withoutZone()),
          Types.NestedField.optional(12, "status", Types.StringType.get()),
          Types.NestedField.optional(13, "email", Types.StringType.get()),
          Types.NestedField.optional(14, "blob", Types.BinaryType.get()));

  private static final String[] STATUSES = {"paid", "shipped", "refunded", "über", "📦 sent"};

  /** Small pages, row groups and dictionaries, so a few thousand rows cross every boundary. */
  private static final Map<String, String> SMALL =
      Map.of(
          "write.parquet.page-row-limit", "700",
          "write.parquet.row-group-size-bytes", "65536",
          "write.parquet.dict-size-bytes", "2048");

  @TempDir Path dir;

  @Test
  void writesWhatIcebergsWriterWrites() throws Exception {
    List<Record> rows = rows(20_000, 42);
    Table columnar = write("columnar", rows, SMALL, RollingWriter.ParquetWriter.AUTO);
    Table iceberg = write("iceberg", rows, SMALL, RollingWriter.ParquetWriter.ICEBERG);

    assertThat(read(columnar)).isEqualTo(read(iceberg)).hasSize(rows.size());
    DataFile ours = onlyFile(columnar);
    DataFile theirs = onlyFile(iceberg);
    assertThat(ours.recordCount()).isEqualTo(theirs.recordCount()).isEqualTo(20_000);
    assertThat(ours.valueCounts()).isEqualTo(theirs.valueCounts());
    assertThat(ours.nullValueCounts()).isEqualTo(theirs.nullValueCounts());
    assertThat(ours.nanValueCounts()).isEqualTo(theirs.nanValueCounts()).containsKeys(3, 4);
    assertThat(ours.lowerBounds()).isEqualTo(theirs.lowerBounds());
    assertThat(ours.upperBounds()).isEqualTo(theirs.upperBounds());
    assertThat(ours.splitOffsets()).hasSizeGreaterThan(3);

    for (var filter :
        List.of(
            Expressions.equal("status", "über"),
            Expressions.equal("status", "missing"),
            Expressions.greaterThan("id", 19_990L),
            Expressions.lessThan("created_at", "1969-12-31T00:00:00+00:00"),
            Expressions.isNull("email"),
            Expressions.greaterThan("balance", new BigDecimal("1000.0000")))) {
      assertThat(count(columnar, filter)).as(filter.toString()).isEqualTo(count(iceberg, filter));
    }

    assertThat(count(columnar, Expressions.equal("status", "über"))).isPositive();
  }

  @Test
  void edgesAReviewFoundReadBackAsIcebergsWriterWritesThem() throws Exception {
    // A string column null for whole row groups after the first (no dictionary in those chunks);
    // NaN in some pages only, with filters on the number columns (page and row-group statistics);
    // timestamps before 1970 with digits past the microsecond (truncated toward zero).
    List<Record> rows = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      GenericRecord r = GenericRecord.create(SCHEMA);
      r.setField("id", (long) i);
      r.setField("status", i < 10_000 ? STATUSES[i % 2] : null);
      r.setField("amount", i % 5_000 == 7 ? Double.NaN : (double) (i % 100));
      r.setField("ratio", i % 5_000 == 9 ? Float.NaN : (float) (i % 50));
      r.setField(
          "created_at",
          OffsetDateTime.parse("1969-12-31T23:59:59Z").plusNanos(999_999_500L - i % 3 * 100));
      rows.add(r);
    }

    Map<String, String> settings =
        Map.of(
            "write.parquet.page-row-limit", "1000", "write.parquet.row-group-size-bytes", "65536");
    Table columnar = write("edges-columnar", rows, settings, RollingWriter.ParquetWriter.AUTO);
    Table iceberg = write("edges-iceberg", rows, settings, RollingWriter.ParquetWriter.ICEBERG);

    assertThat(read(columnar)).isEqualTo(read(iceberg)).hasSize(rows.size());
    for (var filter :
        List.of(
            Expressions.greaterThan("amount", 50.0),
            Expressions.lessThan("amount", 1.0),
            Expressions.greaterThan("ratio", 40.0f),
            Expressions.equal("status", STATUSES[0]),
            Expressions.isNull("status"),
            Expressions.greaterThanOrEqual("created_at", "1970-01-01T00:00:00+00:00"))) {
      assertThat(count(columnar, filter)).as(filter.toString()).isEqualTo(count(iceberg, filter));
    }

    // The only page with large values also holds a NaN: its bounds must not be lost.
    List<Record> spiky = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      GenericRecord r = GenericRecord.create(SCHEMA);
      r.setField("id", (long) i);
      r.setField("amount", i / 1000 != 1 ? 1.0 : i == 1_500 ? Double.NaN : 100.0);
      r.setField("created_at", OffsetDateTime.parse("2025-01-01T00:00:00Z"));
      spiky.add(r);
    }

    Table spikes = write("spikes", spiky, settings, RollingWriter.ParquetWriter.AUTO);
    assertThat(count(spikes, Expressions.greaterThan("amount", 50.0))).isEqualTo(1_000);

    // 49 in 100 rows, and the 6 NaN rows (Iceberg orders NaN above every number)
    assertThat(count(columnar, Expressions.greaterThan("amount", 50.0))).isEqualTo(14_706);
  }

  @Test
  void pagesCarryStatisticsAndDictionariesOnlyWhereTheyPay() throws Exception {
    Map<String, String> smallPages = new java.util.HashMap<>(SMALL);
    smallPages.put("write.parquet.page-row-limit", "100");
    Table table = write("stats", rows(5_000, 7), smallPages, RollingWriter.ParquetWriter.AUTO);
    try (ParquetFileReader reader = reader(onlyFile(table))) {
      BlockMetaData first = reader.getFooter().getBlocks().get(0);
      ColumnChunkMetaData status = column(first, "status");
      ColumnChunkMetaData email = column(first, "email");
      assertThat(status.hasDictionaryPage()).isTrue();
      assertThat(email.hasDictionaryPage()).isFalse();
      assertThat(status.getStatistics().hasNonNullValue()).isTrue();
      assertThat(reader.readColumnIndex(column(first, "id"))).isNotNull();
      assertThat(reader.readOffsetIndex(column(first, "id")).getPageCount()).isGreaterThan(1);
      assertThat(reader.getFooter().getFileMetaData().getKeyValueMetaData())
          .containsKey("iceberg.schema");
    }
  }

  @Test
  void longDistinctTextClosesPagesNearThePageSize() throws Exception {
    // 100 KB values, each new: a dictionary page of them would hold every value until the page's
    // row limit (20,000 rows: 2 GB); pages must close near the 1 MB page size instead.
    List<Record> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      GenericRecord r = GenericRecord.create(SCHEMA);
      r.setField("id", (long) i);
      r.setField("email", i + "x".repeat(100_000));
      r.setField("created_at", OffsetDateTime.parse("2025-01-01T00:00:00Z"));
      rows.add(r);
    }

    Table table = write("long", rows, Map.of(), RollingWriter.ParquetWriter.AUTO);

    assertThat(read(table)).isEqualTo(rows);
    try (ParquetFileReader reader = reader(onlyFile(table))) {
      ColumnChunkMetaData email = column(reader.getFooter().getBlocks().get(0), "email");
      assertThat(email.hasDictionaryPage()).isFalse();
      // 4 MB of text in pages of about 1 MB (a check may let a page pass the limit by one value)
      assertThat(reader.readOffsetIndex(email).getPageCount()).isBetween(4, 6);
    }
  }

  @Test
  void rowsGoToTheirPartitionWhenPartitionsAlternate() throws Exception {
    Table table =
        new HadoopTables(new Configuration())
            .create(
                SCHEMA,
                PartitionSpec.builderFor(SCHEMA).identity("status").identity("paid").build(),
                SMALL,
                dir.resolve("partitioned").toString());
    List<Record> rows = rows(3_000, 11);
    RollingWriter writer = writer(table, "run", RollingWriter.ParquetWriter.AUTO);
    // Runs of equal partition values (the shortcut) broken by rows of other partitions.
    java.util.Set<List<Object>> partitions = new java.util.HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      Record row = rows.get(i % 7 == 0 ? i : i - i % 7);
      partitions.add(java.util.Arrays.asList(row.getField("status"), row.getField("paid")));
      writer.write(row);
    }

    List<DataFile> files = writer.complete();
    AppendFiles append = table.newAppend();
    files.forEach(append::appendFile);
    append.commit();

    long rowsInFiles = 0;
    for (DataFile file : files) {
      String status = file.partition().get(0, String.class);
      Boolean paid = file.partition().get(1, Boolean.class);
      try (CloseableIterable<Record> records =
          org.apache.iceberg.parquet.Parquet.read(table.io().newInputFile(file.location()))
              .project(SCHEMA)
              .createReaderFunc(
                  type ->
                      org.apache.iceberg.data.parquet.GenericParquetReaders.buildReader(
                          SCHEMA, type))
              .build()) {
        for (Record record : records) {
          rowsInFiles++;
          assertThat(record.getField("status")).isEqualTo(status);
          assertThat(record.getField("paid")).isEqualTo(paid);
        }
      }
    }

    assertThat(rowsInFiles).isEqualTo(rows.size());
    assertThat(files).hasSize(partitions.size()); // one file per partition: none closed early
    assertThat(partitions).hasSizeGreaterThan(12);
  }

  @Test
  void filesOpenAtOnceShareOneRowGroupsMemory() throws Exception {
    // 2 MB of row group shared by the 6 status partitions written at once: when they buffer more
    // together, the largest flushes, so the ~1.5 MB files end up with several row groups between
    // them (alone, each would have one).
    Table table =
        new HadoopTables(new Configuration())
            .create(
                SCHEMA,
                PartitionSpec.builderFor(SCHEMA).identity("status").build(),
                Map.of("write.parquet.row-group-size-bytes", Long.toString(2L << 20)),
                dir.resolve("shared").toString());
    RollingWriter writer = writer(table, "run", RollingWriter.ParquetWriter.AUTO);
    List<Record> rows = rows(120_000, 5);
    rows.forEach(writer::write);
    List<DataFile> files = writer.complete();
    AppendFiles append = table.newAppend();
    files.forEach(append::appendFile);
    append.commit();

    // default page sizes: the page arrays grew from their first 1,024 rows to 20,000
    assertThat(read(table)).isEqualTo(rows);

    assertThat(files).hasSize(STATUSES.length + 1);
    long rowGroups = files.stream().mapToLong(f -> f.splitOffsets().size()).sum();
    assertThat(rowGroups).isGreaterThanOrEqualTo(2L * files.size());
    assertThat(files).allSatisfy(f -> assertThat(f.fileSizeInBytes()).isLessThan(2L << 20));
  }

  @Test
  void batchesWithoutNullsWriteTheBytesRowByRowWritesDo() throws Exception {
    Schema schema =
        new Schema(
            Types.NestedField.optional(1, "d", Types.DoubleType.get()),
            Types.NestedField.optional(2, "f", Types.FloatType.get()),
            Types.NestedField.optional(3, "l", Types.LongType.get()),
            Types.NestedField.required(4, "i", Types.IntegerType.get()));
    double[] doubles = {Double.NaN, Double.NaN, 2.5, -0.0, 0.0, -3.25, Double.POSITIVE_INFINITY, 7};
    long[] longs = {5, Long.MAX_VALUE, -1, Long.MIN_VALUE, 0, 42, 3, 1_700_000_000_000_000L};
    // Batches of 2 and 6 rows: the first all NaN in the floating columns, the second not.
    List<io.dativo.ingest.columns.ColumnBatch> batches = new ArrayList<>();
    List<Record> records = new ArrayList<>();
    for (int[] range : new int[][] {{0, 2}, {2, 8}}) {
      io.dativo.ingest.columns.ColumnBatch batch =
          new io.dativo.ingest.columns.ColumnBatch(schema, range[1] - range[0]);
      for (int v = range[0]; v < range[1]; v++) {
        int row = batch.size();
        batch.beginRow();
        batch.column(0).setDouble(row, doubles[v]);
        batch.column(1).setDouble(row, doubles[v]);
        batch.column(2).setLong(row, longs[v]);
        batch.column(3).setLong(row, (int) longs[v]);
        batch.commitRow();
        GenericRecord record = GenericRecord.create(schema);
        record.set(0, doubles[v]);
        record.set(1, (float) doubles[v]);
        record.set(2, longs[v]);
        record.set(3, (int) longs[v]);
        records.add(record);
      }

      batches.add(batch);
    }

    Path byBatch = dir.resolve("by-batch.parquet");
    Path byRow = dir.resolve("by-row.parquet");
    try (ColumnarParquetWriter.Resources resources =
        new ColumnarParquetWriter.Resources(Map.of(), 1 << 20)) {
      ColumnarParquetWriter batchWriter =
          new ColumnarParquetWriter(
              org.apache.iceberg.Files.localOutput(byBatch.toFile()), schema, resources, 1 << 20);
      for (io.dativo.ingest.columns.ColumnBatch batch : batches) {
        batchWriter.write(batch, 0, batch.size());
      }

      batchWriter.close();
      ColumnarParquetWriter rowWriter =
          new ColumnarParquetWriter(
              org.apache.iceberg.Files.localOutput(byRow.toFile()), schema, resources, 1 << 20);
      for (Record record : records) {
        rowWriter.write(record);
      }

      rowWriter.close();
      org.apache.iceberg.MetricsConfig config = org.apache.iceberg.MetricsConfig.getDefault();
      org.apache.iceberg.Metrics fromBatches = batchWriter.metrics(config);
      org.apache.iceberg.Metrics fromRows = rowWriter.metrics(config);
      assertThat(fromBatches.nanValueCounts())
          .isEqualTo(fromRows.nanValueCounts())
          .containsEntry(1, 2L);
      assertThat(fromBatches.lowerBounds()).isEqualTo(fromRows.lowerBounds());
      assertThat(fromBatches.upperBounds()).isEqualTo(fromRows.upperBounds());
    }

    assertThat(java.nio.file.Files.readAllBytes(byBatch))
        .isEqualTo(java.nio.file.Files.readAllBytes(byRow));
  }

  @Test
  void textBoundsAreTheUnsignedByteOrdersFirstAndLastWhateverTheSharedPrefix() throws Exception {
    Schema schema = new Schema(Types.NestedField.optional(1, "s", Types.StringType.get()));
    List<String> values =
        List.of(
            "customer000120@example.com",
            "customer000020@example.com",
            "customer00002",
            "customer",
            "customerÿ@example.com", // 0xC3 0xBF: above any ASCII byte, unsigned
            "customer000020@example.co",
            "customer0000200example.com",
            "custom");
    Path file = dir.resolve("text.parquet");
    try (ColumnarParquetWriter.Resources resources =
        new ColumnarParquetWriter.Resources(
            Map.of("write.parquet.dict-size-bytes", "1"), 1 << 20)) {
      ColumnarParquetWriter writer =
          new ColumnarParquetWriter(
              org.apache.iceberg.Files.localOutput(file.toFile()), schema, resources, 1 << 20);
      for (String value : values) {
        GenericRecord record = GenericRecord.create(schema);
        record.set(0, value);
        writer.write(record);
      }

      writer.close();
    }

    List<byte[]> sorted =
        values.stream()
            .map(v -> v.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .sorted(java.util.Arrays::compareUnsigned)
            .toList();
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toString()), new Configuration()))) {
      var statistics = reader.getFooter().getBlocks().get(0).getColumns().get(0).getStatistics();
      assertThat(statistics.getMinBytes()).isEqualTo(sorted.get(0));
      assertThat(statistics.getMaxBytes()).isEqualTo(sorted.get(sorted.size() - 1));
    }
  }

  @Test
  void aFailedCloseStillClosesTheStreamAndAFailedRowPoisonsTheFile() throws Exception {
    // A store that fails once the footer is written (an upload refused at the end).
    FailingOutput failing = new FailingOutput(dir.resolve("failing.parquet"));
    try (ColumnarParquetWriter.Resources resources =
        new ColumnarParquetWriter.Resources(Map.of(), 1 << 20)) {
      ColumnarParquetWriter writer = new ColumnarParquetWriter(failing, SCHEMA, resources, 1 << 20);
      rows(100, 1).forEach(row -> write(writer, row));
      failing.failFromNow();
      assertThatThrownBy(writer::close).isInstanceOf(java.io.IOException.class);
      assertThat(failing.closed).isTrue();

      ColumnarParquetWriter poisoned =
          new ColumnarParquetWriter(
              org.apache.iceberg.Files.localOutput(dir.resolve("poisoned.parquet").toFile()),
              SCHEMA,
              resources,
              1 << 20);
      GenericRecord noId = (GenericRecord) rows(1, 2).get(0).copy();
      noId.setField("id", null); // a required column: the row fails half-written
      assertThatThrownBy(() -> poisoned.write(noId)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> poisoned.write(rows(1, 3).get(0)))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(poisoned::close).isInstanceOf(IllegalStateException.class);

      // The same through a column batch, its second row without an id.
      ColumnarParquetWriter batchWriter =
          new ColumnarParquetWriter(
              org.apache.iceberg.Files.localOutput(dir.resolve("batch.parquet").toFile()),
              SCHEMA,
              resources,
              1 << 20);
      io.dativo.ingest.columns.ColumnBatch batch =
          new io.dativo.ingest.columns.ColumnBatch(SCHEMA, 2);
      for (int row = 0; row < 2; row++) {
        batch.beginRow();
        for (int c = 0; c < SCHEMA.columns().size(); c++) {
          batch.column(c).setNull(row);
        }

        batch.column(9).setLong(row, 1_700_000_000_000_000L);
        if (row == 0) {
          batch.column(0).setLong(row, 1);
        }

        batch.commitRow();
      }

      assertThatThrownBy(() -> batchWriter.write(batch, 0, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'id' is required but a row has no value");
      assertThatThrownBy(batchWriter::close).isInstanceOf(IllegalStateException.class);
    }
  }

  private static void write(ColumnarParquetWriter writer, Record row) {
    try {
      writer.write(row);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A local file whose stream starts failing on demand, and says whether it was closed. */
  private static final class FailingOutput implements org.apache.iceberg.io.OutputFile {
    private final org.apache.iceberg.io.OutputFile local;
    private volatile boolean failing;
    volatile boolean closed;

    FailingOutput(Path path) {
      this.local = org.apache.iceberg.Files.localOutput(path.toFile());
    }

    void failFromNow() {
      failing = true;
    }

    @Override
    public org.apache.iceberg.io.PositionOutputStream create() {
      return createOrOverwrite();
    }

    @Override
    public org.apache.iceberg.io.PositionOutputStream createOrOverwrite() {
      org.apache.iceberg.io.PositionOutputStream out = local.createOrOverwrite();
      return new org.apache.iceberg.io.PositionOutputStream() {
        @Override
        public long getPos() throws java.io.IOException {
          return out.getPos();
        }

        @Override
        public void write(int b) throws java.io.IOException {
          check();
          out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
          check();
          out.write(b, off, len);
        }

        private void check() throws java.io.IOException {
          if (failing) {
            throw new java.io.IOException("the store refused the write");
          }
        }

        @Override
        public void close() throws java.io.IOException {
          closed = true;
          out.close();
        }
      };
    }

    @Override
    public String location() {
      return local.location();
    }

    @Override
    public org.apache.iceberg.io.InputFile toInputFile() {
      return local.toInputFile();
    }
  }

  @Test
  void tablesItDoesNotCoverUseIcebergsWriter() {
    Schema nested =
        new Schema(
            Types.NestedField.required(1, "id", Types.LongType.get()),
            Types.NestedField.optional(
                2, "tags", Types.ListType.ofOptional(3, Types.StringType.get())));
    assertThat(io.dativo.ingest.sink.parquet.ColumnarParquetWriter.unsupported(nested, Map.of()))
        .hasValueSatisfying(reason -> assertThat(reason).contains("tags"));
    assertThat(
            io.dativo.ingest.sink.parquet.ColumnarParquetWriter.unsupported(
                SCHEMA, Map.of("write.parquet.bloom-filter-enabled.column.id", "true")))
        .hasValueSatisfying(reason -> assertThat(reason).contains("bloom-filter"));
    assertThat(
            io.dativo.ingest.sink.parquet.ColumnarParquetWriter.unsupported(
                SCHEMA, Map.of("write.parquet.compression-codec", "brotli")))
        .isPresent();
    assertThat(
            io.dativo.ingest.sink.parquet.ColumnarParquetWriter.unsupported(
                SCHEMA, Map.of("write.parquet.page-row-limit", "lots")))
        .isPresent();
    assertThat(io.dativo.ingest.sink.parquet.ColumnarParquetWriter.unsupported(SCHEMA, SMALL))
        .isEmpty();
  }

  private Table write(
      String name,
      List<Record> rows,
      Map<String, String> properties,
      RollingWriter.ParquetWriter choice)
      throws Exception {
    Table table =
        new HadoopTables(new Configuration())
            .create(
                SCHEMA, PartitionSpec.unpartitioned(), properties, dir.resolve(name).toString());
    RollingWriter writer = writer(table, "run-" + name, choice);
    assertThat(writer.parquetWriter())
        .isEqualTo(choice == RollingWriter.ParquetWriter.AUTO ? "columnar" : "iceberg");
    rows.forEach(writer::write);
    AppendFiles append = table.newAppend();
    writer.complete().forEach(append::appendFile);
    append.commit();
    return table;
  }

  /** A writer for {@code table} whose files never roll (1 GB). */
  private static RollingWriter writer(
      Table table, String runId, RollingWriter.ParquetWriter choice) {
    return new RollingWriter(
        table, SCHEMA, table.spec(), 1L << 30, runId, table.properties(), choice);
  }

  private static List<Record> read(Table table) throws Exception {
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      records.forEach(r -> rows.add(r.copy()));
    }

    rows.sort(Comparator.comparingLong(r -> (Long) r.getField("id")));
    return rows;
  }

  private static long count(Table table, org.apache.iceberg.expressions.Expression filter)
      throws Exception {
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).where(filter).build()) {
      long n = 0;
      for (Record record : records) {
        n += record == null ? 0 : 1;
      }

      return n;
    }
  }

  private static ParquetFileReader reader(DataFile file) throws java.io.IOException {
    return ParquetFileReader.open(
        HadoopInputFile.fromPath(
            new org.apache.hadoop.fs.Path(file.location()), new Configuration()));
  }

  private static DataFile onlyFile(Table table) {
    List<DataFile> files = new ArrayList<>();
    table.currentSnapshot().addedDataFiles(table.io()).forEach(files::add);
    assertThat(files).hasSize(1);
    return files.get(0);
  }

  private static ColumnChunkMetaData column(BlockMetaData block, String name) {
    return block.getColumns().stream()
        .filter(c -> c.getPath().toDotString().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** Deterministic rows that reach every edge the writer handles. */
  private static List<Record> rows(int count, long seed) {
    Random random = new Random(seed);
    List<Record> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      GenericRecord r = GenericRecord.create(SCHEMA);
      r.setField("id", (long) i);
      r.setField("small", sometimesNull(random, random.nextInt()));
      r.setField("ratio", sometimesNull(random, floatValue(random)));
      r.setField("amount", sometimesNull(random, doubleValue(random)));
      r.setField(
          "price",
          sometimesNull(
              random, BigDecimal.valueOf(random.nextInt(2_000_000_000) - 1_000_000_000L, 2)));
      r.setField(
          "balance",
          sometimesNull(
              random, BigDecimal.valueOf(random.nextLong() % 999_999_999_999_999_999L, 4)));
      r.setField("paid", sometimesNull(random, random.nextBoolean()));
      r.setField(
          "day", sometimesNull(random, LocalDate.ofEpochDay(random.nextInt(80_000) - 40_000)));
      r.setField(
          "at_time",
          sometimesNull(random, LocalTime.ofNanoOfDay(random.nextLong(86_400_000_000L) * 1000)));
      long micros = random.nextLong(8_000_000_000_000_000L) - 4_000_000_000_000_000L;
      OffsetDateTime at =
          OffsetDateTime.ofInstant(
              java.time.Instant.EPOCH
                  .plusNanos(0)
                  .plusSeconds(Math.floorDiv(micros, 1_000_000))
                  .plusNanos(Math.floorMod(micros, 1_000_000) * 1000L),
              ZoneOffset.UTC);
      r.setField("created_at", at);
      r.setField("local_at", sometimesNull(random, at.toLocalDateTime()));
      r.setField("status", sometimesNull(random, STATUSES[random.nextInt(STATUSES.length)]));
      r.setField(
          "email",
          sometimesNull(
              random,
              (random.nextInt(10) == 0 ? "ünï" : "user") + random.nextInt() + "@example.com"));
      byte[] blob = new byte[random.nextInt(20)];
      random.nextBytes(blob);
      r.setField("blob", sometimesNull(random, ByteBuffer.wrap(blob)));
      rows.add(r);
    }

    return rows;
  }

  private static <T> T sometimesNull(Random random, T value) {
    return random.nextInt(10) == 0 ? null : value;
  }

  private static float floatValue(Random random) {
    return switch (random.nextInt(50)) {
      case 0 -> Float.NaN;
      case 1 -> -0.0f;
      case 2 -> 0.0f;
      case 3 -> Float.POSITIVE_INFINITY;
      default -> random.nextFloat() * 2000 - 1000;
    };
  }

  private static double doubleValue(Random random) {
    return switch (random.nextInt(50)) {
      case 0 -> Double.NaN;
      case 1 -> -0.0;
      case 2 -> 0.0;
      case 3 -> Double.NEGATIVE_INFINITY;
      default -> random.nextGaussian() * 1e6;
    };
  }
}
