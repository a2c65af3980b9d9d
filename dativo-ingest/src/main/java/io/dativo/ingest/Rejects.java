package io.dativo.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Rows that did not fit the schema in {@code warn} mode: where, which column, why, and the value,
 * as CSV in {@code .dativo/rejects/<table>/<run id>.csv}. Nothing is dropped silently.
 */
final class Rejects implements AutoCloseable {
  private final Path file;
  private final CSVPrinter printer;

  private Rejects(Path file, CSVPrinter printer) {
    this.file = file;
    this.printer = printer;
  }

  static Rejects open(Path workingDir, TableIdentifier table, String runId) {
    Path file =
        workingDir.resolve(".dativo/rejects").resolve(table.toString()).resolve(runId + ".csv");
    try {
      Files.createDirectories(file.getParent());
      BufferedWriter writer = Files.newBufferedWriter(file);
      CSVPrinter printer =
          CSVFormat.RFC4180
              .builder()
              .setHeader("position", "column", "reason", "value")
              .get()
              .print(writer);
      return new Rejects(file, printer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void add(String position, String column, String reason, Object value) {
    try {
      printer.printRecord(position, column, reason, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
