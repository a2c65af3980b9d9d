package io.dativo.ingest.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
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

  private final Map<StructLike, OpenFile> open = new LinkedHashMap<>(16, 0.75f, true);
  private final List<DataFile> completed = new ArrayList<>();
  private final List<String> written = new ArrayList<>();
  private int fileCount;

  public RollingWriter(
      Table table, Schema schema, PartitionSpec spec, long targetFileBytes, String runId) {
    this(table, schema, spec, targetFileBytes, runId, table.properties());
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
      Map<String, String> properties) {
    this.properties = Map.copyOf(properties);
    this.table = table;
    this.schema = schema;
    this.spec = spec;
    this.targetFileBytes = targetFileBytes;
    this.runId = runId;
    this.key = new PartitionKey(spec, schema);
    this.wrapper = new InternalRecordWrapper(schema.asStruct());
    this.partitioned = spec.isPartitioned();
  }

  private static final class OpenFile {
    final DataWriter<Record> writer;
    long rows;

    OpenFile(DataWriter<Record> writer) {
      this.writer = writer;
    }
  }

  public void write(Record record) {
    StructLike partition = null;
    if (partitioned) {
      key.partition(wrapper.wrap(record));
      partition = key;
    }

    OpenFile file = open.get(partition);
    if (file == null) {
      file = openFile(partition);
    }

    file.writer.write(record);
    file.rows++;
    if (file.rows % SIZE_CHECK_INTERVAL == 0 && file.writer.length() >= targetFileBytes) {
      close(partition == null ? null : key.copy(), file);
      open.remove(partition);
    }
  }

  private OpenFile openFile(StructLike partition) {
    if (open.size() >= MAX_OPEN_FILES) {
      Iterator<Map.Entry<StructLike, OpenFile>> eldest = open.entrySet().iterator();
      Map.Entry<StructLike, OpenFile> entry = eldest.next();
      close(entry.getKey(), entry.getValue());
      eldest.remove();
    }

    String name = String.format("%s-%05d.parquet", runId, fileCount++);
    String location =
        partition == null
            ? table.locationProvider().newDataLocation(name)
            : table.locationProvider().newDataLocation(spec, partition, name);
    OutputFile output = table.io().newOutputFile(location);
    written.add(location);
    try {
      DataWriter<Record> writer =
          Parquet.writeData(output)
              .schema(schema)
              .setAll(properties)
              .set("write.parquet.row-group-size-bytes", Long.toString(rowGroupBytes()))
              .createWriterFunc(GenericParquetWriter::create)
              .withSpec(spec)
              .withPartition(partition == null ? null : ((PartitionKey) partition).copy())
              .overwrite()
              .build();
      OpenFile file = new OpenFile(writer);
      open.put(partition == null ? null : ((PartitionKey) partition).copy(), file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long rowGroupBytes() {
    String configured = properties.get("write.parquet.row-group-size-bytes");
    return configured != null
        ? Long.parseLong(configured)
        : Math.min(ROW_GROUP_BYTES, targetFileBytes);
  }

  private void close(StructLike partition, OpenFile file) {
    try {
      file.writer.close();
      completed.add(file.writer.toDataFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes every open file and returns all data files written. */
  public List<DataFile> complete() {
    for (Map.Entry<StructLike, OpenFile> entry : open.entrySet()) {
      close(entry.getKey(), entry.getValue());
    }

    open.clear();
    return List.copyOf(completed);
  }

  /** Closes and deletes everything written: a failed run leaves no files behind. */
  public void abort() {
    for (OpenFile file : open.values()) {
      try {
        file.writer.close();
      } catch (IOException | RuntimeException e) {
        // the file is deleted below either way
      }
    }

    open.clear();
    written.forEach(location -> deleteQuietly(table, location));
  }

  private static void deleteQuietly(Table table, String location) {
    try {
      table.io().deleteFile(location);
    } catch (RuntimeException e) {
      // best effort: an orphan file is harmless (not referenced by any snapshot)
    }
  }

  public List<String> locations() {
    return List.copyOf(written);
  }
}
