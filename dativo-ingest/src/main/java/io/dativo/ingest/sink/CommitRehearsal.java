package io.dativo.ingest.sink;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.Transactions;
import org.apache.iceberg.inmemory.InMemoryOutputFile;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.LocationProvider;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.ThreadPools;

/**
 * The run's commit, rehearsed in memory while its last row group is written. A commit runs code
 * nothing before it runs — the snapshot producer, the manifest and manifest list writers for the
 * table's partition spec, the snapshot summary, the metadata JSON — and running it the first time
 * (loading, linking, initializing its classes, in the interpreter) took ~45 ms after the last row,
 * where the run waits for it. When the reading thread is done, the last batches, the last row group
 * and the file's footer are still to be written (~50 ms), work for one core: on the other, a
 * one-row data file of the table's schema and spec is committed to a table whose metadata and files
 * live in memory and are let go after. A failure here only means the real commit does that work
 * itself.
 */
public final class CommitRehearsal {
  private CommitRehearsal() {}

  /** Starts the rehearsal on a daemon thread of its own; nothing waits for it. */
  public static void startInBackground(Schema schema, PartitionSpec spec) {
    Thread thread =
        new Thread(
            () -> {
              try {
                rehearse(schema, spec);
              } catch (RuntimeException | LinkageError e) {
                // only a rehearsal
              }
            },
            "dativo-commit-rehearsal");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Creates a table of {@code schema} and {@code spec} in memory and appends a one-row data file to
   * it in one transaction, as a run does; returns the committed metadata.
   */
  static TableMetadata rehearse(Schema schema, PartitionSpec spec) {
    InMemoryTable ops = new InMemoryTable();
    TableMetadata start =
        TableMetadata.newTableMetadata(
            schema, spec, InMemoryTable.LOCATION, Map.of("format-version", "2"));
    Transaction txn = Transactions.createTableTransaction("dativo-rehearsal", ops, start);
    DataFile file =
        DataFiles.builder(txn.table().spec())
            .withPath(InMemoryTable.LOCATION + "/data/rehearsal.parquet")
            .withFormat(FileFormat.PARQUET)
            .withFileSizeInBytes(1)
            .withMetrics(metrics(txn.table().schema()))
            .withPartition(zeros(txn.table().spec().partitionType()))
            .build();
    AppendFiles append =
        txn.newFastAppend().scanManifestsWith(new CommitExecutor(ThreadPools.getWorkerPool()));
    append.appendFile(file);
    append.set("dativo.run-id", "rehearsal");
    append.commit();
    txn.commitTransaction();
    return ops.current();
  }

  /** One row in every column, with bounds where a zero of the column's type has one. */
  private static Metrics metrics(Schema schema) {
    Map<Integer, Long> counts = new HashMap<>();
    Map<Integer, Long> nulls = new HashMap<>();
    Map<Integer, ByteBuffer> bounds = new HashMap<>();
    for (Types.NestedField field : schema.columns()) {
      counts.put(field.fieldId(), 1L);
      nulls.put(field.fieldId(), 0L);
      Object zero = zero(field.type());
      if (zero != null) {
        bounds.put(field.fieldId(), Conversions.toByteBuffer(field.type(), zero));
      }
    }

    return new Metrics(1L, counts, counts, nulls, Map.of(), bounds, bounds);
  }

  /** A partition of zeros (the run's files have values: a partition of nulls writes less). */
  private static StructLike zeros(Types.StructType partitionType) {
    Object[] values =
        partitionType.fields().stream().map(f -> zero(f.type())).toArray(Object[]::new);
    return new StructLike() {
      @Override
      public int size() {
        return values.length;
      }

      @Override
      public <T> T get(int pos, Class<T> javaClass) {
        return javaClass.cast(values[pos]);
      }

      @Override
      public <T> void set(int pos, T value) {
        values[pos] = value;
      }
    };
  }

  private static Object zero(Type type) {
    return switch (type.typeId()) {
      case BOOLEAN -> false;
      case INTEGER, DATE -> 0;
      case LONG, TIME, TIMESTAMP -> 0L;
      case FLOAT -> 0f;
      case DOUBLE -> 0d;
      case STRING -> "";
      default -> null;
    };
  }

  /** A table's metadata kept in a field; its files written to memory and let go. */
  private static final class InMemoryTable implements TableOperations {
    static final String LOCATION = "memory:/dativo-rehearsal";

    private final FileIO io =
        new FileIO() {
          @Override
          public InputFile newInputFile(String path) {
            throw new UnsupportedOperationException("a rehearsal reads nothing back: " + path);
          }

          @Override
          public OutputFile newOutputFile(String path) {
            return new InMemoryOutputFile(path);
          }

          @Override
          public void deleteFile(String path) {
            // nothing was kept
          }
        };
    private TableMetadata current;

    @Override
    public TableMetadata current() {
      return current;
    }

    @Override
    public TableMetadata refresh() {
      return current;
    }

    @Override
    public void commit(TableMetadata base, TableMetadata metadata) {
      TableMetadataParser.toJson(metadata); // as a catalog writes it
      current = metadata;
    }

    @Override
    public FileIO io() {
      return io;
    }

    @Override
    public String metadataFileLocation(String fileName) {
      return LOCATION + "/metadata/" + fileName;
    }

    @Override
    public LocationProvider locationProvider() {
      return org.apache.iceberg.LocationProviders.locationsFor(LOCATION, Map.of());
    }
  }
}
