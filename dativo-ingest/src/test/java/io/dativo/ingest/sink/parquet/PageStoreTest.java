package io.dativo.ingest.sink.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageStoreTest {
  @Test
  void pagesKeepTheirBytesAcrossBlocksAndBlocksGrowToTheirLargest() {
    PageStore store = new PageStore(new PageStore.Pool(64 << 20));
    List<PageStore.Slot> slots = new ArrayList<>();
    List<byte[]> pages = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      byte[] page = new byte[200_000 + i];
      Arrays.fill(page, (byte) i);
      pages.add(page);
      slots.add(store.add(page));
    }

    for (int i = 0; i < pages.size(); i++) {
      PageStore.Slot slot = slots.get(i);
      assertThat(Arrays.copyOfRange(slot.block(), slot.offset(), slot.offset() + slot.length()))
          .isEqualTo(pages.get(i));
    }

    // A file's first block fits its first page; blocks double up to the largest size.
    assertThat(slots.get(0).block()).hasSize(200_000);
    assertThat(slots.get(1).block()).hasSize(400_000);
    assertThat(slots.get(slots.size() - 1).block()).hasSize(PageStore.BLOCK_BYTES);
  }

  @Test
  void aWrittenRowGroupsBlocksHoldTheNextOnesPagesInAnyFileOfTheRun() {
    PageStore.Pool pool = new PageStore.Pool(64 << 20);
    PageStore first = new PageStore(pool);
    PageStore.Slot page = first.add(new byte[100_000]);
    first.clear();

    assertThat(pool.bytes()).isEqualTo(page.block().length);

    PageStore second = new PageStore(pool);
    assertThat(second.add(new byte[50_000]).block()).isSameAs(page.block());
    assertThat(pool.bytes()).isZero();
  }

  @Test
  void thePoolKeepsBlocksWithinItsLimitAndGivesTheSmallestThatFits() {
    PageStore.Pool pool = new PageStore.Pool(1_000_000);
    byte[] a = pool.take(600_000, 0);
    byte[] b = pool.take(500_000, 0);
    byte[] c = pool.take(300_000, 0);
    pool.give(a); // 1.4 MB in use and kept: over the limit, left to the collector
    pool.give(c);
    pool.give(b);

    assertThat(pool.bytes()).isEqualTo(800_000);
    assertThat(pool.take(200_000, 0)).isSameAs(c);
    assertThat(pool.take(600_000, 0)).hasSize(600_000).isNotSameAs(a); // none kept fits: new
  }

  @Test
  void aPageLargerThanABlockGetsOneOfItsOwn() {
    PageStore store = new PageStore(new PageStore.Pool(64 << 20));
    PageStore.Slot large = store.add(new byte[PageStore.BLOCK_BYTES + 1]);

    assertThat(large.block()).hasSize(PageStore.BLOCK_BYTES + 1);
    assertThat(large.offset()).isZero();
  }
}
