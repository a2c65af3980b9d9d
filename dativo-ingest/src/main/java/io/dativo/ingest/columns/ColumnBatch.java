package io.dativo.ingest.columns;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Rows of a flat table held column by column in primitive arrays: integers, days, microseconds and
 * unscaled decimals as {@code long}, floating point as {@code double}, text and binary as slices of
 * one byte array per column. A reader fills a batch row by row straight from its input; the
 * columnar Parquet writer copies whole runs of rows out of it. No object per value: batches are
 * reused, so steady state allocates nothing.
 */
public final class ColumnBatch {
  /** How a column's values are held. */
  public enum Storage {
    LONG,
    DOUBLE,
    BOOLEAN,
    BYTES
  }

  private static final int INITIAL_TEXT_PER_ROW = 16;

  private final Column[] columns;

  /** The columns that hold text or binary bytes: only they count towards a batch's text. */
  private final Column[] textColumns;

  private final int capacity;
  private int size;

  /** A batch of up to {@code capacity} rows of {@code schema} (see {@link #holds}). */
  public ColumnBatch(Schema schema, int capacity) {
    List<Types.NestedField> fields = schema.columns();
    this.columns = new Column[fields.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = new Column(fields.get(i).type(), capacity);
    }

    this.textColumns =
        Arrays.stream(columns).filter(c -> c.storage == Storage.BYTES).toArray(Column[]::new);
    this.capacity = capacity;
  }

  /**
   * Whether a batch can hold a column of {@code type}: a top-level primitive, decimals of up to 18
   * digits (what the columnar Parquet writer encodes).
   */
  public static boolean holds(Type type) {
    return storageOf(type) != null;
  }

  private static Storage storageOf(Type type) {
    return switch (type.typeId()) {
      case INTEGER, LONG, DATE, TIME, TIMESTAMP -> Storage.LONG;
      case DECIMAL -> ((Types.DecimalType) type).precision() <= 18 ? Storage.LONG : null;
      case FLOAT, DOUBLE -> Storage.DOUBLE;
      case BOOLEAN -> Storage.BOOLEAN;
      case STRING, BINARY -> Storage.BYTES;
      default -> null;
    };
  }

  /**
   * Bytes a batch of {@code capacity} rows of {@code schema} takes before any text: its value
   * arrays, and the text arrays at their initial size.
   */
  public static long arrayBytes(Schema schema, int capacity) {
    long perRow = 0;
    for (Types.NestedField field : schema.columns()) {
      Storage storage = storageOf(field.type());
      perRow +=
          1
              + (storage == Storage.BOOLEAN
                  ? 1
                  : storage == Storage.BYTES ? 8 + INITIAL_TEXT_PER_ROW : 8); // null flag + value
    }

    return perRow * capacity;
  }

  /** The text and binary bytes the batch holds (grown arrays are not given back). */
  public long textBytes() {
    long bytes = 0;
    for (Column column : textColumns) {
      bytes += column.byteSize;
    }

    return bytes;
  }

  public int size() {
    return size;
  }

  public boolean isFull() {
    return size == capacity;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public Column column(int index) {
    return columns[index];
  }

  /** The row being filled is {@link #size()}; its text goes after what the batch holds. */
  public void beginRow() {
    for (Column column : textColumns) {
      column.rowStart = column.byteSize;
    }
  }

  /** The row being filled is complete. */
  public void commitRow() {
    size++;
  }

  /** The row being filled is dropped (rejected): its text is given back. */
  public void discardRow() {
    for (Column column : textColumns) {
      column.byteSize = column.rowStart;
    }
  }

  /** Empties the batch for reuse. */
  public void clear() {
    size = 0;
    for (Column column : textColumns) {
      column.byteSize = 0;
    }
  }

  /** Row {@code row} as Iceberg's internal values (for partition keys); a view, not a copy. */
  public StructLike row(int row) {
    return new RowView(row);
  }

  private final class RowView implements StructLike {
    private final int row;

    RowView(int row) {
      this.row = row;
    }

    @Override
    public int size() {
      return columns.length;
    }

    @Override
    public <T> T get(int pos, Class<T> javaClass) {
      return javaClass.cast(columns[pos].internal(row));
    }

    @Override
    public <T> void set(int pos, T value) {
      throw new UnsupportedOperationException("A batch row is read-only");
    }
  }

  /** One column's values; a row's value is undefined where {@link #isNull} is true. */
  public static final class Column {
    private final Type type;

    /** The type's id, kept: asking the type is a call on one of many classes, for every value. */
    private final Type.TypeID typeId;

    private final Storage storage;
    private final boolean[] nulls;
    private final long[] longs;
    private final double[] doubles;
    private final boolean[] booleans;
    private final int[] starts;
    private final int[] lengths;
    private byte[] bytes;
    private int byteSize;
    private int rowStart;

    Column(Type type, int capacity) {
      this.type = type;
      this.typeId = type.typeId();
      this.storage = storageOf(type);
      if (storage == null) {
        throw new IllegalArgumentException("A column batch cannot hold " + type);
      }

      this.nulls = new boolean[capacity];
      this.longs = storage == Storage.LONG ? new long[capacity] : null;
      this.doubles = storage == Storage.DOUBLE ? new double[capacity] : null;
      this.booleans = storage == Storage.BOOLEAN ? new boolean[capacity] : null;
      this.starts = storage == Storage.BYTES ? new int[capacity] : null;
      this.lengths = storage == Storage.BYTES ? new int[capacity] : null;
      this.bytes = storage == Storage.BYTES ? new byte[capacity * INITIAL_TEXT_PER_ROW] : null;
    }

    public Type type() {
      return type;
    }

    public Type.TypeID typeId() {
      return typeId;
    }

    public void setNull(int row) {
      nulls[row] = true;
    }

    public void setLong(int row, long value) {
      nulls[row] = false;
      longs[row] = value;
    }

    public void setDouble(int row, double value) {
      nulls[row] = false;
      doubles[row] = isFloat() ? (float) value : value;
    }

    public void setBoolean(int row, boolean value) {
      nulls[row] = false;
      booleans[row] = value;
    }

    /** Copies {@code source[from, from + length)} as the row's bytes. */
    public void setBytes(int row, byte[] source, int from, int length) {
      if (byteSize + length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, byteSize + length));
      }

      System.arraycopy(source, from, bytes, byteSize, length);
      nulls[row] = false;
      starts[row] = byteSize;
      lengths[row] = length;
      byteSize += length;
    }

    /** Sets a Java value as Iceberg's generic records hold it for this column's type. */
    public void set(int row, Object value) {
      if (value == null) {
        setNull(row);
        return;
      }

      switch (storage) {
        case LONG -> setLong(row, StoredValues.toLong(value, type));
        case DOUBLE -> setDouble(row, ((Number) value).doubleValue());
        case BOOLEAN -> setBoolean(row, (Boolean) value);
        case BYTES -> {
          byte[] stored = StoredValues.bytes(value);
          setBytes(row, stored, 0, stored.length);
        }
      }
    }

    private boolean isFloat() {
      return typeId == Type.TypeID.FLOAT;
    }

    public boolean isNull(int row) {
      return nulls[row];
    }

    public boolean[] nulls() {
      return nulls;
    }

    public long[] longs() {
      return longs;
    }

    public double[] doubles() {
      return doubles;
    }

    public boolean[] booleans() {
      return booleans;
    }

    /** The column's text and binary bytes; a row's are at {@link #start} for {@link #length}. */
    public byte[] bytes() {
      return bytes;
    }

    public int start(int row) {
      return starts[row];
    }

    public int length(int row) {
      return lengths[row];
    }

    /** Whether two rows of this column hold the same value (nulls equal each other). */
    public boolean sameValue(int row, int other) {
      if (nulls[row] || nulls[other]) {
        return nulls[row] == nulls[other];
      }

      return switch (storage) {
        case LONG -> longs[row] == longs[other];
        case DOUBLE -> Double.compare(doubles[row], doubles[other]) == 0;
        case BOOLEAN -> booleans[row] == booleans[other];
        case BYTES ->
            Arrays.equals(
                bytes,
                starts[row],
                starts[row] + lengths[row],
                bytes,
                starts[other],
                starts[other] + lengths[other]);
      };
    }

    /** The row's value as Iceberg's internal representation (what partition transforms take). */
    public Object internal(int row) {
      if (nulls[row]) {
        return null;
      }

      return switch (typeId) {
        case INTEGER, DATE -> (int) longs[row];
        case LONG, TIME, TIMESTAMP -> longs[row];
        case DECIMAL -> BigDecimal.valueOf(longs[row], ((Types.DecimalType) type).scale());
        case DOUBLE -> doubles[row];
        case FLOAT -> (float) doubles[row];
        case BOOLEAN -> booleans[row];
        case STRING -> new String(bytes, starts[row], lengths[row], StandardCharsets.UTF_8);
        case BINARY ->
            ByteBuffer.wrap(Arrays.copyOfRange(bytes, starts[row], starts[row] + lengths[row]));
        default -> throw new IllegalStateException("A column batch cannot hold " + type);
      };
    }
  }
}
