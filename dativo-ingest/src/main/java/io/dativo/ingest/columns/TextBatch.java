package io.dativo.ingest.columns;

import java.util.Arrays;

/**
 * Rows of one source unit's text fields, copied out of a reader's buffer so they can be typed on
 * another thread while the reader goes on: one byte array for all the text, a start and length per
 * field (absent fields are null). Reused from batch to batch.
 */
public final class TextBatch {
  private static final int ABSENT = -1;

  private final int columns;
  private final int capacity;
  private final int[] starts;
  private final int[] lengths;
  private final long[] rowNumbers;
  private final ByteText view = new ByteText();
  private byte[] data;
  private int dataSize;
  private int size;
  private String unit;

  /** Up to {@code capacity} rows of {@code columns} fields each. */
  public TextBatch(int columns, int capacity) {
    this.columns = columns;
    this.capacity = capacity;
    this.starts = new int[columns * capacity];
    this.lengths = new int[columns * capacity];
    this.rowNumbers = new long[capacity];
    this.data = new byte[capacity * 64];
  }

  /** Empties the batch for rows of {@code unit} (its name, for messages). */
  public void reset(String unit) {
    this.unit = unit;
    size = 0;
    dataSize = 0;
  }

  /** Sets field {@code column} of the row being added ({@link #size()}); null when absent. */
  public void set(int column, ByteText text) {
    int slot = size * columns + column;
    if (text == null) {
      lengths[slot] = ABSENT;
      return;
    }

    int length = text.length();
    if (dataSize + length > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, dataSize + length));
    }

    System.arraycopy(text.bytes(), text.from(), data, dataSize, length);
    starts[slot] = dataSize;
    lengths[slot] = length;
    dataSize += length;
  }

  /** The row being added is complete; {@code rowNumber} is where it was in its unit. */
  public void addRow(long rowNumber) {
    rowNumbers[size++] = rowNumber;
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

  /** Field {@code column} of row {@code row} in place, or null; valid until the next call. */
  public ByteText text(int row, int column) {
    int slot = row * columns + column;
    int length = lengths[slot];
    return length == ABSENT ? null : view.set(data, starts[slot], length);
  }

  /** Where row {@code row} was, for messages: "orders.csv row 1042". */
  public String position(int row) {
    return unit + " row " + rowNumbers[row];
  }
}
