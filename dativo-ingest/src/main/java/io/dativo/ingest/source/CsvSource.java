package io.dativo.ingest.source;

import io.dativo.ingest.IngestException;
import java.io.BufferedReader;
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
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV files or globs ({@code source.files}), streamed record by record. Options ({@code
 * source.options}): {@code delimiter} (default {@code ,}), {@code quote} ({@code "}), {@code
 * header} (true: columns by name; false: by position), {@code encoding} (UTF-8). A file is
 * fingerprinted by path, size and SHA-256, so a re-run skips files already committed.
 */
public final class CsvSource implements Source {
  private final List<Path> files;
  private final Path base;
  private final CSVFormat format;
  private final boolean header;
  private final Charset encoding;

  /**
   * @param base the job file's directory: fingerprints name files relative to it, so a moved
   *     checkout does not re-read what it committed
   */
  public CsvSource(Path base, List<Path> files, Map<String, Object> options) {
    this.base = base.toAbsolutePath().normalize();
    this.files = List.copyOf(files);
    this.header = !"false".equalsIgnoreCase(String.valueOf(options.getOrDefault("header", "true")));
    this.encoding = Charset.forName(String.valueOf(options.getOrDefault("encoding", "UTF-8")));
    String delimiter = String.valueOf(options.getOrDefault("delimiter", ","));
    String quote = String.valueOf(options.getOrDefault("quote", "\""));
    CSVFormat.Builder builder =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter.equals("\\t") ? "\t" : delimiter)
            .setQuote(quote.isEmpty() ? null : quote.charAt(0))
            .setIgnoreEmptyLines(true);
    if (header) {
      builder.setHeader().setSkipHeaderRecord(true);
    }

    this.format = builder.get();
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

  @Override
  public List<SourceUnit> units() {
    List<SourceUnit> units = new ArrayList<>();
    for (Path file : files) {
      try {
        long size = Files.size(file);
        units.add(
            new SourceUnit(
                file.toString(),
                file.toAbsolutePath() + ":" + size + ":sha256=" + sha256(file),
                size));
      } catch (IOException e) {
        throw new IngestException(
            IngestException.Kind.CONFIG, "Cannot read " + file + ": " + e.getMessage(), null, e);
      }
    }

    return units;
  }

  @Override
  public RowStream open(SourceUnit unit, List<String> columns, Optional<String> cursorStart) {
    Path file = Path.of(unit.id());
    try {
      BufferedReader reader = Files.newBufferedReader(file, encoding);
      CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
      int[] index = header ? byName(parser, file, columns) : byPosition(columns);
      return new CsvRows(parser, file.getFileName().toString(), index);
    } catch (IOException e) {
      throw new IngestException(
          IngestException.Kind.CONFIG, "Cannot read " + file + ": " + e.getMessage(), null, e);
    }
  }

  /** Header names to column indexes; a missing column is null in every row (the schema decides). */
  private static int[] byName(CSVParser parser, Path file, List<String> columns) {
    Map<String, Integer> header = parser.getHeaderMap();
    if (header == null || header.isEmpty()) {
      throw new IngestException(
          IngestException.Kind.CONFIG,
          "Cannot read " + file + ": no header line",
          "set source.options.header: false to map columns by position");
    }

    int[] index = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      Integer position = header.get(column);
      if (position == null) {
        position =
            header.entrySet().stream()
                .filter(e -> e.getKey().trim().equalsIgnoreCase(column))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(-1);
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
  private static final class CsvRows implements RowStream {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String name;
    private final int[] index;
    private CSVRecord current;

    CsvRows(CSVParser parser, String name, int[] index) {
      this.parser = parser;
      this.records = parser.iterator();
      this.name = name;
      this.index = index;
    }

    @Override
    public boolean next() {
      try {
        if (!records.hasNext()) {
          return false;
        }

        current = records.next();
        return true;
      } catch (UncheckedIOException e) {
        throw new IngestException(
            IngestException.Kind.CONFIG,
            "Cannot parse "
                + name
                + " near line "
                + parser.getCurrentLineNumber()
                + ": "
                + e.getMessage(),
            "check quoting",
            e);
      }
    }

    @Override
    public Object value(int column) {
      int position = index[column];
      return position >= 0 && position < current.size() ? current.get(position) : null;
    }

    @Override
    public String position() {
      return name + " row " + current.getRecordNumber();
    }

    @Override
    public void close() {
      try {
        parser.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
