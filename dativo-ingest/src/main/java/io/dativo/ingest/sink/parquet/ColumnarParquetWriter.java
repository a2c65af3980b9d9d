package io.dativo.ingest.sink.parquet;

import io.dativo.ingest.columns.ColumnBatch;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FieldMetrics;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestWriter;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SchemaParser;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.inmemory.InMemoryOutputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.ParquetSchemaUtil;
import org.apache.iceberg.parquet.ParquetUtil;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;

/**
 * A Parquet data file for a flat table (top-level primitive columns), written column by column:
 * each row's values go into primitive arrays, and a page is encoded in one pass when it fills. It
 * writes what Iceberg's generic Parquet writer writes — the same Parquet schema with field ids,
 * encodings (plain, dictionary for strings while it pays), page and chunk statistics, column
 * indexes, the table's codec and the {@code iceberg.schema} key — with a fraction of the work,
 * because nothing is done value by value through layers of writers (docs/performance.md). Tables it
 * does not cover (nested or other types, Parquet settings it does not know) use Iceberg's writer:
 * see {@link #unsupported}.
 */
public final class ColumnarParquetWriter implements Closeable {
  private static final Set<String> SETTINGS =
      Set.of(
          "write.parquet.compression-codec",
          "write.parquet.compression-level",
          "write.parquet.page-size-bytes",
          "write.parquet.page-row-limit",
          "write.parquet.dict-size-bytes",
          "write.parquet.row-group-size-bytes",
          "write.parquet.row-group-check-min-record-count",
          "write.parquet.row-group-check-max-record-count",
          "parquet.enable.dictionary");
  private static final Set<String> NUMBERS =
      Set.of(
          "write.parquet.page-size-bytes",
          "write.parquet.page-row-limit",
          "write.parquet.dict-size-bytes",
          "write.parquet.row-group-size-bytes",
          "write.parquet.compression-level");
  private static final Set<String> CODECS = Set.of("zstd", "snappy", "gzip", "uncompressed");
  private static final int ROW_GROUP_CHECK_INTERVAL = 128;

  /**
   * The footer's {@code iceberg.schema}, made when the file opens: JSON code that runs once per run
   * costs less there than after the last row, where the run waits for it.
   */
  private final String schemaJson;

  private final ColumnBuffer[] columns;

  /** The compressed pages of the open row group. */
  private final PageStore pages;

  private final ParquetOutput output;
  private final ParquetFileWriter writer;
  private final long rowGroupBytes;
  private long rowGroupRows;
  private boolean closed;
  private boolean failed;

  /**
   * Why this writer cannot write {@code schema} with these table properties, or empty when it can.
   */
  public static Optional<String> unsupported(Schema schema, Map<String, String> properties) {
    for (Types.NestedField field : schema.columns()) {
      Type type = field.type();
      // the primitives a column batch holds are the ones this writer encodes
      if (!ColumnBatch.holds(type)) {
        return Optional.of("column '" + field.name() + "' has type " + type);
      }
    }

    for (String key : properties.keySet()) {
      if ((key.startsWith("write.parquet.") || key.startsWith("parquet."))
          && !SETTINGS.contains(key)) {
        return Optional.of("table property " + key);
      }
    }

    String codec = codec(properties);
    if (!CODECS.contains(codec)) {
      return Optional.of("compression codec " + codec);
    }

    for (String key : NUMBERS) {
      String value = properties.get(key);
      if (value != null && !value.trim().matches("\\d{1,9}")) {
        return Optional.of("table property " + key + "=" + value); // Iceberg's writer reports it
      }
    }

    return Optional.empty();
  }

  /**
   * Writes a one-row file of {@code schema} in memory and closes it, on a thread of its own, while
   * the run starts (opening the catalog, the table), when a core is partly idle. Closing a file
   * runs code nothing else runs before the end of a run — the footer and its JSON mapper, the
   * column indexes, the Iceberg metrics — and running it the first time (loading, linking,
   * initializing its classes) took ~0.1 s after the last row, where the run waits for it. Several
   * threads write Parquet files at once in Spark and Trino: these classes initialize safely side by
   * side. A failure here only means the real file does that work itself.
   */
  public static void rehearseInBackground(Schema schema) {
    if (unsupported(schema, Map.of()).isPresent()) {
      return;
    }

    Thread thread =
        new Thread(
            () -> {
              try {
                rehearse(schema);
              } catch (IOException | RuntimeException | LinkageError e) {
                // only a rehearsal
              }
            },
            "dativo-rehearsal");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * One row of zeros (or empty text) in every column, written to memory and closed, its data file
   * entry put in a manifest (in memory too).
   */
  static Metrics rehearse(Schema schema) throws IOException {
    try (Resources resources = new Resources(Map.of(), 1 << 20)) {
      ColumnBatch batch = new ColumnBatch(schema, 1);
      batch.beginRow();
      for (int i = 0; i < schema.columns().size(); i++) {
        ColumnBatch.Column column = batch.column(i);
        if (column.longs() != null) {
          column.setLong(0, 0);
        } else if (column.doubles() != null) {
          column.setDouble(0, 0);
        } else if (column.booleans() != null) {
          column.setBoolean(0, false);
        } else {
          column.setBytes(0, new byte[0], 0, 0);
        }
      }

      batch.commitRow();
      InMemoryOutputFile file = new InMemoryOutputFile();
      ColumnarParquetWriter writer = new ColumnarParquetWriter(file, schema, resources, 1 << 20);
      writer.write(batch, 0, 1);
      writer.close();
      Metrics metrics = writer.metrics(MetricsConfig.getDefault());
      // What a run does next with a closed file: its data file entry, in a manifest (Avro).
      PartitionSpec unpartitioned = PartitionSpec.unpartitioned();
      DataFile dataFile =
          DataFiles.builder(unpartitioned)
              .withPath(file.location())
              .withFormat(FileFormat.PARQUET)
              .withFileSizeInBytes(file.toByteArray().length)
              .withMetrics(metrics)
              .withSplitOffsets(writer.splitOffsets())
              .build();
      try (ManifestWriter<DataFile> manifest =
          ManifestFiles.write(2, unpartitioned, new InMemoryOutputFile(), 1L)) {
        manifest.add(dataFile);
      }

      return metrics;
    }
  }

  private static String codec(Map<String, String> properties) {
    return properties
        .getOrDefault("write.parquet.compression-codec", "zstd")
        .toLowerCase(Locale.ROOT);
  }

  /**
   * What the files a run writes at once share, since one thread writes them all: the codec (with
   * its output buffer) and the buffer pages are encoded in. Closed after the last file.
   */
  public static final class Resources implements AutoCloseable {
    private final ColumnBuffer.Settings settings;
    private final CodecFactory codecs;
    private final BytesInputCompressor compressor;
    private final PageBytes scratch = new PageBytes(64 * 1024);

    /** Blocks of compressed pages the open files' row groups give back when written. */
    private final PageStore.Pool pageBlocks;

    /**
     * For files of a table with these properties ({@link #unsupported} said yes), whose open row
     * groups may hold {@code rowGroupBytes} together: written row groups' page blocks are kept up
     * to that much, for the next ones.
     */
    public Resources(Map<String, String> properties, long rowGroupBytes) {
      this.pageBlocks = new PageStore.Pool(rowGroupBytes);
      this.settings =
          new ColumnBuffer.Settings(
              // Pages are buffered per column: a cap keeps a huge setting from taking the heap.
              Math.min(intSetting(properties, "write.parquet.page-row-limit", 20_000), 100_000),
              intSetting(properties, "write.parquet.page-size-bytes", 1024 * 1024),
              intSetting(properties, "write.parquet.dict-size-bytes", 2 * 1024 * 1024),
              !"false".equalsIgnoreCase(properties.get("parquet.enable.dictionary")));
      String codec = codec(properties);
      Configuration conf = new Configuration(false);
      String level = properties.get("write.parquet.compression-level");
      if (level != null) {
        if (codec.equals("zstd")) {
          conf.set("parquet.compression.codec.zstd.level", level);
          conf.set("io.compression.codec.zstd.level", level);
        } else if (codec.equals("gzip")) {
          conf.set("zlib.compress.level", level);
        }
      }

      this.codecs = new CodecFactory(conf, settings.pageSizeBytes());
      this.compressor =
          codec.equals("zstd")
              ? new ZstdPageCompressor(
                  level == null ? ZstdPageCompressor.DEFAULT_LEVEL : Integer.parseInt(level.trim()))
              : codecs.getCompressor(CompressionCodecName.valueOf(codec.toUpperCase(Locale.ROOT)));
    }

    @Override
    public void close() {
      if (compressor instanceof ZstdPageCompressor zstd) {
        zstd.release();
      }

      codecs.release();
    }
  }

  /** Starts a file; {@code resources} are shared with the other files open at the same time. */
  public ColumnarParquetWriter(
      OutputFile file, Schema schema, Resources resources, long rowGroupBytes) throws IOException {
    this.schemaJson = SchemaParser.toJson(schema);
    this.rowGroupBytes = rowGroupBytes;
    ColumnBuffer.Settings settings = resources.settings;
    BytesInputCompressor compressor = resources.compressor;
    PageBytes scratch = resources.scratch;
    this.pages = new PageStore(resources.pageBlocks);

    MessageType type = ParquetSchemaUtil.convert(schema, "table");
    List<ColumnDescriptor> descriptors = type.getColumns();
    List<Types.NestedField> fields = schema.columns();
    this.columns = new ColumnBuffer[fields.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = column(fields.get(i), descriptors.get(i), settings, compressor, scratch, pages);
    }

    this.output = new ParquetOutput(file);
    ParquetFileWriter started = null;
    try {
      started =
          new ParquetFileWriter(
              output,
              type,
              ParquetFileWriter.Mode.OVERWRITE,
              rowGroupBytes,
              0,
              64,
              Integer.MAX_VALUE,
              true);
      started.start();
    } catch (IOException | RuntimeException e) {
      if (started != null) {
        try {
          started.close();
        } catch (IOException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }

      output.closeStream();
      throw e;
    }

    this.writer = started;
  }

  private static int intSetting(Map<String, String> properties, String key, int fallback) {
    String value = properties.get(key);
    return value == null ? fallback : Math.max(1, Integer.parseInt(value.trim()));
  }

  private static ColumnBuffer column(
      Types.NestedField field,
      ColumnDescriptor descriptor,
      ColumnBuffer.Settings settings,
      BytesInputCompressor compressor,
      PageBytes scratch,
      PageStore pages) {
    int id = field.fieldId();
    Type type = field.type();
    return switch (type.typeId()) {
      case BOOLEAN -> new BooleanColumn(descriptor, id, settings, compressor, scratch, pages);
      case FLOAT, DOUBLE ->
          new FloatingColumn(descriptor, id, settings, compressor, scratch, pages);
      case STRING, BINARY -> new BinaryColumn(descriptor, id, settings, compressor, scratch, pages);
      case INTEGER, LONG, DATE, TIME, TIMESTAMP, DECIMAL ->
          new IntegerColumn(descriptor, id, settings, compressor, scratch, pages, type);
      default -> throw new IllegalArgumentException("Unsupported column type " + type);
    };
  }

  /** Adds one row (its values in the order of the schema's columns). */
  public void write(StructLike row) throws IOException {
    if (failed) {
      throw new IllegalStateException("A row failed half-written: this file can only be aborted");
    }

    try {
      for (int i = 0; i < columns.length; i++) {
        columns[i].add(row.get(i, Object.class));
      }
    } catch (RuntimeException | IOException e) {
      failed = true; // earlier columns took the row, later ones did not
      throw e;
    }

    rowGroupRows++;
    if (rowGroupRows % ROW_GROUP_CHECK_INTERVAL == 0 && bufferedBytes() >= rowGroupBytes) {
      flushRowGroup();
    }
  }

  /** Adds rows {@code [from, to)} of a batch of this file's schema. */
  public void write(ColumnBatch batch, int from, int to) throws IOException {
    if (failed) {
      throw new IllegalStateException("A row failed half-written: this file can only be aborted");
    }

    try {
      for (int i = 0; i < columns.length; i++) {
        columns[i].add(batch.column(i), from, to);
      }
    } catch (RuntimeException | IOException e) {
      failed = true; // earlier columns took the rows, later ones did not
      throw e;
    }

    rowGroupRows += to - from;
    if (bufferedBytes() >= rowGroupBytes) {
      flushRowGroup();
    }
  }

  /** Bytes held in memory for the open row group (compressed pages and open pages). */
  public long bufferedBytes() {
    long bytes = 0;
    for (ColumnBuffer column : columns) {
      bytes += column.bufferedBytes();
    }

    return bytes;
  }

  /** Writes the open row group to the file now (a smaller row group, less memory held). */
  public void flushRowGroup() throws IOException {
    if (rowGroupRows == 0) {
      return;
    }

    writer.startBlock(rowGroupRows);
    for (ColumnBuffer column : columns) {
      column.writeChunk(writer);
    }

    writer.endBlock();
    pages.clear();
    rowGroupRows = 0;
  }

  /** Bytes written so far plus what is buffered: the file's size, near enough to roll files. */
  public long length() throws IOException {
    return writer.getPos() + bufferedBytes();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }

    closed = true;
    boolean ended = false;
    try {
      if (failed) {
        throw new IllegalStateException("A row failed half-written: this file can only be aborted");
      }

      flushRowGroup();
      writer.end(Map.of("iceberg.schema", schemaJson));
      ended = true;
    } finally {
      if (!ended) {
        closeQuietly(); // an upload (S3, GCS) must not stay open
      }
    }
  }

  private void closeQuietly() {
    try {
      writer.close();
    } catch (IOException | RuntimeException e) {
      // the caller deletes the file
    } finally {
      output.closeStream();
    }
  }

  /** Closes the file after a failure, without a footer (it is deleted by the caller). */
  public void abort() {
    if (!closed) {
      closed = true;
      closeQuietly(); // closes the stream; without end() no footer is written
    }
  }

  /** The file's metrics for its Iceberg data file entry (after {@link #close}). */
  public Metrics metrics(MetricsConfig config) {
    Stream<FieldMetrics<?>> fieldMetrics =
        Stream.of(columns).map(ColumnBuffer::fieldMetrics).filter(Objects::nonNull);
    return ParquetUtil.footerMetrics(writer.getFooter(), fieldMetrics, config);
  }

  /** Where each row group starts, for split planning. */
  public List<Long> splitOffsets() {
    return ParquetUtil.getSplitOffsets(writer.getFooter());
  }
}
