package io.dativo.ingest.sink;

import io.dativo.ingest.columns.ColumnBatch;
import io.dativo.ingest.sink.parquet.ColumnarParquetWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;

/**
 * Writes records to Parquet data files of a table: one open file per partition, rolled when it
 * reaches the target size, and at most {@link #MAX_OPEN_FILES} open at once (the least recently
 * used is closed), so memory stays bounded whatever the input. Nothing is visible in the table
 * until the files are committed; {@link #abort} deletes them.
 */
public final class RollingWriter {
  static final int MAX_OPEN_FILES = 32;
  static final int SIZE_CHECK_INTERVAL = 1000;

  /**
   * Parquet buffers a row group in memory: a smaller one keeps the heap small (Iceberg's default is
   * 128 MB).
   */
  static final long ROW_GROUP_BYTES = 32L * 1024 * 1024;

  /** The smallest row group a small heap gets. */
  static final long MIN_ROW_GROUP_BYTES = 1024 * 1024;

  private final Table table;
  private final Map<String, String> properties;
  private final Schema schema;
  private final PartitionSpec spec;
  private final long targetFileBytes;
  private final String runId;
  private final PartitionKey key;
  private final InternalRecordWrapper wrapper;

  /** {@link PartitionSpec#isPartitioned} streams over the fields on every call: asked once. */
  private final boolean partitioned;

  /**
   * Top-level positions of the partition's source columns (null when one is nested: no shortcut),
   * their values in the previous row, and the file that row went to.
   */
  private final int[] sourcePositions;

  private final Object[] lastSources;
  private OpenFile lastFile;
  private StructLike lastPartition;

  /** The codec and encoding buffer the columnar files share (made with the first file). */
  private ColumnarParquetWriter.Resources resources;

  /** Whether files are written by {@link ColumnarParquetWriter} (else by Iceberg's writer). */
  private final boolean columnar;

  private final Map<StructLike, OpenFile> open = new LinkedHashMap<>(16, 0.75f, true);
  private final List<DataFile> completed = new ArrayList<>();
  private final List<String> written = new ArrayList<>();
  private int fileCount;

  /** Which Parquet writer a run may use. */
  public enum ParquetWriter {
    /** The columnar writer where it covers the table, else Iceberg's (the default). */
    AUTO,
    /** Always Iceberg's generic writer ({@code DATIVO_PARQUET_WRITER=iceberg}). */
    ICEBERG;

    /** From {@code DATIVO_PARQUET_WRITER}: {@code auto} (or unset) or {@code iceberg}. */
    public static ParquetWriter fromEnvironment(Map<String, String> env) {
      String value = env.getOrDefault("DATIVO_PARQUET_WRITER", "auto");
      return "iceberg".equalsIgnoreCase(value.trim()) ? ICEBERG : AUTO;
    }
  }

  /**
   * @param properties the table's properties as they will be after this run's commit (a codec the
   *     job sets now applies to this run's files, not only to the next run's)
   */
  public RollingWriter(
      Table table,
      Schema schema,
      PartitionSpec spec,
      long targetFileBytes,
      String runId,
      Map<String, String> properties,
      ParquetWriter choice) {
    this.properties = Map.copyOf(properties);
    this.columnar =
        choice == ParquetWriter.AUTO
            && ColumnarParquetWriter.unsupported(schema, properties).isEmpty();
    this.table = table;
    this.schema = schema;
    this.spec = spec;
    this.targetFileBytes = targetFileBytes;
    this.runId = runId;
    this.key = new PartitionKey(spec, schema);
    this.wrapper = new InternalRecordWrapper(schema.asStruct());
    this.partitioned = spec.isPartitioned();
    this.sourcePositions = partitioned ? sourcePositions(schema, spec) : null;
    this.lastSources = new Object[sourcePositions == null ? 0 : sourcePositions.length];
  }

  /** One data file being written, by whichever Parquet writer suits the table. */
  private interface OpenFile {
    void write(Record record) throws IOException;

    long length() throws IOException;

    long rows();

    DataFile complete() throws IOException;

    void abort();
  }

  /** Iceberg's generic Parquet writer: any schema, any Parquet setting. */
  private static final class GenericFile implements OpenFile {
    private final DataWriter<Record> writer;
    private long rows;

    GenericFile(DataWriter<Record> writer) {
      this.writer = writer;
    }

    @Override
    public void write(Record record) {
      writer.write(record);
      rows++;
    }

    @Override
    public long length() {
      return writer.length();
    }

    @Override
    public long rows() {
      return rows;
    }

    @Override
    public DataFile complete() throws IOException {
      writer.close();
      return writer.toDataFile();
    }

    @Override
    public void abort() {
      try {
        writer.close();
      } catch (IOException | RuntimeException e) {
        // the file is deleted either way
      }
    }
  }

  /** The columnar writer, for flat tables (see {@link ColumnarParquetWriter#unsupported}). */
  private final class ColumnarFile implements OpenFile {
    private final ColumnarParquetWriter writer;
    private final String location;
    private final StructLike partition;
    private long rows;

    ColumnarFile(ColumnarParquetWriter writer, String location, StructLike partition) {
      this.writer = writer;
      this.location = location;
      this.partition = partition;
    }

    @Override
    public void write(Record record) throws IOException {
      writer.write(record);
      rows++;
    }

    void write(ColumnBatch batch, int from, int to) throws IOException {
      writer.write(batch, from, to);
      rows += to - from;
    }

    @Override
    public long length() throws IOException {
      return writer.length();
    }

    @Override
    public long rows() {
      return rows;
    }

    @Override
    public DataFile complete() throws IOException {
      writer.close();
      return DataFiles.builder(spec)
          .withPath(location)
          .withFormat(FileFormat.PARQUET)
          .withFileSizeInBytes(writer.length())
          .withPartition(partition)
          .withMetrics(writer.metrics(MetricsConfig.from(properties, schema, table.sortOrder())))
          .withSplitOffsets(writer.splitOffsets())
          .build();
    }

    @Override
    public void abort() {
      writer.abort();
    }
  }

  public void write(Record record) {
    StructLike partition = null;
    OpenFile file;
    if (partitioned && lastFile != null && sameSources(record)) {
      // Rows from one source mostly share a partition (ingest_date always does): skip the
      // transforms.
      file = lastFile;
      partition = lastPartition;
    } else {
      if (partitioned) {
        if (lastPartition != null) {
          open.get(lastPartition); // the file in use stays the most recently used
        }

        key.partition(wrapper.wrap(record));
        partition = key;
      }

      file = open.get(partition);
      if (file == null) {
        file = openFile(partition);
      }

      if (sourcePositions != null) {
        for (int i = 0; i < sourcePositions.length; i++) {
          lastSources[i] = record.get(sourcePositions[i]);
        }

        lastFile = file;
        lastPartition = keyOf(file);
      }
    }

    try {
      file.write(record);
      if (file.rows() % SIZE_CHECK_INTERVAL == 0) {
        checkSize(file, partition);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether {@link #write(ColumnBatch)} can be used: the files are written by the columnar writer.
   */
  public boolean writesBatches() {
    return columnar;
  }

  /**
   * Writes a batch's rows, each run of rows with the same partition in one call. A run uses either
   * this or {@link #write(Record)}, not both (the previous row's partition is kept as each one
   * reads it).
   */
  public void write(ColumnBatch batch) {
    if (!columnar) {
      throw new IllegalStateException("Batches are written by the columnar writer only");
    }

    int size = batch.size();
    try {
      for (int from = 0; from < size; ) {
        int to = partitioned ? samePartitionUntil(batch, from) : size;
        StructLike partition = partitioned ? batchPartition(batch, from) : null;
        OpenFile file = partitioned ? lastFile : open.get(null);
        if (file == null) {
          file = openFile(null);
        }

        ((ColumnarFile) file).write(batch, from, to);
        checkSize(file, partition);
        from = to;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The end of the run of rows from {@code from} whose partition columns hold the same values. */
  private int samePartitionUntil(ColumnBatch batch, int from) {
    int to = from + 1;
    while (to < batch.size() && sameSources(batch, to, to - 1)) {
      to++;
    }

    return to;
  }

  private boolean sameSources(ColumnBatch batch, int row, int other) {
    for (int position : sourcePositions) {
      if (!batch.column(position).sameValue(row, other)) {
        return false;
      }
    }

    return true;
  }

  /** The partition of a batch's row, and its file as {@link #lastFile}. */
  private StructLike batchPartition(ColumnBatch batch, int row) {
    if (lastFile != null) {
      boolean same = true;
      for (int i = 0; i < sourcePositions.length && same; i++) {
        same = Objects.equals(lastSources[i], batch.column(sourcePositions[i]).internal(row));
      }

      if (same) {
        return lastPartition;
      }
    }

    if (lastPartition != null) {
      open.get(lastPartition); // the file in use stays the most recently used
    }

    key.partition(batch.row(row));
    OpenFile file = open.get(key);
    if (file == null) {
      file = openFile(key);
    }

    for (int i = 0; i < sourcePositions.length; i++) {
      lastSources[i] = batch.column(sourcePositions[i]).internal(row);
    }

    lastFile = file;
    lastPartition = keyOf(file);
    return lastPartition;
  }

  /** Rolls a file that reached the target size; keeps what open files buffer within bounds. */
  private void checkSize(OpenFile file, StructLike partition) throws IOException {
    if (file.length() >= targetFileBytes) {
      close(file);
      open.remove(partition);
    } else if (columnar && open.size() > 1) {
      limitBufferedMemory();
    }
  }

  private OpenFile openFile(StructLike partition) {
    if (open.size() >= MAX_OPEN_FILES) {
      Iterator<Map.Entry<StructLike, OpenFile>> eldest = open.entrySet().iterator();
      Map.Entry<StructLike, OpenFile> entry = eldest.next();
      close(entry.getValue());
      eldest.remove();
    }

    String name = String.format("%s-%05d.parquet", runId, fileCount++);
    String location =
        partition == null
            ? table.locationProvider().newDataLocation(name)
            : table.locationProvider().newDataLocation(spec, partition, name);
    OutputFile output = table.io().newOutputFile(location);
    written.add(location);
    StructLike partitionCopy = partition == null ? null : ((PartitionKey) partition).copy();
    try {
      OpenFile file;
      if (columnar) {
        file =
            new ColumnarFile(
                new ColumnarParquetWriter(output, schema, resources(), rowGroupBytes()),
                location,
                partitionCopy);
      } else {
        file =
            new GenericFile(
                Parquet.writeData(output)
                    .schema(schema)
                    .setAll(properties)
                    .set("write.parquet.row-group-size-bytes", Long.toString(rowGroupBytes()))
                    .createWriterFunc(GenericParquetWriter::create)
                    .withSpec(spec)
                    .withPartition(partitionCopy)
                    .overwrite()
                    .build());
      }

      open.put(partitionCopy, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Open columnar files share one row group's worth of memory: when what they buffer together
   * passes it, the largest flushes its row group. Files that only got a few rows (a burst of
   * partitions) hold little and cost the busy file nothing.
   */
  private void limitBufferedMemory() throws IOException {
    long budget = rowGroupBytes();
    while (true) {
      long total = 0;
      ColumnarParquetWriter largest = null;
      for (OpenFile file : open.values()) {
        ColumnarParquetWriter writer = ((ColumnarFile) file).writer;
        long buffered = writer.bufferedBytes();
        total += buffered;
        if (largest == null || buffered > largest.bufferedBytes()) {
          largest = writer;
        }
      }

      if (total <= budget || largest == null || largest.bufferedBytes() == 0) {
        return;
      }

      largest.flushRowGroup();
    }
  }

  private ColumnarParquetWriter.Resources resources() {
    if (resources == null) {
      resources = new ColumnarParquetWriter.Resources(properties, rowGroupBytes());
    }

    return resources;
  }

  private void releaseResources() {
    if (resources != null) {
      resources.close();
      resources = null;
    }
  }

  private long rowGroupBytes() {
    String configured = properties.get("write.parquet.row-group-size-bytes");
    // In a small heap (-Xmx64m) a 32 MB row group would be half of it: at most an eighth.
    return configured != null
        ? Long.parseLong(configured)
        : Math.min(
            Math.min(ROW_GROUP_BYTES, targetFileBytes), Math.max(MIN_ROW_GROUP_BYTES, heapShare()));
  }

  /**
   * An eighth of the JVM's heap: what each of a run's two large buffers — the open row groups, the
   * column batches in flight ({@link AsyncBatchWriter}) — may take at most.
   */
  static long heapShare() {
    return Runtime.getRuntime().maxMemory() / 8;
  }

  private void close(OpenFile file) {
    if (file == lastFile) {
      lastFile = null;
      lastPartition = null;
    }

    try {
      completed.add(file.complete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int[] sourcePositions(Schema schema, PartitionSpec spec) {
    List<Types.NestedField> columns = schema.columns();
    int[] positions = new int[spec.fields().size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = columns.indexOf(schema.findField(spec.fields().get(i).sourceId()));
      if (positions[i] < 0) {
        return null;
      }
    }

    return positions;
  }

  private boolean sameSources(Record record) {
    for (int i = 0; i < sourcePositions.length; i++) {
      if (!Objects.equals(lastSources[i], record.get(sourcePositions[i]))) {
        return false;
      }
    }

    return true;
  }

  /** The map key under which {@code file} is open. */
  private StructLike keyOf(OpenFile file) {
    for (Map.Entry<StructLike, OpenFile> entry : open.entrySet()) {
      if (entry.getValue() == file) {
        return entry.getKey();
      }
    }

    throw new IllegalStateException("The file is not open");
  }

  /** Closes every open file and returns all data files written. */
  public List<DataFile> complete() {
    try {
      for (OpenFile file : open.values()) {
        close(file);
      }
    } finally {
      open.clear();
      releaseResources();
    }

    return List.copyOf(completed);
  }

  /** Closes and deletes everything written: a failed run leaves no files behind. */
  public void abort() {
    open.values().forEach(OpenFile::abort);

    open.clear();
    releaseResources();
    written.forEach(location -> deleteQuietly(table, location));
  }

  private static void deleteQuietly(Table table, String location) {
    try {
      table.io().deleteFile(location);
    } catch (RuntimeException e) {
      // best effort: an orphan file is harmless (not referenced by any snapshot)
    }
  }

  /** The Parquet writer this run's files get: "columnar" or "iceberg". */
  public String parquetWriter() {
    return columnar ? "columnar" : "iceberg";
  }

  public List<String> locations() {
    return List.copyOf(written);
  }
}
