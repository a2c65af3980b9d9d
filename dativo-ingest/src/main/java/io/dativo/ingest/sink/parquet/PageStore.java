package io.dativo.ingest.sink.parquet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The compressed pages of a file's open row group, in blocks that go back to a pool the run's open
 * files share when the row group is written. A new array per page made the pages most of what a run
 * allocated (53 of 137 MB in a 5-million-row run): young collections copied them while their row
 * group stayed open, stopping both threads to do it. Pages are compressed straight into a block.
 * The pool holds at most what the open row groups held together at their largest.
 */
final class PageStore {
  /** The largest block: it holds several pages (zstd pages of 1 MB came to 0.1–0.5 MB). */
  static final int BLOCK_BYTES = 4 << 20;

  /** A file's first block: a file that gets a few rows (one of many partitions) holds little. */
  static final int FIRST_BLOCK_BYTES = 64 << 10;

  /** Where a page's bytes are. */
  record Slot(byte[] block, int offset, int length) {}

  private final List<byte[]> used = new ArrayList<>();
  private final ArrayDeque<byte[]> pool;
  private byte[] block;
  private int position;

  /** Takes blocks from, and gives them back to, {@code pool} (one writing thread uses it). */
  PageStore(ArrayDeque<byte[]> pool) {
    this.pool = pool;
  }

  /** Room for {@code bytes} more at {@link #block()}, {@link #position()}. */
  void reserve(int bytes) {
    if (block != null && block.length - position >= bytes) {
      return;
    }

    int size =
        block == null
            ? FIRST_BLOCK_BYTES
            : (int) Math.min(BLOCK_BYTES, Math.max(FIRST_BLOCK_BYTES, 2L * block.length));
    if (block != null) {
      used.add(block);
    }

    block = fromPool(bytes);
    if (block == null) {
      // A page larger than a block (a large page-size setting) gets one of its own size.
      block = new byte[Math.max(size, bytes)];
    }

    position = 0;
  }

  private byte[] fromPool(int bytes) {
    for (var spare = pool.iterator(); spare.hasNext(); ) {
      byte[] candidate = spare.next();
      if (candidate.length >= bytes) {
        spare.remove();
        return candidate;
      }
    }

    return null;
  }

  byte[] block() {
    return block;
  }

  int position() {
    return position;
  }

  /**
   * The {@code length} bytes written at {@link #position()} (after {@link #reserve}) are a page.
   */
  Slot take(int length) {
    Slot slot = new Slot(block, position, length);
    position += length;
    return slot;
  }

  /** A page compressed elsewhere, copied in. */
  Slot add(byte[] bytes) {
    reserve(bytes.length);
    System.arraycopy(bytes, 0, block, position, bytes.length);
    return take(bytes.length);
  }

  /** The row group was written: its blocks hold the next one's pages. */
  void clear() {
    if (block != null) {
      used.add(block);
      block = null;
    }

    pool.addAll(used);
    used.clear();
    position = 0;
  }
}
