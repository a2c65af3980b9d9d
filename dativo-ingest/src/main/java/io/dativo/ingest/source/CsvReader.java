package io.dativo.ingest.source;

import io.dativo.ingest.columns.ByteText;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A streaming RFC 4180 reader: fields separated by a delimiter, optionally quoted, {@code ""} for a
 * quote inside quotes, quoted fields spanning lines, LF or CRLF line ends; empty lines are skipped.
 * It works on the bytes of UTF-8 text (other encodings are transcoded to UTF-8 as they are read): a
 * field is a slice of the read buffer ({@link #text}), so numbers and timestamps are parsed where
 * they lie, and nothing is decoded or allocated per field unless asked for as a {@code String}. The
 * delimiter and quote are ASCII characters, which never occur inside a multi-byte UTF-8 sequence.
 */
final class CsvReader implements Closeable {
  private static final int BUFFER = 1 << 18;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LF = 0x0101010101010101L * '\n';
  private static final long CR = 0x0101010101010101L * '\r';

  private final InputStream in;

  /** The delimiter in every byte of a word. */
  private final long separators;

  private final byte delimiter;
  private final byte quote;
  private final boolean quoting;
  private byte[] buffer = new byte[BUFFER];
  private int position;
  private int limit;
  private boolean eof;
  private boolean started;

  /**
   * Whether {@code buffer[0, limit)} is all ASCII, checked once per read: then a field's text need
   * not be checked again, one field at a time, before it is typed or stored as UTF-8.
   */
  private boolean bufferAscii;

  /** The current record's fields: {@code buffer[starts[i], ends[i])}, quotes still doubled. */
  private int[] starts = new int[16];

  private int[] ends = new int[16];
  private boolean[] escaped = new boolean[16];
  private int size;
  private int recordStart;
  private final ByteText view = new ByteText();
  private byte[] unescaped = new byte[256];

  private long line = 1;
  private long records;

  /**
   * @param delimiter an ASCII character
   * @param quote an ASCII character, or null for no quoting
   */
  CsvReader(InputStream in, Charset encoding, char delimiter, Character quote) {
    if (delimiter > 127 || (quote != null && quote > 127)) {
      throw new IllegalArgumentException("The delimiter and quote must be ASCII characters");
    }

    this.in = isUtf8(encoding) ? in : new Utf8Transcoder(in, encoding);
    this.delimiter = (byte) delimiter;
    this.separators = 0x0101010101010101L * delimiter;
    this.quoting = quote != null;
    this.quote = quote == null ? 0 : (byte) quote.charValue();
  }

  private static boolean isUtf8(Charset encoding) {
    return encoding.equals(StandardCharsets.UTF_8); // US-ASCII is transcoded: checked, not assumed
  }

  /**
   * The high bit of each zero byte of {@code word}; the lowest one is exact (a borrow can only mark
   * bytes above a zero byte), which is all the scan needs.
   */
  private static long zeroBytes(long word) {
    return (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
  }

  /** Reads the next record; false at the end of input. */
  boolean next() throws IOException {
    size = 0;
    if (!started) {
      started = true;
      skipByteOrderMark();
    }

    if (!skipEmptyLines()) {
      return false;
    }

    records++;
    recordStart = position;
    long recordLine = line;
    while (!parseRecord()) {
      // The record goes past what is buffered: read more and parse it again from its start.
      line = recordLine;
      size = 0;
      readMore();
    }

    return true;
  }

  int size() {
    return size;
  }

  /** Field {@code index} of the current record as text in place; valid until the next call. */
  ByteText text(int index) {
    int start = starts[index];
    int end = ends[index];
    if (!escaped[index]) {
      return view.set(buffer, start, end - start, bufferAscii);
    }

    if (unescaped.length < end - start) {
      unescaped = new byte[Math.max(unescaped.length * 2, end - start)];
    }

    int length = 0;
    for (int i = start; i < end; i++) {
      unescaped[length++] = buffer[i];
      if (buffer[i] == quote) {
        i++; // a doubled quote is one
      }
    }

    return view.set(unescaped, 0, length, bufferAscii);
  }

  /** Field {@code index} decoded; malformed UTF-8 throws {@link ByteText.InvalidText}. */
  String get(int index) {
    return text(index).toString();
  }

  List<String> fields() {
    List<String> fields = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      fields.add(get(i));
    }

    return fields;
  }

  /** The number of records read so far (the current one included). */
  long records() {
    return records;
  }

  long line() {
    return line;
  }

  /** Skips empty lines before a record; false at the end of input. */
  private boolean skipEmptyLines() throws IOException {
    while (true) {
      while (limit - position < 2 && !eof) {
        recordStart = position;
        readMore();
      }

      if (position >= limit) {
        return false;
      }

      byte b = buffer[position];
      if (b == '\n') {
        position++;
        line++;
      } else if (b == '\r') {
        position++;
        line++;
        if (position < limit && buffer[position] == '\n') {
          position++;
        }
      } else {
        return true;
      }
    }
  }

  /**
   * Splits the record at {@link #recordStart} into fields; false when it runs past the buffered
   * bytes before the end of input (nothing is consumed then).
   */
  private boolean parseRecord() throws IOException {
    int p = recordStart;
    while (true) {
      if (p >= limit) {
        if (!eof) {
          return false;
        }

        addField(p, p, false); // the last field, empty, at the end of input
        position = p;
        return true;
      }

      if (quoting && buffer[p] == quote) {
        int start = p + 1;
        boolean doubled = false;
        p = start;
        while (true) {
          if (p >= limit) {
            if (!eof) {
              return false;
            }

            throw new IOException("unterminated quoted field starting before line " + line);
          }

          byte b = buffer[p];
          if (b == quote) {
            if (p + 1 >= limit && !eof) {
              return false;
            }

            if (p + 1 >= limit) {
              addField(start, p, doubled);
              position = p + 1;
              return true;
            }

            byte after = buffer[p + 1];
            if (after == quote) {
              doubled = true;
              p += 2;
              continue;
            }

            addField(start, p, doubled);
            if (after == delimiter) {
              p += 2;
              break;
            }

            if (after == '\n' || after == '\r') {
              return endRecord(p + 1);
            }

            throw new IOException(
                "unexpected character '"
                    + (after >= 32 && after < 127
                        ? String.valueOf((char) after)
                        : String.format("\\x%02X", after & 0xff))
                    + "' after a closing quote on line "
                    + line);
          }

          if (b == '\n') {
            line++;
          }

          p++;
        }

        continue;
      }

      int start = p;
      byte[] bytes = buffer;
      int end = limit;
      byte separator = delimiter;
      // Eight bytes at a time to the first delimiter or line end, then byte by byte.
      while (p + 8 <= end) {
        long word = (long) LONGS.get(bytes, p);
        long found = zeroBytes(word ^ separators) | zeroBytes(word ^ LF) | zeroBytes(word ^ CR);
        if (found != 0) {
          p += Long.numberOfTrailingZeros(found) >>> 3;
          break;
        }

        p += 8;
      }

      while (p < end) {
        byte b = bytes[p];
        if (b == separator || b == '\n' || b == '\r') {
          break;
        }

        p++;
      }

      if (p >= end) {
        if (!eof) {
          return false;
        }

        addField(start, p, false);
        position = p;
        return true;
      }

      addField(start, p, false);
      if (bytes[p] == separator) {
        p++;
        continue;
      }

      return endRecord(p);
    }
  }

  /** The record ends at the line end at {@code p}; false when a CR's LF may not be buffered yet. */
  private boolean endRecord(int p) {
    if (buffer[p] == '\r') {
      if (p + 1 >= limit && !eof) {
        return false;
      }

      position = p + 1 < limit && buffer[p + 1] == '\n' ? p + 2 : p + 1;
    } else {
      position = p + 1;
    }

    line++;
    return true;
  }

  private void addField(int start, int end, boolean doubled) {
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
      escaped = Arrays.copyOf(escaped, size * 2);
    }

    starts[size] = start;
    ends[size] = end;
    escaped[size] = doubled;
    size++;
  }

  /** Keeps the bytes from {@link #recordStart} on and reads more after them. */
  private void readMore() throws IOException {
    int kept = limit - recordStart;
    if (recordStart == 0 && limit == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2); // a record longer than the buffer
    } else if (kept > 0) {
      System.arraycopy(buffer, recordStart, buffer, 0, kept);
    }

    position -= recordStart;
    recordStart = 0;
    limit = kept;
    while (limit < buffer.length) {
      int read = in.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        eof = true;
        break;
      }

      limit += read; // to a full buffer: a record is parsed again after each refill, so few
    }

    bufferAscii = ByteText.isAscii(buffer, 0, limit);
  }

  /** Skips a UTF-8 byte order mark at the start of the input: it is not text. */
  private void skipByteOrderMark() throws IOException {
    while (limit < 3 && !eof) {
      recordStart = position;
      readMore();
    }

    if (limit >= 3
        && (buffer[0] & 0xff) == 0xEF
        && (buffer[1] & 0xff) == 0xBB
        && (buffer[2] & 0xff) == 0xBF) {
      position = 3;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Text in another encoding as UTF-8 bytes; malformed input is an error, not replaced. */
  private static final class Utf8Transcoder extends InputStream {
    private final Reader reader;
    private final CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer chars = CharBuffer.allocate(1 << 14);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private boolean done;

    Utf8Transcoder(InputStream in, Charset encoding) {
      this.reader =
          new InputStreamReader(
              in,
              encoding
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT));
      bytes.flip();
      chars.flip();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int read = read(one, 0, 1);
      return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      while (!bytes.hasRemaining()) {
        if (done) {
          return -1;
        }

        chars.compact();
        int read = reader.read(chars);
        chars.flip();
        bytes.clear();
        if (read < 0) {
          done = true;
          CoderResult result = encoder.encode(chars, bytes, true);
          if (result.isError()) {
            result.throwException();
          }

          encoder.flush(bytes);
        } else {
          CoderResult result = encoder.encode(chars, bytes, false);
          if (result.isError()) {
            result.throwException();
          }
        }

        bytes.flip();
      }

      int count = Math.min(length, bytes.remaining());
      bytes.get(target, offset, count);
      return count;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
