package io.dativo.ingest.source;

import io.dativo.ingest.columns.ByteText;

/**
 * A row stream whose values are text read in place (CSV): the run types them straight from the
 * bytes into column batches instead of making a {@code String} per value.
 */
public interface TextRowStream extends RowStream {

  /**
   * The current row's text for column {@code index}, or null when the row has no such field; a
   * view, valid until the next call.
   */
  ByteText text(int index);
}
