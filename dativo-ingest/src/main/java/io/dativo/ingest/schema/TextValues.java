package io.dativo.ingest.schema;

import io.dativo.ingest.columns.ByteText;
import io.dativo.ingest.columns.ColumnBatch;

/**
 * Source text (a CSV field read in place) into a column batch, typed by the column: the common
 * forms of integers, decimals, dates and ISO timestamps are parsed from the bytes, text is copied
 * as it is; anything else goes through {@link ValueConverter}, so a value is accepted, refused and
 * stored exactly as the record path would.
 */
public final class TextValues {
  private TextValues() {}

  /** Stores {@code text} (null or empty: null) as row {@code row} of {@code column}. */
  public static void store(ByteText text, ColumnBatch.Column column, int row)
      throws ValueConverter.BadValue {
    if (text == null || text.length() == 0) {
      column.setNull(row);
      return;
    }

    boolean stored =
        switch (column.typeId()) {
          case STRING -> storeText(text, column, row);
          case LONG -> storeLong(text, column, row);
          case DOUBLE -> storeDouble(text, column, row);
          case DATE -> storeLongOrNone(FastTimes.epochDay(text), column, row);
          case TIMESTAMP -> storeLongOrNone(FastTimes.wholeMicros(text), column, row);
          default -> false;
        };
    if (!stored) {
      column.set(row, ValueConverter.convert(decoded(text), column.type()));
    }
  }

  /** The text as a String; malformed UTF-8 is a bad value of the row. */
  private static String decoded(ByteText text) throws ValueConverter.BadValue {
    try {
      return text.toString();
    } catch (ByteText.InvalidText e) {
      throw notUtf8();
    }
  }

  /** Why text that is not UTF-8 is refused. */
  public static final String NOT_UTF8 =
      "the text is not valid UTF-8 (set source.options.encoding to the file's encoding)";

  private static ValueConverter.BadValue notUtf8() {
    return new ValueConverter.BadValue(NOT_UTF8);
  }

  private static boolean storeText(ByteText text, ColumnBatch.Column column, int row)
      throws ValueConverter.BadValue {
    try {
      text.requireUtf8();
    } catch (ByteText.InvalidText e) {
      throw notUtf8();
    }

    column.setBytes(row, text.bytes(), text.from(), text.length());
    return true;
  }

  /** An optional sign and up to 18 digits (no overflow possible); else the general path. */
  private static boolean storeLong(ByteText text, ColumnBatch.Column column, int row) {
    int length = text.length();
    int i = 0;
    boolean negative = false;
    char first = text.charAt(0);
    if (first == '-' || first == '+') {
      negative = first == '-';
      i = 1;
    }

    if (i == length || length - i > 18) {
      return false;
    }

    long value = 0;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }

      value = value * 10 + (c - '0');
    }

    column.setLong(row, negative ? -value : value);
    return true;
  }

  private static boolean storeDouble(ByteText text, ColumnBatch.Column column, int row) {
    // Surrounding blanks (trimmed by the general path) and non-ASCII text take the general path.
    if (text.charAt(0) <= ' ' || text.charAt(text.length() - 1) <= ' ' || !text.isAscii()) {
      return false;
    }

    try {
      column.setDouble(row, FastNumbers.parseDouble(text));
      return true;
    } catch (NumberFormatException e) {
      return false; // the general path says what is wrong
    }
  }

  private static boolean storeLongOrNone(long value, ColumnBatch.Column column, int row) {
    if (value == FastTimes.NONE) {
      return false;
    }

    column.setLong(row, value);
    return true;
  }
}
