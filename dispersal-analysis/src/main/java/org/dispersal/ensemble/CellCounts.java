package org.dispersal.ensemble;

/**
 * A buffer of (cell, value) counts: one open-addressing hash table over all cells of a summary.
 *
 * <p>Recording a replication touches thousands of cells per month; updating one small table per
 * cell costs several cache misses per update, while this table costs about one, because the key and
 * its count sit side by side. The buffer is drained into the per-cell histograms when it fills and
 * before any query; counts are integers, so the result does not depend on when it is drained.
 */
final class CellCounts {

  /** Entries held before the buffer asks to be drained. */
  private static final int DRAIN_AT = 1 << 21;

  private long[] table = new long[2 << 16];
  private int size;

  /** Adds one observation of a non-zero {@code value} in {@code cell}. */
  void add(int cell, int value) {
    long key = ((long) cell << 32) | (value & 0xFFFFFFFFL);
    int mask = (table.length >> 1) - 1;
    int slot = (int) mix(key) & mask;
    while (true) {
      int i = slot << 1;
      long k = table[i];
      if (k == key) {
        table[i + 1]++;
        return;
      }
      if (k == 0) {
        table[i] = key;
        table[i + 1] = 1;
        if (++size * 2 > (table.length >> 1)) {
          grow();
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Whether the buffer is full enough to drain. */
  boolean full() {
    return size >= DRAIN_AT;
  }

  /** Moves every entry into the histograms and empties the buffer. */
  void drainInto(IntHistogram[] cells) {
    if (size == 0) {
      return;
    }
    for (int i = 0; i < table.length; i += 2) {
      long k = table[i];
      if (k != 0) {
        int cell = (int) (k >>> 32);
        IntHistogram h = cells[cell];
        if (h == null) {
          h = new IntHistogram();
          cells[cell] = h;
        }
        h.add((int) k, (int) table[i + 1]);
      }
    }
    java.util.Arrays.fill(table, 0L);
    size = 0;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = (table.length >> 1) - 1;
    for (int i = 0; i < old.length; i += 2) {
      long k = old[i];
      if (k != 0) {
        int slot = (int) mix(k) & mask;
        while (table[slot << 1] != 0) {
          slot = (slot + 1) & mask;
        }
        table[slot << 1] = k;
        table[(slot << 1) + 1] = old[i + 1];
      }
    }
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
