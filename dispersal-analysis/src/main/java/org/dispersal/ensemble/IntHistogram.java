package org.dispersal.ensemble;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * An exact, mergeable frequency table of non-negative whole numbers, with zeros implied.
 *
 * <p>An ensemble records one value per replication in each cell; only non-zero values are stored,
 * so a cell that is zero in most replications costs little. Counts are integers, so merging two
 * tables gives the same table in any order: the summaries of an ensemble do not depend on how its
 * replications were spread over threads.
 *
 * <p>Layout (docs/PERFORMANCE.md, "Ensemble memory"): values below {@value #DENSE_LIMIT} are
 * counted in a small dense table made on first use; larger values are appended to a log of plain
 * {@code int}s (4 bytes a record, no hashing on the hot path) which, once it holds {@value
 * #LOG_LIMIT} records, is sorted and folded into a sorted table of distinct values and their
 * counts. The log grows by blocks, each a quarter of the records so far, that are never copied
 * while recording (a copy outgrown would be garbage in the old generation, as the log lives as long
 * as the summary); the blocks are kept in a {@link LogPool}, shared by a summary's histograms of
 * one month, so that they are not an object each. The first read sorts the log in place in its
 * blocks; each read copies it into its thread's scratch array. Memory is at most 8 bytes per
 * distinct large value plus a log of at most {@value #LOG_LIMIT} records: flat in replications once
 * the distinct values level off. Recording is not thread-safe (one summary per worker); reads are
 * synchronised, as they sort the log.
 */
public final class IntHistogram {

  private static final int DENSE_LIMIT = 64;

  /** Records kept unsorted before they are folded into the table of distinct values. */
  static final int LOG_LIMIT = 4096;

  /** Records below which the log is always sorted by comparison ({@link #sortedLog}). */
  private static final int COUNTING_MIN = 32;

  /** The log is sorted by counting when its values span at most this many integers a record. */
  static final int COUNTING_SPREAD = 8;

  private static final int[] EMPTY = new int[0];

  /**
   * Each thread's room for a log's sorted copy and its counting sort: a read uses them and is done
   * with them before it returns, so the merge's and the reports' reads of hundreds of thousands of
   * cells make no array each (docs/PERFORMANCE.md, "Session 14: the workers' garbage"). They grow
   * to the largest log the thread has read: a log holds at most {@value #LOG_LIMIT} records, so at
   * most 16 KB and 128 KB a thread (4 KB and 32 KB for logs of 1,000 records).
   */
  private static final ThreadLocal<int[][]> SCRATCH =
      ThreadLocal.withInitial(() -> new int[][] {EMPTY, EMPTY});

  private int[] dense;

  /** Where the log's blocks are; made on first use if the histogram was given none. */
  private LogPool pool;

  /** The log's newest block in {@link #pool}, or {@link LogPool#NONE} when the log is empty. */
  private int tail = LogPool.NONE;

  /** Records in the log. */
  private int logSize;

  /** Whether the log's records are in increasing order (sorted in place by a read). */
  private boolean logSorted = true;

  private int[] runValues = EMPTY;
  private int[] runCounts = EMPTY;
  private int runSize;
  private long sum;

  /** An empty table, whose log (if it needs one) has a pool of its own. */
  public IntHistogram() {}

  /** An empty table whose log's blocks go into a shared pool. */
  IntHistogram(LogPool pool) {
    this.pool = pool;
  }

  /** Records one non-zero value. */
  public void add(int value) {
    if (value >= DENSE_LIMIT) {
      sum += value;
      append(value);
    } else {
      add(value, 1);
    }
  }

  /** Records a value {@code times} times; zero values are implied and ignored. */
  public void add(int value, int times) {
    if (value < 0) {
      throw new IllegalArgumentException("histogram holds non-negative values: " + value);
    }
    if (times < 0) {
      throw new IllegalArgumentException("negative count: " + times);
    }
    if (value == 0 || times == 0) {
      return;
    }
    sum += (long) value * times;
    if (value < DENSE_LIMIT) {
      if (dense == null) {
        dense = new int[Math.max(8, Integer.highestOneBit(value) * 2)];
      } else if (value >= dense.length) {
        dense = Arrays.copyOf(dense, Math.min(DENSE_LIMIT, Math.max(value + 1, dense.length * 2)));
      }
      dense[value] += times;
    } else if (times == 1) {
      append(value);
    } else {
      fold(new int[] {value}, new int[] {times}, 1);
    }
  }

  private void append(int value) {
    int[] c;
    int at;
    if (tail == LogPool.NONE) {
      at = newBlock();
      c = pool.chunk(tail);
    } else {
      c = pool.chunk(tail);
      int b = tail & LogPool.MASK;
      int before = c[b + 1];
      if (logSize - before == capacity(before)) {
        if (logSize >= LOG_LIMIT) {
          flushLog();
        }
        at = newBlock();
        c = pool.chunk(tail);
      } else {
        at = b + 2 + logSize - before;
      }
    }
    c[at] = value;
    logSize++;
    logSorted = false;
  }

  /**
   * Starts a block of a quarter of the records so far (at least 8): full blocks are never copied,
   * and a quarter leaves as little room empty as growing one array by a quarter did.
   *
   * @return the offset of its first record in its chunk
   */
  private int newBlock() {
    if (pool == null) {
      pool = new LogPool();
    }
    tail = pool.block(tail, logSize, capacity(logSize));
    return (tail & LogPool.MASK) + 2;
  }

  /** Records of a block started after {@code before} records. */
  private static int capacity(int before) {
    return Math.min(LOG_LIMIT - before, Math.max(8, before >> 2));
  }

  /**
   * Sorts the log and folds it into the table of distinct values; the log is emptied and its blocks
   * given back to the pool.
   */
  private void flushLog() {
    int[] log = sortedLog();
    int[] values = new int[logSize];
    int[] counts = new int[logSize];
    int n = 0;
    for (int i = 0; i < logSize; i++) {
      if (n > 0 && values[n - 1] == log[i]) {
        counts[n - 1]++;
      } else {
        values[n] = log[i];
        counts[n++] = 1;
      }
    }
    for (int b = tail; b != LogPool.NONE; ) {
      int[] c = pool.chunk(b);
      int o = b & LogPool.MASK;
      int previous = c[o];
      pool.release(b, capacity(c[o + 1]));
      b = previous;
    }
    logSize = 0;
    tail = LogPool.NONE;
    logSorted = true;
    fold(values, counts, n);
  }

  /** Merges n sorted distinct values with their counts into the table of distinct values. */
  private void fold(int[] values, int[] counts, int n) {
    int[] v = new int[runSize + n];
    int[] c = new int[v.length];
    int k = 0;
    int i = 0;
    int j = 0;
    while (i < runSize || j < n) {
      if (j == n || (i < runSize && runValues[i] < values[j])) {
        v[k] = runValues[i];
        c[k++] = runCounts[i++];
      } else if (i == runSize || values[j] < runValues[i]) {
        v[k] = values[j];
        c[k++] = counts[j++];
      } else {
        v[k] = runValues[i];
        c[k++] = runCounts[i++] + counts[j++];
      }
    }
    runValues = k == v.length ? v : Arrays.copyOf(v, k);
    runCounts = k == c.length ? c : Arrays.copyOf(c, k);
    runSize = k;
  }

  /**
   * The log's records in increasing order, in the first {@link #logSize} entries of this thread's
   * scratch array (valid until its next read of any table); the first read after recording sorts
   * them and writes them back into the log's blocks in that order, so that the blocks keep the log
   * and later reads only copy them. A cell's values over replications are usually close together,
   * so when they span at most {@value #COUNTING_SPREAD} times as many integers as there are
   * records, they are sorted by counting, which is several times quicker than comparing; otherwise
   * by {@link Arrays#sort}. Either way the same sorted array.
   */
  private int[] sortedLog() {
    if (logSize == 0) {
      return EMPTY;
    }
    int n = logSize;
    int[][] scratch = SCRATCH.get();
    if (scratch[0].length < n) {
      scratch[0] = new int[Math.max(n, Math.min(LOG_LIMIT, 2 * scratch[0].length))];
    }
    int[] sorted = scratch[0];
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    int end = n;
    for (int b = tail; b != LogPool.NONE; ) {
      int[] c = pool.chunk(b);
      int o = b & LogPool.MASK;
      int before = c[o + 1];
      for (int i = before, from = o + 2 - before; i < end; i++) {
        int v = c[from + i];
        sorted[i] = v;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      end = before;
      b = c[o];
    }
    if (logSorted) {
      return sorted;
    }
    long spread = (long) max - min + 1;
    if (n >= COUNTING_MIN && spread <= (long) COUNTING_SPREAD * n) {
      // Zero on entry and left zero: each count is cleared as it is read.
      if (scratch[1].length < spread) {
        int room = Math.min(COUNTING_SPREAD * LOG_LIMIT, 2 * scratch[1].length);
        scratch[1] = new int[Math.max((int) spread, room)];
      }
      int[] counts = scratch[1];
      for (int i = 0; i < n; i++) {
        counts[sorted[i] - min]++;
      }
      int at = 0;
      for (int d = 0; d < spread; d++) {
        for (int c = counts[d]; c > 0; c--) {
          sorted[at++] = min + d;
        }
        counts[d] = 0;
      }
    } else {
      Arrays.sort(sorted, 0, n);
    }
    end = n;
    for (int b = tail; b != LogPool.NONE; ) {
      int[] c = pool.chunk(b);
      int o = b & LogPool.MASK;
      int before = c[o + 1];
      System.arraycopy(sorted, before, c, o + 2, end - before);
      end = before;
      b = c[o];
    }
    logSorted = true;
    return sorted;
  }

  /**
   * Sorts the log now, in its blocks, so that later reads do not (the same table and the same
   * answers; reads sort it themselves when this was not called). Lets many tables be prepared on
   * several threads.
   */
  synchronized void prepareForReading() {
    sortedLog();
  }

  /**
   * Adds every value recorded in another table to this one. When the other's large values are still
   * only a log (a worker's cell whose log never reached {@value #LOG_LIMIT} records), its records
   * join this table's log as they are, to be sorted once with it: the merge of a forecast's
   * summaries no longer sorts and tables each worker's logs first (docs/PERFORMANCE.md, "Session
   * 16"). Otherwise its table of distinct values is merged into this one's; an empty table of large
   * values takes the other's as it is built, so merging into it copies nothing more.
   */
  public void combine(IntHistogram other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot combine a histogram with itself");
    }
    if (other.runSize == 0) {
      // Only a log of large values (a worker's cell that never folded): its records join this
      // log as they are, sorted once with it when read, rather than sorted and tabled first.
      int[] d = other.dense;
      if (d != null) {
        for (int v = 1; v < d.length; v++) {
          add(v, d[v]);
        }
      }
      int end = other.logSize;
      for (int b = other.tail; b != LogPool.NONE; ) {
        int[] c = other.pool.chunk(b);
        int o = b & LogPool.MASK;
        int before = c[o + 1];
        for (int i = o + 2, last = o + 2 + end - before; i < last; i++) {
          sum += c[i];
          append(c[i]);
        }
        end = before;
        b = c[o];
      }
      return;
    }
    Large large = other.largeTable();
    int[] d = large.dense();
    if (d != null) {
      for (int v = 1; v < d.length; v++) {
        add(v, d[v]);
      }
    }
    int n = large.size();
    if (n > 0) {
      long s = 0;
      for (int i = 0; i < n; i++) {
        s += (long) large.values()[i] * large.counts()[i];
      }
      sum += s;
      if (runSize == 0) {
        runValues = large.values();
        runCounts = large.counts();
        runSize = n;
      } else {
        fold(large.values(), large.counts(), n);
      }
    }
  }

  /** The sum of all recorded values. */
  public long sum() {
    return sum;
  }

  /**
   * How many non-zero values were recorded: counted, not kept, as a field would make every
   * histogram 8 bytes larger.
   */
  public synchronized long nonZero() {
    return recorded();
  }

  private long recorded() {
    long n = logSize;
    if (dense != null) {
      for (int c : dense) {
        n += c;
      }
    }
    for (int i = 0; i < runSize; i++) {
      n += runCounts[i];
    }
    return n;
  }

  /**
   * Quantiles of the values over {@code total} replications, the replications not recorded being
   * zero. The q-quantile is the smallest value v with at least ceil(q·total) replications at or
   * below v (the inverse of the empirical distribution function).
   *
   * @param total the number of replications, at least the number recorded
   * @param qs probabilities in (0, 1], in increasing order
   */
  public synchronized int[] quantiles(long total, double... qs) {
    for (int k = 1; k < qs.length; k++) {
      if (qs[k] < qs[k - 1]) {
        throw new IllegalArgumentException("probabilities must be in increasing order");
      }
    }
    long[] ranks = new long[qs.length];
    for (int k = 0; k < qs.length; k++) {
      ranks[k] = rank(qs[k], total);
    }
    return quantilesAtRanks(total, ranks);
  }

  /**
   * The quantiles whose ranks ({@link #rank}, increasing) are given: what {@link #quantiles} gives
   * for their probabilities, with the ranks worked out once for many tables of the same total.
   */
  synchronized int[] quantilesAtRanks(long total, long[] ranks) {
    long recorded = recorded();
    if (total < recorded) {
      throw new IllegalArgumentException("total below the number recorded");
    }
    // A sorted log with no table of distinct values (the merged cells, prepared for reading) is
    // read in place: each quantile past the dense counts is the log's record at its rank, found by
    // walking the blocks, without copying the log or walking its records.
    boolean inPlace = logSorted && runSize == 0;
    int[] log = inPlace ? EMPTY : sortedLog();
    int qn = ranks.length;
    int[] out = new int[qn];
    long zeros = total - recorded;
    // One walk over the values in increasing order: the dense table, then the distinct-value
    // table merged with the sorted log; each quantile is read as its rank is passed.
    long cumulative = zeros;
    int q = 0;
    while (q < qn && ranks[q] <= zeros) {
      out[q++] = 0;
    }
    if (dense != null) {
      for (int v = 1; v < dense.length && q < qn; v++) {
        if (dense[v] != 0) {
          cumulative += dense[v];
          while (q < qn && cumulative >= ranks[q]) {
            out[q++] = v;
          }
        }
      }
    }
    if (inPlace) {
      if (q < qn) {
        recordsAtRanks(ranks, q, cumulative, out);
      }
      return out;
    }
    int i = 0;
    int j = 0;
    while (q < qn && (i < runSize || j < logSize)) {
      int v;
      if (j == logSize || (i < runSize && runValues[i] <= log[j])) {
        v = runValues[i];
        cumulative += runCounts[i++];
      } else {
        v = log[j++];
        cumulative++;
      }
      while (q < qn && cumulative >= ranks[q]) {
        out[q++] = v;
      }
    }
    int largest = largest(log);
    while (q < qn) {
      out[q++] = largest;
    }
    return out;
  }

  /**
   * Fills {@code out[q..]} with the records of the sorted log at {@code ranks[q..]} counted past
   * {@code before} replications (the zeros and the dense counts), the largest record for a rank
   * beyond the log; one walk over the blocks from the last, the highest ranks first.
   */
  private void recordsAtRanks(long[] ranks, int q, long before, int[] out) {
    int k = ranks.length - 1;
    for (int b = tail; b != LogPool.NONE && k >= q; ) {
      int[] c = pool.chunk(b);
      int o = b & LogPool.MASK;
      int first = c[o + 1];
      while (k >= q) {
        long index = Math.min(ranks[k] - before - 1, logSize - 1L);
        if (index < first) {
          break;
        }
        out[k--] = c[o + 2 + (int) index - first];
      }
      b = c[o];
    }
    if (k >= q) {
      throw new IllegalStateException("log blocks do not hold the ranks asked for");
    }
  }

  /** The number of replications at or below the q-quantile of {@code total}: ceil(q·total). */
  static long rank(double q, long total) {
    return Math.max(1, (long) Math.ceil(q * total - 1e-9));
  }

  private int largest(int[] log) {
    int m = 0;
    if (runSize > 0) {
      m = runValues[runSize - 1];
    }
    if (logSize > 0) {
      m = Math.max(m, log[logSize - 1]);
    }
    if (m == 0 && dense != null) {
      for (int v = dense.length - 1; v > 0; v--) {
        if (dense[v] != 0) {
          return v;
        }
      }
    }
    return m;
  }

  /**
   * A table's dense counts (as they are, not copied) and its distinct large values in increasing
   * order with how often each was recorded, in arrays of exactly that size.
   */
  private record Large(int[] dense, int[] values, int[] counts, int size) {}

  /** The table's dense counts and distinct large values: the sorted log merged into the runs. */
  private synchronized Large largeTable() {
    int[] log = sortedLog();
    // Counted first, so the arrays are made at their final size (an empty table takes them).
    int n = 0;
    int previous = 0;
    int i = 0;
    int j = 0;
    while (i < runSize || j < logSize) {
      int v = j == logSize || (i < runSize && runValues[i] <= log[j]) ? runValues[i++] : log[j++];
      if (n == 0 || v != previous) {
        n++;
        previous = v;
      }
    }
    int[] values = new int[n];
    int[] counts = new int[n];
    int k = 0;
    i = 0;
    j = 0;
    while (i < runSize || j < logSize) {
      int v;
      int c;
      if (j == logSize || (i < runSize && runValues[i] <= log[j])) {
        v = runValues[i];
        c = runCounts[i++];
      } else {
        v = log[j++];
        c = 1;
      }
      if (k > 0 && values[k - 1] == v) {
        counts[k - 1] += c;
      } else {
        values[k] = v;
        counts[k++] = c;
      }
    }
    return new Large(dense, values, counts, n);
  }

  /**
   * Writes the table in a canonical form: the distinct values in increasing order with their
   * counts, so equal tables give equal bytes whatever order their values were recorded or merged
   * in. {@link #readFrom} reads it back.
   */
  public void writeTo(DataOutput out) throws IOException {
    Large large = largeTable();
    int[] d = large.dense();
    int n = large.size();
    if (d != null) {
      for (int v = 1; v < d.length; v++) {
        if (d[v] != 0) {
          n++;
        }
      }
    }
    out.writeInt(n);
    if (d != null) {
      for (int v = 1; v < d.length; v++) {
        if (d[v] != 0) {
          out.writeInt(v);
          out.writeInt(d[v]);
        }
      }
    }
    for (int i = 0; i < large.size(); i++) {
      out.writeInt(large.values()[i]);
      out.writeInt(large.counts()[i]);
    }
  }

  /** Reads a table written by {@link #writeTo}. */
  public static IntHistogram readFrom(DataInput in) throws IOException {
    IntHistogram h = new IntHistogram();
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("bad histogram size " + n);
    }
    int[] values = new int[n];
    int[] counts = new int[n];
    int large = 0;
    int previous = 0;
    for (int i = 0; i < n; i++) {
      int value = in.readInt();
      int count = in.readInt();
      if (value <= 0 || count <= 0) {
        throw new IOException("bad histogram entry " + value + " x " + count);
      }
      if (value <= previous) {
        throw new IOException("histogram values out of order: " + value + " after " + previous);
      }
      previous = value;
      if (value < DENSE_LIMIT) {
        h.add(value, count);
      } else {
        values[large] = value;
        counts[large++] = count;
        h.sum += (long) value * count;
      }
    }
    if (large > 0) {
      h.fold(values, counts, large);
    }
    return h;
  }

  /**
   * Reads two tables written by {@link #writeTo} and writes their sum in the same canonical form,
   * without building either table: what {@code a.combine(b)} followed by {@code writeTo} gives.
   */
  public static void merge(DataInput a, DataInput b, DataOutput out) throws IOException {
    int[][] x = readTable(a);
    int[][] y = readTable(b);
    int[] values = new int[x[0].length + y[0].length];
    int[] counts = new int[values.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < x[0].length || j < y[0].length) {
      if (j == y[0].length || (i < x[0].length && x[0][i] < y[0][j])) {
        values[n] = x[0][i];
        counts[n++] = x[1][i++];
      } else if (i == x[0].length || y[0][j] < x[0][i]) {
        values[n] = y[0][j];
        counts[n++] = y[1][j++];
      } else {
        values[n] = x[0][i];
        counts[n++] = x[1][i++] + y[1][j++];
      }
    }
    out.writeInt(n);
    for (int k = 0; k < n; k++) {
      out.writeInt(values[k]);
      out.writeInt(counts[k]);
    }
  }

  /** Copies one table written by {@link #writeTo}. */
  public static void copy(DataInput in, DataOutput out) throws IOException {
    int n = in.readInt();
    out.writeInt(n);
    for (int k = 0; k < 2 * n; k++) {
      out.writeInt(in.readInt());
    }
  }

  private static int[][] readTable(DataInput in) throws IOException {
    int n = in.readInt();
    int[][] table = new int[2][n];
    for (int k = 0; k < n; k++) {
      table[0][k] = in.readInt();
      table[1][k] = in.readInt();
    }
    return table;
  }
}
