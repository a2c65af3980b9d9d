package io.dativo.ingest.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;

/**
 * A streaming RFC 4180 reader: fields separated by a delimiter, optionally quoted, {@code ""} for a
 * quote inside quotes, quoted fields spanning lines, LF or CRLF line ends; empty lines are skipped.
 * It slices fields straight out of a 64 KB buffer (a builder only for quoted text or a field that
 * spans two buffer fills): several times faster than a general CSV library on large files, which is
 * where ingestion spends its time.
 */
final class CsvReader implements Closeable {
  private static final int BUFFER = 1 << 16;

  private final Reader in;
  private final char delimiter;
  private final char quote;
  private final boolean quoting;
  private final char[] buffer = new char[BUFFER];
  private String[] fields = new String[16];
  private int size;
  private final StringBuilder field = new StringBuilder();
  private int position;
  private int limit;
  private long line = 1;
  private long records;

  CsvReader(Reader in, char delimiter, Character quote) {
    this.in = in;
    this.delimiter = delimiter;
    this.quoting = quote != null;
    this.quote = quote == null ? 0 : quote;
  }

  /** Reads the next record; false at the end of input. */
  boolean next() throws IOException {
    size = 0;
    while (true) {
      if (position >= limit && !fill()) {
        return false;
      }

      char c = buffer[position];
      if (c == '\n' || c == '\r') {
        consumeLineEnd();
        continue; // an empty line
      }

      break;
    }

    records++;
    while (true) {
      boolean more = readField();
      if (!more) {
        return true;
      }
    }
  }

  int size() {
    return size;
  }

  String get(int index) {
    return fields[index];
  }

  List<String> fields() {
    return List.of(Arrays.copyOf(fields, size));
  }

  private void add(String value) {
    if (size == fields.length) {
      fields = Arrays.copyOf(fields, size * 2);
    }

    fields[size++] = value;
  }

  /** The number of records read so far (the current one included). */
  long records() {
    return records;
  }

  long line() {
    return line;
  }

  /** Reads one field; true when another field of the same record follows. */
  private boolean readField() throws IOException {
    if (position >= limit && !fill()) {
      add("");
      return false;
    }

    if (quoting && buffer[position] == quote) {
      position++;
      return readQuoted();
    }

    int start = position;
    field.setLength(0);
    while (true) {
      if (position >= limit) {
        field.append(buffer, start, position - start);
        if (!fill()) {
          add(field.toString());
          return false;
        }

        start = 0;
      }

      char c = buffer[position];
      if (c == delimiter || c == '\n' || c == '\r') {
        String value =
            field.length() == 0
                ? new String(buffer, start, position - start)
                : field.append(buffer, start, position - start).toString();
        add(value);
        if (c == delimiter) {
          position++;
          return true;
        }

        consumeLineEnd();
        return false;
      }

      position++;
    }
  }

  private boolean readQuoted() throws IOException {
    field.setLength(0);
    while (true) {
      if (position >= limit && !fill()) {
        throw new IOException("unterminated quoted field starting before line " + line);
      }

      char c = buffer[position++];
      if (c == quote) {
        if (position >= limit && !fill()) {
          add(field.toString());
          return false;
        }

        char after = buffer[position];
        if (after == quote) {
          field.append(quote);
          position++;
          continue;
        }

        add(field.toString());
        if (after == delimiter) {
          position++;
          return true;
        }

        if (after == '\n' || after == '\r') {
          consumeLineEnd();
          return false;
        }

        throw new IOException(
            "unexpected character '" + after + "' after a closing quote on line " + line);
      }

      if (c == '\n') {
        line++;
      }

      field.append(c);
    }
  }

  private void consumeLineEnd() throws IOException {
    char c = buffer[position++];
    line++;
    if (c == '\r') {
      if (position >= limit && !fill()) {
        return;
      }

      if (buffer[position] == '\n') {
        position++;
      }
    }
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, BUFFER);
    position = 0;
    limit = Math.max(read, 0);
    return read > 0;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
