package io.dativo.ingest.source;

import io.dativo.core.config.ConfigKeys;
import io.dativo.ingest.IngestException;
import io.dativo.ingest.columns.ByteText;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CSV files or globs ({@code source.files}), streamed record by record. Options ({@code
 * source.options}): {@code delimiter} (default {@code ,}), {@code quote} ({@code "}), {@code
 * header} (true: columns by name; false: by position), {@code encoding} (UTF-8), {@code checksum}
 * ({@code crc}, or {@code sha256}). A file is fingerprinted by path, size and checksum, so a re-run
 * skips files already committed.
 */
public final class CsvSource implements Source {
  private final List<Path> files;
  private final char delimiter;
  private final Character quote;
  private final boolean header;
  private final Charset encoding;
  private final FileChecksum checksum;

  /** Reads {@code files} (already expanded, see {@link #expand}) with the job's CSV options. */
  public CsvSource(List<Path> files, Map<String, Object> options) {
    this.files = List.copyOf(files);
    this.header = !"false".equalsIgnoreCase(String.valueOf(options.getOrDefault("header", "true")));
    this.encoding = Charset.forName(String.valueOf(options.getOrDefault("encoding", "UTF-8")));
    String checksum = String.valueOf(options.getOrDefault("checksum", FileChecksum.CRC.option()));
    // The job loader names a wrong value at its line; this is for a source built without it.
    this.checksum =
        FileChecksum.fromOption(checksum)
            .orElseThrow(
                () ->
                    new IngestException(
                        IngestException.Kind.CONFIG,
                        "Cannot read CSV: unknown source.options.checksum '"
                            + checksum
                            + "': expected "
                            + String.join(" or ", ConfigKeys.CSV_CHECKSUMS),
                        null));
    String delimiter = String.valueOf(options.getOrDefault("delimiter", ","));
    String quoteChar = String.valueOf(options.getOrDefault("quote", "\""));
    String effective = delimiter.equals("\\t") ? "\t" : delimiter;
    if (effective.length() != 1) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot read CSV: source.options.delimiter must be one character, found '"
              + delimiter
              + "'",
          null);
    }

    this.delimiter = effective.charAt(0);
    this.quote = quoteChar.isEmpty() ? null : quoteChar.charAt(0);
    if (this.delimiter > 127 || (quote != null && quote > 127) || quoteChar.length() > 1) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot read CSV: source.options.delimiter and quote must be one ASCII character each,"
              + " found delimiter '"
              + delimiter
              + "' and quote '"
              + quoteChar
              + "'",
          null);
    }
  }

  /**
   * Expands {@code patterns} (paths or globs, relative to {@code base}) to files, in sorted order.
   */
  public static List<Path> expand(Path base, List<String> patterns) {
    Set<Path> files = new LinkedHashSet<>();
    for (String pattern : patterns) {
      Path path = base.resolve(pattern).normalize();
      if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("[")) {
        if (!Files.isRegularFile(path)) {
          throw new IngestException(
              IngestException.Kind.CONFIG,
              "Cannot read " + path + ": no such file",
              "source.files paths are relative to the job file");
        }

        files.add(path);
        continue;
      }

      files.addAll(glob(base, pattern));
    }

    if (files.isEmpty()) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot read CSV: no file matches " + patterns,
          "check source.files (paths and globs are relative to the job file)");
    }

    return List.copyOf(files);
  }

  private static List<Path> glob(Path base, String pattern) {
    Path absolute = base.resolve(pattern).normalize();
    Path root = absolute;
    while (root.getParent() != null && root.toString().matches(".*[*?\\[].*")) {
      root = root.getParent();
    }

    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
    try (Stream<Path> walk = Files.isDirectory(root) ? Files.walk(root) : Stream.empty()) {
      return walk.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The files with their sizes. A file's checksum is taken from its bytes as the run reads them
   * (see {@link #open}), so the checksum costs no second read and is the checksum of what was
   * ingested; it is computed on its own only when asked for first (a file that may be skipped as
   * committed).
   */
  @Override
  public List<SourceUnit> units() {
    List<SourceUnit> units = new ArrayList<>();
    for (Path file : files) {
      long size;
      try {
        size = Files.size(file);
      } catch (IOException e) {
        throw cannotRead(file, e);
      }

      units.add(
          SourceUnit.pending(
              file.toString(),
              file.toAbsolutePath() + ":" + size + ":",
              checksum,
              kind -> {
                try {
                  return checksumOf(file, kind);
                } catch (IOException e) {
                  throw cannotRead(file, e);
                }
              },
              size));
    }

    return units;
  }

  /**
   * Bytes the file's encoding does not have; decoded ahead of the parser, so after {@code line}.
   */
  private static IngestException notValidText(
      String name, Charset encoding, long line, java.nio.charset.CharacterCodingException e) {
    return new IngestException(
        IngestException.Kind.DATA,
        "Cannot read "
            + name
            + ": it is not valid "
            + encoding.name()
            + " text (found at or after line "
            + line
            + ")",
        "set source.options.encoding to the file's encoding",
        e);
  }

  private static IngestException cannotRead(Path file, Exception e) {
    return new IngestException(
        IngestException.Kind.CONFIG, "Cannot read " + file + ": " + e.getMessage(), null, e);
  }

  @Override
  public boolean readsText() {
    return true;
  }

  @Override
  public RowStream open(SourceUnit unit, List<String> columns, Optional<String> cursorStart) {
    Path file = Path.of(unit.id());
    CsvReader reader;
    try {
      reader =
          new CsvReader(
              new ChecksummedInput(Files.newInputStream(file), checksum.start(), unit),
              encoding,
              delimiter,
              quote);
    } catch (IOException e) {
      throw cannotRead(file, e);
    }

    try {
      int[] index = header ? byName(reader, file, columns) : byPosition(columns);
      return new CsvRows(reader, file.getFileName().toString(), index, header, encoding);
    } catch (IOException | RuntimeException e) {
      try {
        reader.close(); // the file is not read: its handle is not left open
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }

      if (e instanceof java.nio.charset.CharacterCodingException coding) {
        throw notValidText(file.getFileName().toString(), encoding, reader.line(), coding);
      }

      throw e instanceof IOException io ? cannotRead(file, io) : (RuntimeException) e;
    }
  }

  /** Header names to column indexes; a missing column is null in every row (the schema decides). */
  private static int[] byName(CsvReader reader, Path file, List<String> columns)
      throws IOException {
    if (!reader.next()) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot read " + file + ": the file is empty (no header line)",
          "set source.options.header: false to map columns by position");
    }

    List<String> header;
    try {
      header = reader.fields().stream().map(String::trim).toList();
    } catch (ByteText.InvalidText e) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot read " + file + ": its header line is not valid UTF-8",
          "set source.options.encoding to the file's encoding");
    }

    int[] index = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      int position = header.indexOf(column);
      for (int h = 0; position < 0 && h < header.size(); h++) {
        if (header.get(h).equalsIgnoreCase(column)) {
          position = h;
        }
      }

      index[i] = position;
    }

    return index;
  }

  private static int[] byPosition(List<String> columns) {
    int[] index = new int[columns.size()];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }

    return index;
  }

  static String checksumOf(Path file, FileChecksum kind) throws IOException {
    FileChecksum.Sum sum = kind.start();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int read; (read = in.read(buffer)) >= 0; ) {
        sum.update(buffer, 0, read);
      }
    }

    return sum.hex();
  }

  /**
   * A file's bytes as the reader takes them, hashed on the way (they are in the cache already): at
   * the end of the file, their sum is the unit's checksum. A file not read to its end gives none.
   */
  private static final class ChecksummedInput extends FilterInputStream {
    private final FileChecksum.Sum sum;
    private final SourceUnit unit;
    private final byte[] one = new byte[1];
    private boolean ended;

    ChecksummedInput(InputStream in, FileChecksum.Sum sum, SourceUnit unit) {
      super(in);
      this.sum = sum;
      this.unit = unit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        one[0] = (byte) b;
        sum.update(one, 0, 1);
      } else {
        end();
      }

      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = in.read(buffer, offset, length);
      if (read > 0) {
        sum.update(buffer, offset, read);
      } else if (read < 0) {
        end();
      }

      return read;
    }

    @Override
    public long skip(long count) throws IOException {
      // Skipped bytes are hashed too: read through them.
      byte[] scratch = new byte[(int) Math.min(Math.max(count, 0), 8192)];
      long skipped = 0;
      while (skipped < count) {
        int read = read(scratch, 0, (int) Math.min(scratch.length, count - skipped));
        if (read < 0) {
          break;
        }

        skipped += read;
      }

      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private void end() {
      if (!ended) {
        ended = true;
        unit.checksumRead(sum.hex());
      }
    }
  }

  /** Streams records; values are the CSV's text. */
  private static final class CsvRows implements TextRowStream {
    private final CsvReader reader;
    private final String name;
    private final int[] index;
    private final long headerRecords;
    private final Charset encoding;

    CsvRows(CsvReader reader, String name, int[] index, boolean header, Charset encoding) {
      this.reader = reader;
      this.name = name;
      this.index = index;
      this.headerRecords = header ? 1 : 0;
      this.encoding = encoding;
    }

    @Override
    public boolean next() {
      try {
        return reader.next();
      } catch (java.nio.charset.CharacterCodingException e) {
        throw notValidText(name, encoding, reader.line(), e);
      } catch (IOException e) {
        throw new IngestException(
            IngestException.Kind.DATA,
            "Cannot parse " + name + " near line " + reader.line() + ": " + e.getMessage(),
            "check quoting",
            e);
      }
    }

    @Override
    public Object value(int column) {
      int position = index[column];
      return position >= 0 && position < reader.size() ? reader.get(position) : null;
    }

    @Override
    public ByteText text(int column) {
      int position = index[column];
      return position >= 0 && position < reader.size() ? reader.text(position) : null;
    }

    @Override
    public String position() {
      return name + " row " + (reader.records() - headerRecords);
    }

    @Override
    public void close() {
      try {
        reader.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
