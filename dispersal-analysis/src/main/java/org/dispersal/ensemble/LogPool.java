package org.dispersal.ensemble;

import java.util.Arrays;

/**
 * The blocks of many {@link IntHistogram}s' logs in a few large {@code int} arrays, addressed by
 * {@code int}: a summary keeps one pool per month, so that its hundreds of thousands of log blocks
 * are a few hundred objects instead of one each, all promoted to the old generation and copied by
 * young collections on the way (docs/PERFORMANCE.md, "Session 13: the summary's garbage"). Blocks
 * are taken in order; a log folded into its table of distinct values gives its blocks back, for
 * later blocks of the same size (every log grows by the same sizes), so the pool does not grow with
 * the replications once the logs fold. {@link #clear} drops every block when no histogram of the
 * pool has records in them any more. Not thread-safe: one recording thread, or readers only.
 *
 * <p>A block is {@code [previous block, records before it, records...]}: a log is its newest block
 * and the chain back.
 */
final class LogPool {

  /** The address of no block. */
  static final int NONE = -1;

  /** Bits of an address that give the offset within a chunk. */
  static final int SHIFT = 16;

  static final int MASK = (1 << SHIFT) - 1;

  /** Ints of the first chunk; each next one doubles, up to {@link #LAST_CHUNK}. */
  private static final int FIRST_CHUNK = 64;

  /**
   * Ints of the largest chunk: 32 KB, so that the room left at the end of the newest chunk of each
   * month's pool is small; larger than any block (at most a quarter of {@link
   * IntHistogram#LOG_LIMIT} records and two ints).
   */
  private static final int LAST_CHUNK = 1 << 13;

  private static final int[][] NO_CHUNKS = new int[0][];

  private int[][] chunks = NO_CHUNKS;
  private int count;

  /** Ints used in the newest chunk. */
  private int top;

  /**
   * The blocks given back, by their records: a list through each block's first int; null until a
   * block is given back.
   */
  private int[] free;

  /**
   * Takes a block for {@code capacity} records (at most {@code LAST_CHUNK - 2}) after the block
   * {@code previous} of the same log, which holds {@code before} records with its chain.
   *
   * @return the block's address
   */
  int block(int previous, int before, int capacity) {
    if (free != null && free[capacity] != NONE) {
      int address = free[capacity];
      int[] c = chunk(address);
      int o = address & MASK;
      free[capacity] = c[o];
      c[o] = previous;
      c[o + 1] = before;
      return address;
    }
    int size = capacity + 2;
    if (count == 0 || top + size > chunks[count - 1].length) {
      if (count == chunks.length) {
        chunks = Arrays.copyOf(chunks, Math.max(4, 2 * count));
      }
      int length = count == 0 ? FIRST_CHUNK : Math.min(LAST_CHUNK, 2 * chunks[count - 1].length);
      chunks[count++] = new int[Math.max(length, size)];
      top = 0;
    }
    int[] c = chunks[count - 1];
    c[top] = previous;
    c[top + 1] = before;
    int address = (count - 1) << SHIFT | top;
    top += size;
    return address;
  }

  /** The chunk that holds the block at an address; the block starts at {@code address & MASK}. */
  int[] chunk(int address) {
    return chunks[address >>> SHIFT];
  }

  /** Gives back a block taken for {@code capacity} records, whose records are no longer used. */
  void release(int address, int capacity) {
    if (free == null) {
      // A block holds at most a quarter of the records that fold a log.
      free = new int[IntHistogram.LOG_LIMIT / 4];
      Arrays.fill(free, NONE);
    }
    chunk(address)[address & MASK] = free[capacity];
    free[capacity] = address;
  }

  /** Drops every block: only when no histogram of the pool has records in them any more. */
  void clear() {
    chunks = NO_CHUNKS;
    count = 0;
    top = 0;
    free = null;
  }
}
