package io.dativo.ingest.source;

/**
 * The rows of one source unit, one at a time: values in the order of the asset's columns, read into
 * a reused buffer so a row costs no allocation beyond its values.
 */
public interface RowStream extends AutoCloseable {

  /** Advances to the next row; false at the end. */
  boolean next();

  /** The current row's value for column {@code index} (a String, a JDBC value, or null). */
  Object value(int index);

  /** Where the current row is, for messages: "orders.csv row 1042". */
  String position();

  /** The largest cursor value read so far, for incremental sources. */
  default java.util.Optional<String> cursor() {
    return java.util.Optional.empty();
  }

  @Override
  void close();
}
