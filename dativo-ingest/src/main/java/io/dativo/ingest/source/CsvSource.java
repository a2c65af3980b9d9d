package io.dativo.ingest.source;

import io.dativo.ingest.IngestException;
import io.dativo.ingest.columns.ByteText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * CSV files or globs ({@code source.files}), streamed record by record. Options ({@code
 * source.options}): {@code delimiter} (default {@code ,}), {@code quote} ({@code "}), {@code
 * header} (true: columns by name; false: by position), {@code encoding} (UTF-8). A file is
 * fingerprinted by path, size and SHA-256, so a re-run skips files already committed.
 */
public final class CsvSource implements Source {
  private final List<Path> files;
  private final char delimiter;
  private final Character quote;
  private final boolean header;
  private final Charset encoding;

  /** Reads {@code files} (already expanded, see {@link #expand}) with the job's CSV options. */
  public CsvSource(List<Path> files, Map<String, Object> options) {
    this.files = List.copyOf(files);
    this.header = !"false".equalsIgnoreCase(String.valueOf(options.getOrDefault("header", "true")));
    this.encoding = Charset.forName(String.valueOf(options.getOrDefault("encoding", "UTF-8")));
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
   * The files with their sizes at once; their SHA-256 checksums are computed one after the other on
   * a thread of their own, so a run can start reading a file no committed fingerprint could match
   * (none has its path and size) before its checksum is known.
   */
  @Override
  public List<SourceUnit> units() {
    List<SourceUnit> units = new ArrayList<>();
    List<CompletableFuture<String>> fingerprints = new ArrayList<>();
    for (Path file : files) {
      long size;
      try {
        size = Files.size(file);
      } catch (IOException e) {
        throw cannotRead(file, e);
      }

      CompletableFuture<String> fingerprint = new CompletableFuture<>();
      fingerprints.add(fingerprint);
      units.add(
          SourceUnit.pending(
              file.toString(), file.toAbsolutePath() + ":" + size + ":", fingerprint, size));
    }

    Thread thread =
        new Thread(
            () -> {
              for (int i = 0; i < units.size(); i++) {
                Path file = files.get(i);
                CompletableFuture<String> fingerprint = fingerprints.get(i);
                try {
                  fingerprint.complete(
                      units.get(i).identity() + SourceUnit.CHECKSUM + sha256(file));
                } catch (IOException | RuntimeException e) {
                  fingerprint.completeExceptionally(cannotRead(file, e));
                } catch (Throwable t) {
                  // out of memory, say: no run may wait for these checksums forever
                  fingerprints
                      .subList(i, fingerprints.size())
                      .forEach(f -> f.completeExceptionally(t));
                  throw t;
                }
              }
            },
            "dativo-checksums");
    thread.setDaemon(true);
    thread.start();
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
      reader = new CsvReader(Files.newInputStream(file), encoding, delimiter, quote);
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

  static String sha256(Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      byte[] buffer = new byte[1 << 16];
      while (in.read(buffer) >= 0) {
        // the digest reads along
      }

      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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
