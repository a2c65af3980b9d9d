package io.dativo.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dativo.ingest.RunResult;
import java.nio.file.Path;

/** The summary of {@code dativo run}. */
public record RunReport(Path workingDir, RunResult result) {

  public String toText(boolean color) {
    Style style = new Style(color);
    StringBuilder text = new StringBuilder();
    text.append(style.green(result.dryRun() ? "dry run:" : "done:"))
        .append(' ')
        .append(result.table())
        .append(result.branch().equals("main") ? "" : " @ branch " + result.branch())
        .append("  (run ")
        .append(result.runId())
        .append(")\n");
    if (result.dryRun()) {
      row(
          text,
          "would read",
          String.join(
              ", ",
              result.unitsRead().stream().map(u -> Paths.show(workingDir, Path.of(u))).toList()));
      row(
          text,
          "skipped",
          result.unitsSkipped().isEmpty()
              ? "nothing"
              : result.unitsSkipped().size() + " already committed");
      return text.toString();
    }

    row(
        text,
        "rows",
        String.format(
                "%,d read, %,d written, %,d rejected",
                result.rowsRead(), result.rowsWritten(), result.rowsRejected())
            + result
                .rejectsFile()
                .map(f -> " (rejects: " + Paths.show(workingDir, f) + ")")
                .orElse(""));
    row(
        text,
        "files",
        String.format(
            "%d data file(s), %s%s; source %s, %d read, %d skipped as already committed",
            result.dataFiles(),
            bytes(result.dataBytes()),
            result.parquetWriter().map(w -> " (" + w + " Parquet writer)").orElse(""),
            bytes(result.sourceBytes()),
            result.unitsRead().size(),
            result.unitsSkipped().size()));
    double seconds = result.duration().toNanos() / 1e9;
    row(
        text,
        "time",
        String.format(
            "%.2f s, %,.0f rows/s, %s/s",
            seconds,
            result.rowsPerSecond(),
            bytes((long) (result.sourceBytes() / Math.max(seconds, 1e-9)))));
    row(
        text,
        "snapshot",
        result.snapshotId().map(String::valueOf).orElse("none (nothing new to commit)"));
    return text.toString();
  }

  public String toJson() {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("table", result.table());
    root.put("branch", result.branch());
    root.put("run_id", result.runId());
    root.put("dry_run", result.dryRun());
    result
        .snapshotId()
        .ifPresentOrElse(s -> root.put("snapshot_id", s), () -> root.putNull("snapshot_id"));
    root.put("rows_read", result.rowsRead());
    root.put("rows_written", result.rowsWritten());
    root.put("rows_rejected", result.rowsRejected());
    root.put("data_files", result.dataFiles());
    root.put("data_bytes", result.dataBytes());
    root.put("source_bytes", result.sourceBytes());
    root.put("duration_ms", result.duration().toMillis());
    root.put("rows_per_second", Math.round(result.rowsPerSecond()));
    root.put("peak_heap_bytes", peakHeapBytes());
    result
        .parquetWriter()
        .ifPresentOrElse(w -> root.put("parquet_writer", w), () -> root.putNull("parquet_writer"));
    result
        .rejectsFile()
        .ifPresentOrElse(
            f -> root.put("rejects_file", Paths.show(workingDir, f)),
            () -> root.putNull("rejects_file"));
    var read = root.putArray("units_read");
    result.unitsRead().forEach(u -> read.add(Paths.show(workingDir, Path.of(u))));
    var skipped = root.putArray("units_skipped");
    result.unitsSkipped().forEach(u -> skipped.add(Paths.show(workingDir, Path.of(u))));
    return Json.write(root);
  }

  /** The JVM's peak heap use so far (all heap pools), as benchmarks report it. */
  static long peakHeapBytes() {
    return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }

  private static void row(StringBuilder text, String label, String value) {
    text.append("  ").append(String.format("%-10s", label)).append(' ').append(value).append('\n');
  }

  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }

    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }

    return String.format("%.1f %s", value, units[unit]);
  }
}
