package io.dativo.ingest.source;

import java.util.List;

/** A source of rows: it lists what it will read, then streams each unit. */
public interface Source extends AutoCloseable {

  /** The units of this run, in order. */
  List<SourceUnit> units();

  /**
   * Streams one unit, with values in the order of {@code columns}; {@code cursorStart} is the
   * committed cursor of an incremental read (rows after it only).
   */
  RowStream open(SourceUnit unit, List<String> columns, java.util.Optional<String> cursorStart);

  /**
   * Whether {@link #open} gives {@link TextRowStream}s: text read in place, typed straight into
   * column batches.
   */
  default boolean readsText() {
    return false;
  }

  /** The incremental cursor column, if the source reads incrementally. */
  default java.util.Optional<String> cursorField() {
    return java.util.Optional.empty();
  }

  /**
   * Whether each run reads the whole source (a table without an incremental cursor): the run then
   * replaces the table's rows, so a re-run never duplicates them.
   */
  default boolean replacesTable() {
    return false;
  }

  @Override
  default void close() {}
}
