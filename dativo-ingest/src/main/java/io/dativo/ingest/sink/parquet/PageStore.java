package io.dativo.ingest.sink.parquet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;

/**
 * The compressed pages of a file's open row group, in blocks that go back to a pool the run's open
 * files share ({@link Pool}) when the row group is written. A new array per page made the pages
 * most of what a run allocated (53 of 137 MB in a 5-million-row run): young collections copied them
 * while their row group stayed open, stopping both threads to do it. Pages are compressed straight
 * into a block.
 */
final class PageStore {
  /** The largest block: it holds several pages (zstd pages of 1 MB came to 0.1–0.5 MB). */
  static final int BLOCK_BYTES = 4 << 20;

  /** A file's first block: a file that gets a few rows (one of many partitions) holds little. */
  static final int FIRST_BLOCK_BYTES = 64 << 10;

  /** Where a page's bytes are. */
  record Slot(byte[] block, int offset, int length) {}

  /**
   * Blocks written row groups gave back, for any open file of the run (one writing thread uses it).
   * Blocks in use and blocks kept together stay within {@code limitBytes} (the open row groups'
   * memory budget) where they can: a block given back beyond it is left to the collector. In a
   * small heap with many partitions open, blocks kept on top of those in use made the collector
   * work harder.
   */
  static final class Pool {
    private final long limitBytes;
    private final LinkedList<byte[]> blocks = new LinkedList<>();
    private long bytes;
    private long inUse;

    Pool(long limitBytes) {
      this.limitBytes = limitBytes;
    }

    /** A block of at least {@code size} bytes: the smallest kept one that fits, or a new one. */
    byte[] take(int size, int newSize) {
      byte[] best = null;
      for (byte[] block : blocks) {
        if (block.length >= size && (best == null || block.length < best.length)) {
          best = block;
        }
      }

      if (best != null) {
        remove(best);
      } else {
        best = new byte[Math.max(size, newSize)];
      }

      inUse += best.length;
      return best;
    }

    void give(byte[] block) {
      inUse -= block.length;
      if (bytes + inUse + block.length <= limitBytes) {
        blocks.add(block);
        bytes += block.length;
      }
    }

    long bytes() {
      return bytes;
    }

    private void remove(byte[] block) {
      for (Iterator<byte[]> i = blocks.iterator(); i.hasNext(); ) {
        if (i.next() == block) {
          i.remove();
          bytes -= block.length;
          return;
        }
      }
    }
  }

  private final List<byte[]> used = new ArrayList<>();
  private final Pool pool;
  private byte[] block;
  private int position;

  /** Takes blocks from, and gives them back to, {@code pool}. */
  PageStore(Pool pool) {
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

    // A page larger than a block (a large page-size setting) gets one of its own size.
    block = pool.take(Math.max(bytes, size), size);

    position = 0;
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

    used.forEach(pool::give);
    used.clear();
    position = 0;
  }
}
