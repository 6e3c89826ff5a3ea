package org.dispersal.ensemble;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.dispersal.engine.Cohort;
import org.dispersal.engine.Compartment;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.MonthObserver;
import org.dispersal.model.Demographic;
import org.dispersal.model.Origin;
import org.dispersal.model.Region;
import org.dispersal.model.State;

/**
 * Mergeable summaries of an ensemble: for every month, scope (world, region, origin), demographic
 * and compartment or state total, an exact histogram of the count over replications, from which the
 * mean and quantiles are read. The world and each region are split by demographic (all, men, women,
 * minors) for every state; destinations (theatre, country, group) and origins are summarised for
 * all people only, which keeps the cost of an ensemble in proportion to what analysts read. The
 * {@link CompositeState}s (everyone back home, those who came home after the start, and the
 * children born in the territory since the start) are summed within each replication and summarised
 * like states, in every scope and demographic.
 *
 * <p>One summary collects the replications of one worker; {@link #combine} adds another worker's.
 * Because histograms hold integer counts, the result is the same for any split of replications.
 * Never holds a replication's full trajectory: memory is flat in the number of replications.
 *
 * <p>Recording is laid out for speed (docs/PERFORMANCE.md, "Session 11: the ensemble summary"). The
 * cells each cohort's compartment adds to (its origin, region and the world, by demographic group,
 * for the compartment and its state's total) are fixed by the model, so they are listed once per
 * compartment, as indices into the cells any cohort can reach; the all-people rows of the world and
 * the regions sum their groups' rows at the flush, each replication's values added. A month's
 * stocks are summed straight into a stage, one row of reachable cells per replication, and the
 * staged values of up to {@value #BATCH} replications are added to the histograms cell by cell, so
 * that each histogram is fetched from memory once per batch rather than once per replication. Every
 * read ({@link #statistic}, {@link #isPresent}, {@link #replications}, {@link #combine}, {@link
 * #toBytes} ...) first adds the staged values, so the summary reads exactly as if each value had
 * been added at once.
 */
public final class EnsembleSummary implements MonthObserver {

  /** Demographic label of the all-people rows. */
  public static final String ALL = "all";

  /**
   * Replications staged before their values are added to the histograms: each histogram is then
   * fetched once per this many replications. The stage holds this many ints per reachable cell and
   * month: 13 MB a worker for isis-2017 (5,671 reachable cells of 106,032 a month, 37 months).
   * Public for the service's memory estimate.
   */
  public static final int BATCH = 16;

  /** The probabilities of a {@link Statistic}'s quantiles. */
  private static final double[] STATISTIC_QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};

  private static final int COMPOSITES = CompositeState.values().length;

  /** The enums' values, read once: each {@code values()} call makes a new array. */
  private static final Demographic[] DEMOGRAPHICS = Demographic.values();

  private static final State[] STATES = State.values();

  private final CompiledModel model;
  private final List<Scope> scopes = new ArrayList<>();
  private final int keys;

  /** The compartment of each state without destinations (by ordinal), -1 where there is none. */
  private final int[] plainStateKey;

  private final int keyCount;
  private final int compartments;
  private final int months;
  private final int cellsPerMonth;
  private final int[] homeAtStart;
  private final int[] peopleAtStart;
  private final int[] arrivedSinceStart;

  /**
   * The histograms of the cells any cohort can reach, month by month, each month in the order of
   * {@link #reachableCell}: a twentieth of a month's cells for isis-2017, so a table of every cell
   * would be mostly empty slots (15 MB a summary).
   */
  private final IntHistogram[] cells;

  /**
   * The blocks of the histograms' logs, one pool per month: a few large arrays instead of an object
   * per block. A summary absorbed by another drops them month by month as the merge takes its cells
   * ({@link #absorbAll}); the merged summary's logs stay in its own, sorted in place.
   */
  private final LogPool[] pools;

  /** The rank among the reachable cells of each cell within a month, -1 where none reaches. */
  private final int[] reachableRank;

  /** Cohort c's local compartments are entries localStart[c] to localStart[c + 1] - 1 below. */
  private final int[] localStart;

  /** -1 where a cohort's local compartment counts as home (to mask its stock), else 0. */
  private final int[] homeMask;

  /**
   * The reachable cells a local compartment adds to: fan[fanStart[l]] to fan[fanStart[l + 1] - 1].
   */
  private final int[] fanStart;

  private final int[] fan;

  /** The same for cohort c's composite state k: entry {@code COMPOSITES * c + k.ordinal()}. */
  private final int[] compositeStart;

  private final int[] compositeFan;

  /** The cell within a month (as in {@link #index}) of each reachable cell. */
  private final int[] reachableCell;

  /**
   * The reachable cells whose staged values a reachable cell's histogram also receives, summed per
   * replication at the flush: sumFrom[sumStart[t]] to sumFrom[sumStart[t + 1] - 1] for cell t. An
   * all-people row of the world or a region receives the rows of its demographic groups this way,
   * instead of each of a group's stocks being added to it as well (3 cells a stock instead of 5);
   * the groups' cells come after it in cell order, so they are still staged when it is flushed.
   */
  private final int[] sumStart;

  private final int[] sumFrom;

  /**
   * The stage: per month, {@link #BATCH} rows of the reachable cells, each row one replication's
   * values, summed there directly; null until recording and after a read. Volatile: the read that
   * lets it go sets it to null last, publishing the histograms, so that the reads of a finished
   * summary (summary.csv's 175,000 rows on two threads, the report's) see null and skip the lock a
   * flush takes (issue #19).
   */
  private volatile int[][] stage;

  /** Rows of the stage in use (replications staged), and the current replication's row. */
  private int rows;

  private int row;
  private long replications;

  /** The last ranks worked out; a read on any thread may replace them, all alike. */
  private Ranks ranks;

  /** Creates an empty summary for a model. */
  public EnsembleSummary(CompiledModel model) {
    this.model = model;
    Layout layout = Layout.of(model);
    scopes.addAll(layout.scopes());
    compartments = model.compartments().size();
    keyCount = compartments + State.values().length;
    keys = keyCount + CompositeState.values().length;
    plainStateKey = new int[STATES.length];
    for (State s : STATES) {
      plainStateKey[s.ordinal()] = model.compartments().indexOf(new Compartment(s, ""));
    }
    months = model.scenario().months();
    List<Cohort> cohorts = model.cohorts();
    homeAtStart = new int[cohorts.size()];
    peopleAtStart = new int[cohorts.size()];
    arrivedSinceStart = new int[cohorts.size()];
    cellsPerMonth = scopes.size() * 4 * keys;
    Fanout f = new Fanout(cellsPerMonth);
    localStart = new int[cohorts.size() + 1];
    compositeStart = new int[COMPOSITES * cohorts.size() + 1];
    int locals = 0;
    for (Cohort c : cohorts) {
      locals += c.size();
    }
    homeMask = new int[locals];
    fanStart = new int[locals + 1];
    IntList fanList = new IntList();
    IntList compositeList = new IntList();
    int l = 0;
    for (Cohort c : cohorts) {
      int ci = c.index();
      int demo = demographicIndex(c.demographic());
      int origin = layout.originScope()[ci];
      int region = layout.regionScope()[ci];
      int[] sk = layout.stateKey()[ci];
      localStart[ci] = l;
      for (int j = 0; j < c.size(); j++, l++) {
        homeMask[l] = layout.home()[ci][j] ? -1 : 0;
        int key = c.compartment(j);
        if (sk[j] >= 0) {
          // A destination: by demographic group only in its state's total.
          fanList.add(f.reach(index(origin, 0, key)));
          fanList.add(f.reach(index(region, 0, key)));
          fanList.add(f.reach(index(0, 0, key)));
          f.addAll(fanList, origin, region, demo, sk[j]);
        } else {
          f.addAll(fanList, origin, region, demo, key);
        }
        fanStart[l + 1] = fanList.size();
      }
      for (CompositeState k : CompositeState.values()) {
        f.addAll(compositeList, origin, region, demo, compositeKey(k));
        compositeStart[COMPOSITES * ci + k.ordinal() + 1] = compositeList.size();
      }
    }
    localStart[cohorts.size()] = l;
    // Renumbered in cell order, so that a flush walks a month's histograms in the order of the
    // cell table, which is also the order it makes them in.
    int[] rank = new int[f.cells.size()];
    reachableCell = new int[rank.length];
    reachableRank = new int[cellsPerMonth];
    int next = 0;
    for (int cell = 0; cell < cellsPerMonth; cell++) {
      if (f.reachable[cell] >= 0) {
        rank[f.reachable[cell]] = next;
        reachableRank[cell] = next;
        reachableCell[next++] = cell;
      } else {
        reachableRank[cell] = -1;
      }
    }
    cells = new IntHistogram[(months + 1) * next];
    pools = new LogPool[months + 1];
    for (int m = 0; m <= months; m++) {
      pools[m] = new LogPool();
    }
    int regionCount = model.scenario().regions().size();
    sumStart = new int[next + 1];
    IntList sums = new IntList();
    for (int t = 0; t < next; t++) {
      int cell = reachableCell[t];
      int scope = cell / (4 * keys);
      if (scope <= regionCount && cell / keys % 4 == 0) {
        for (int demo = 1; demo < 4; demo++) {
          int group = reachableRank[index(scope, demo, cell % keys)];
          if (group >= 0) {
            sums.add(group);
          }
        }
      }
      sumStart[t + 1] = sums.size();
    }
    sumFrom = sums.toArray();
    fan = fanList.toArray();
    for (int k = 0; k < fan.length; k++) {
      fan[k] = rank[fan[k]];
    }
    compositeFan = compositeList.toArray();
    for (int k = 0; k < compositeFan.length; k++) {
      compositeFan[k] = rank[compositeFan[k]];
    }
  }

  /** A growable list of ints, for building the fan-out tables. */
  private static final class IntList {
    private int[] values = new int[256];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int size() {
      return size;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /** Numbers the cells any cohort can reach, in the order first reached. */
  private final class Fanout {
    private final int[] reachable;
    private final IntList cells = new IntList();

    Fanout(int cellsPerMonth) {
      reachable = new int[cellsPerMonth];
      Arrays.fill(reachable, -1);
    }

    int reach(int cell) {
      if (reachable[cell] < 0) {
        reachable[cell] = cells.size();
        cells.add(cell);
      }
      return reachable[cell];
    }

    /**
     * The cells a count of a key adds to: the origin's, the region's and the world's in the
     * cohort's demographic group. The region's and the world's all-people rows, which sum the
     * groups, are reached too, but receive a group's values at the flush ({@code sumFrom}).
     */
    void addAll(IntList out, int origin, int region, int demo, int key) {
      out.add(reach(index(origin, 0, key)));
      out.add(reach(index(region, demo, key)));
      out.add(reach(index(0, demo, key)));
      if (demo != 0) {
        reach(index(region, 0, key));
        reach(index(0, 0, key));
      }
    }
  }

  /**
   * Whether a summary made for {@code a} records the stocks of {@code b}'s replications exactly as
   * a summary made for {@code b} would, cell for cell: same months, scopes, compartments, and
   * cohorts with the same origin scope, region, demographic group and compartments (hypotheses that
   * change parameters only). Summaries of such models can also be {@link #combine}d.
   */
  public static boolean observesAlike(CompiledModel a, CompiledModel b) {
    if (a == b) {
      return true;
    }
    if (a.scenario().months() != b.scenario().months()
        || !a.compartments().equals(b.compartments())
        || a.cohorts().size() != b.cohorts().size()) {
      return false;
    }
    for (int c = 0; c < a.cohorts().size(); c++) {
      Cohort x = a.cohorts().get(c);
      Cohort y = b.cohorts().get(c);
      if (x.index() != y.index()
          || x.demographic() != y.demographic()
          || !Arrays.equals(x.compartments(), y.compartments())) {
        return false;
      }
    }
    return Layout.of(a).equals(Layout.of(b));
  }

  /**
   * What the summary of a model derives from its layout: the scopes, and for each cohort its
   * origin's and region's scope, the state total each compartment adds to and whether it counts as
   * home.
   */
  private record Layout(
      List<Scope> scopes,
      int[] originScope,
      int[] regionScope,
      int[][] stateKey,
      boolean[][] home) {

    /**
     * Each model's layout, made once however many workers' summaries and comparisons of hypotheses
     * read it (a model is compared with every other hypothesis before the first replication, and
     * each worker's summary reads it again); kept while the model is.
     */
    private static final Map<CompiledModel, Layout> MADE =
        Collections.synchronizedMap(new WeakHashMap<>());

    static Layout of(CompiledModel model) {
      return MADE.computeIfAbsent(model, Layout::make);
    }

    private static Layout make(CompiledModel model) {
      List<Scope> scopes = new ArrayList<>();
      scopes.add(new Scope(Scope.WORLD, "", "World"));
      for (Region r : model.scenario().regions()) {
        scopes.add(new Scope(Scope.REGION, r.name(), r.name()));
      }
      List<Origin> origins = model.scenario().origins();
      // Each cohort holds its origin as the scenario lists it: found by identity, not by a search
      // of the list per cohort (the runner compares the layouts of every hypothesis before the
      // first replication).
      Map<Origin, Integer> originIndex = new IdentityHashMap<>();
      for (int i = 0; i < origins.size(); i++) {
        Origin o = origins.get(i);
        scopes.add(new Scope(o.country() ? Scope.COUNTRY : Scope.UNALLOCATED, o.id(), o.name()));
        originIndex.putIfAbsent(o, i);
      }
      List<Cohort> cohorts = model.cohorts();
      int[] originScope = new int[cohorts.size()];
      int[] regionScope = new int[cohorts.size()];
      int[][] stateKey = new int[cohorts.size()][];
      boolean[][] home = new boolean[cohorts.size()][];
      int compartments = model.compartments().size();
      for (Cohort c : cohorts) {
        Integer origin = originIndex.get(c.origin());
        originScope[c.index()] =
            1
                + model.scenario().regions().size()
                + (origin != null ? origin : origins.indexOf(c.origin()));
        regionScope[c.index()] = 1 + c.regionIndex();
        int[] sk = new int[c.size()];
        boolean[] h = new boolean[sk.length];
        for (int j = 0; j < sk.length; j++) {
          Compartment comp = model.compartments().get(c.compartment(j));
          sk[j] = comp.destination().isEmpty() ? -1 : compartments + comp.state().ordinal();
          h[j] = CompositeState.countsHome(comp, c.origin());
        }
        stateKey[c.index()] = sk;
        home[c.index()] = h;
      }
      return new Layout(List.copyOf(scopes), originScope, regionScope, stateKey, home);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Layout l
          && scopes.equals(l.scopes)
          && Arrays.equals(originScope, l.originScope)
          && Arrays.equals(regionScope, l.regionScope)
          && Arrays.deepEquals(stateKey, l.stateKey)
          && Arrays.deepEquals(home, l.home);
    }

    @Override
    public int hashCode() {
      return scopes.hashCode();
    }
  }

  /** The model summarised. */
  public CompiledModel model() {
    return model;
  }

  /** The scopes in output order: world, regions, origins. */
  public List<Scope> scopes() {
    return List.copyOf(scopes);
  }

  /** The number of replications recorded. */
  public long replications() {
    flush(true);
    return replications;
  }

  /**
   * The number of compartment and state keys: every compartment, then one total per state. The
   * composite states have keys of their own after these ({@link #compositeKey}).
   */
  public int keyCount() {
    return keyCount;
  }

  /** The key of a composite state, after the {@link #keyCount()} compartment and state keys. */
  public int compositeKey(CompositeState c) {
    return keyCount + c.ordinal();
  }

  /** The key of a compartment (by its global index). */
  public int compartmentKey(int compartment) {
    return compartment;
  }

  /** The key of a state's total over its destinations (or of the state itself). */
  public int stateKey(State s) {
    return compartments + s.ordinal();
  }

  /** Demographic index: 0 for all people, 1 + ordinal for men, women, minors. */
  public static int demographicIndex(Demographic d) {
    return d == null ? 0 : 1 + d.ordinal();
  }

  /** The label of a demographic index. */
  public static String demographicLabel(int index) {
    return index == 0 ? ALL : DEMOGRAPHICS[index - 1].id();
  }

  /**
   * Counts the people who arrived from outside (models with arrivals), so that they are not taken
   * for children born in the territory.
   */
  @Override
  public void arrivals(int month, int[][] arrived) {
    for (int c = 0; c < arrived.length; c++) {
      for (int n : arrived[c]) {
        arrivedSinceStart[c] += n;
      }
    }
  }

  @Override
  public void observe(int month, int[][] stocks) {
    record(month, stocks, null);
  }

  /** As {@link #observe}, reading only the non-zero stocks the engine lists. */
  @Override
  public void observeOccupied(int month, int[][] stocks, long[][] occupied) {
    record(month, stocks, occupied);
  }

  /**
   * Adds a month's stocks to the replication's stage row: every stock when {@code occupied} is
   * null, otherwise only those its bit sets list (the others are zero and add nothing).
   */
  private void record(int month, int[][] stocks, long[][] occupied) {
    if (month == 0) {
      replications++;
      if (rows == BATCH) {
        flush(false);
      }
      row = rows++;
    } else if (rows == 0) {
      // The stage was flushed by a read during this replication: it goes on in the first row.
      row = 0;
      rows = 1;
    }
    int[][] staged = stage;
    if (staged == null) {
      staged = new int[months + 1][];
      stage = staged;
    }
    if (staged[month] == null) {
      staged[month] = new int[BATCH * reachableCell.length];
    }
    int[] st = staged[month];
    int at = row * reachableCell.length;
    for (int c = 0; c < stocks.length; c++) {
      int[] s = stocks[c];
      int from = localStart[c];
      int atHome = 0;
      int people = 0;
      if (occupied == null) {
        for (int j = 0; j < s.length; j++) {
          int n = s[j];
          if (n != 0) {
            people += n;
            atHome += n & homeMask[from + j];
            fanOut(st, at, from + j, n);
          }
        }
      } else {
        long[] words = occupied[c];
        for (int w = 0; w < words.length; w++) {
          for (long bits = words[w]; bits != 0; bits &= bits - 1) {
            int j = (w << 6) + Long.numberOfTrailingZeros(bits);
            int n = s[j];
            people += n;
            atHome += n & homeMask[from + j];
            fanOut(st, at, from + j, n);
          }
        }
      }
      if (month == 0) {
        homeAtStart[c] = atHome;
        peopleAtStart[c] = people;
        arrivedSinceStart[c] = 0;
      }
      int born = people - peopleAtStart[c] - arrivedSinceStart[c];
      if (born < 0) {
        throw new IllegalStateException(
            "cohort " + c + " has fewer people in month " + month + " than at 0");
      }
      int after = atHome - homeAtStart[c];
      if (after < 0) {
        throw new IllegalStateException(
            "cohort " + c + " has fewer people at home in month " + month + " than at 0");
      }
      addComposite(st, at, COMPOSITES * c + CompositeState.BORN_IN_TERRITORY.ordinal(), born);
      addComposite(st, at, COMPOSITES * c + CompositeState.RETURNED_TOTAL.ordinal(), atHome);
      addComposite(st, at, COMPOSITES * c + CompositeState.RETURNED_AFTER_START.ordinal(), after);
    }
  }

  /** Adds n people in local compartment l (numbered across cohorts) to the cells it reaches. */
  private void fanOut(int[] st, int at, int l, int n) {
    for (int k = fanStart[l], end = fanStart[l + 1]; k < end; k++) {
      st[at + fan[k]] += n;
    }
  }

  private void addComposite(int[] st, int at, int entry, int n) {
    if (n > 0) {
      for (int k = compositeStart[entry], end = compositeStart[entry + 1]; k < end; k++) {
        st[at + compositeFan[k]] += n;
      }
    }
  }

  private int index(int scope, int demo, int key) {
    return (scope * 4 + demo) * keys + key;
  }

  /**
   * Adds the staged values to the histograms, cell by cell, and empties the stage; with {@code
   * release} (every read), also lets the stage go: a summary that is read has usually finished
   * recording, and one that records again makes its stage again, month by month.
   */
  private synchronized void flush(boolean release) {
    if (rows > 0 && stage != null) {
      int reachable = reachableCell.length;
      for (int m = 0; m <= months; m++) {
        int[] st = stage[m];
        if (st == null) {
          continue;
        }
        int base = m * reachable;
        for (int t = 0; t < reachable; t++) {
          IntHistogram h = null;
          int from = sumStart[t];
          int to = sumStart[t + 1];
          for (int r = 0, at = t; r < rows; r++, at += reachable) {
            int v = st[at];
            for (int k = from, rowAt = at - t; k < to; k++) {
              v += st[rowAt + sumFrom[k]];
            }
            if (v != 0) {
              st[at] = 0;
              if (h == null) {
                h = cells[base + t];
                if (h == null) {
                  h = new IntHistogram(pools[m]);
                  cells[base + t] = h;
                }
              }
              h.add(v);
            }
          }
        }
      }
    }
    rows = 0;
    if (release) {
      stage = null;
    }
  }

  /** Adds the staged values, if any, before a read. */
  private void flushForReading() {
    if (stage != null) {
      flush(true);
    }
  }

  /**
   * Adds another worker's replications to this summary and empties the other, releasing each of its
   * cells as soon as it is merged (so two full summaries and the merged one are never all held at
   * once); the other summary must not be used afterwards.
   */
  public void absorb(EnsembleSummary other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot absorb a summary into itself");
    }
    combine(other, true);
  }

  /**
   * Absorbs other workers' summaries ({@link #absorb}) on up to {@code threads} threads, each
   * taking a month at a time, and sorts every merged cell for reading ({@link
   * IntHistogram#prepareForReading}), so that the quantiles of summary.csv, the report and the
   * store do not sort on one thread. The logs are sorted in place in this summary's blocks, and the
   * others' blocks of a month are dropped as soon as the month is merged, so the merge holds little
   * more than the summaries it starts with. Cells are independent and histograms hold integer
   * counts, so the result is the same, byte for byte, as absorbing the summaries one after another,
   * for any thread count.
   */
  public void absorbAll(List<EnsembleSummary> others, int threads) {
    for (EnsembleSummary other : others) {
      if (other == this) {
        throw new IllegalArgumentException("cannot absorb a summary into itself");
      }
      if (other.cells.length != cells.length) {
        throw new IllegalArgumentException("summaries of different models");
      }
    }
    flush(true);
    for (EnsembleSummary other : others) {
      other.flush(true);
    }
    // An array, not the list: a list's iterator for each of millions of cells was 60 MB of garbage.
    EnsembleSummary[] rest = others.toArray(new EnsembleSummary[0]);
    int reachable = reachableCell.length;
    Workers.run(
        "dispersal-merge",
        "summary merge",
        months + 1,
        Math.max(1, threads),
        () -> this,
        (self, m) -> {
          for (int i = m * reachable; i < (m + 1) * reachable; i++) {
            for (EnsembleSummary other : rest) {
              combineCell(i, other, true);
            }
            if (cells[i] != null) {
              cells[i].prepareForReading();
            }
          }
          // The others' cells of the month are gone, and with them every use of their blocks.
          for (EnsembleSummary other : rest) {
            other.pools[m].clear();
          }
        });
    for (EnsembleSummary other : others) {
      replications += other.replications;
      other.replications = 0;
    }
  }

  /** Adds another worker's replications to this summary. */
  public void combine(EnsembleSummary other) {
    combine(other, false);
  }

  private void combine(EnsembleSummary other, boolean release) {
    if (other.cells.length != cells.length) {
      throw new IllegalArgumentException("summaries of different models");
    }
    flush(true);
    other.flush(true);
    int reachable = reachableCell.length;
    for (int m = 0; m <= months; m++) {
      for (int i = m * reachable; i < (m + 1) * reachable; i++) {
        combineCell(i, other, release);
      }
      if (release) {
        // The other's cells of the month are gone, and with them every use of its blocks.
        other.pools[m].clear();
      }
    }
    replications += other.replications;
    if (release) {
      other.replications = 0;
    }
  }

  /** Adds another summary's cell i to this one's; with release, the other's cell is dropped. */
  private void combineCell(int i, EnsembleSummary other, boolean release) {
    IntHistogram h = other.cells[i];
    if (h == null) {
      return;
    }
    if (cells[i] == null) {
      cells[i] = new IntHistogram(pools[i / reachableCell.length]);
    }
    cells[i].combine(h);
    if (release) {
      other.cells[i] = null;
    }
  }

  /** Marks the byte form of a summary, and its layout version. */
  private static final int ENCODING = 0x44535332;

  /**
   * The summary as bytes, to send between machines (a Spark task's result): the replication count
   * and every non-empty cell's histogram in cell order, compressed. The form is canonical, so two
   * summaries of the same replications give equal bytes however the replications were split; {@link
   * #fromBytes} reads it back for the same model.
   */
  public byte[] toBytes() {
    flush(true);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = writer(bytes)) {
      out.writeInt(ENCODING);
      out.writeInt((months + 1) * cellsPerMonth);
      out.writeLong(replications);
      int reachable = reachableCell.length;
      for (int i = 0; i < cells.length; i++) {
        if (cells[i] != null) {
          out.writeInt(i / reachable * cellsPerMonth + reachableCell[i % reachable]);
          cells[i].writeTo(out);
        }
      }
      out.writeInt(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Merges two summaries of the same model in byte form without building them (a Spark task's merge
   * needs no model): the bytes {@code fromBytes(a)} combined with {@code fromBytes(b)} would give.
   *
   * @throws IllegalArgumentException if the bytes are not two summaries of models of one shape
   */
  public static byte[] mergeBytes(byte[] a, byte[] b) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataInputStream x = reader(a);
        DataInputStream y = reader(b);
        DataOutputStream out = writer(bytes)) {
      int cells = x.readInt() == ENCODING ? x.readInt() : -1;
      if (cells < 0 || y.readInt() != ENCODING || y.readInt() != cells) {
        throw new IllegalArgumentException("not two summaries of one model");
      }
      out.writeInt(ENCODING);
      out.writeInt(cells);
      out.writeLong(x.readLong() + y.readLong());
      int i = x.readInt();
      int j = y.readInt();
      while (i >= 0 || j >= 0) {
        if (j < 0 || (i >= 0 && i < j)) {
          out.writeInt(i);
          IntHistogram.copy(x, out);
          i = x.readInt();
        } else if (i < 0 || j < i) {
          out.writeInt(j);
          IntHistogram.copy(y, out);
          j = y.readInt();
        } else {
          out.writeInt(i);
          IntHistogram.merge(x, y, out);
          i = x.readInt();
          j = y.readInt();
        }
      }
      out.writeInt(-1);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a readable summary: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  private static DataOutputStream writer(ByteArrayOutputStream bytes) {
    return new DataOutputStream(
        new BufferedOutputStream(
            new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED), 1 << 16), 1 << 16));
  }

  private static DataInputStream reader(byte[] bytes) {
    return new DataInputStream(
        new BufferedInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes)), 1 << 16));
  }

  /**
   * Reads a summary written by {@link #toBytes} for the same model.
   *
   * @throws IllegalArgumentException if the bytes are not a summary of a model of this shape
   */
  public static EnsembleSummary fromBytes(CompiledModel model, byte[] bytes) {
    EnsembleSummary s = new EnsembleSummary(model);
    try (DataInputStream in = reader(bytes)) {
      int all = (s.months + 1) * s.cellsPerMonth;
      if (in.readInt() != ENCODING || in.readInt() != all) {
        throw new IllegalArgumentException("not a summary of this model");
      }
      s.replications = in.readLong();
      for (int i = in.readInt(); i >= 0; i = in.readInt()) {
        int rank = i < all ? s.reachableRank[i % s.cellsPerMonth] : -1;
        if (rank < 0) {
          throw new IllegalArgumentException("summary cell " + i + " outside this model");
        }
        s.cells[i / s.cellsPerMonth * s.reachableCell.length + rank] = IntHistogram.readFrom(in);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not a readable summary: " + e.getMessage(), e);
    }
    return s;
  }

  /** Whether the cell is non-zero in at least one replication. */
  public boolean isPresent(int month, int scope, int demo, int key) {
    flushForReading();
    return cell(month, scope, demo, key) != null;
  }

  /**
   * The statistic of one cell.
   *
   * @param month 0 to the horizon
   * @param scope index into {@link #scopes()}
   * @param demo 0 for all, 1 men, 2 women, 3 minors
   * @param key a compartment key, a state key or a composite state's key
   */
  public Statistic statistic(int month, int scope, int demo, int key) {
    flushForReading();
    IntHistogram h = cell(month, scope, demo, key);
    if (h == null || replications == 0) {
      return Statistic.ZERO;
    }
    int[] q = h.quantilesAtRanks(replications, ranks().ranks());
    return new Statistic((double) h.sum() / replications, q[0], q[1], q[2], q[3], q[4]);
  }

  /** The ranks of a statistic's five quantiles among some number of replications. */
  private record Ranks(long replications, long[] ranks) {}

  /** The ranks of the 5th, 25th, 50th, 75th and 95th percentiles among the replications. */
  private Ranks ranks() {
    Ranks r = ranks;
    if (r == null || r.replications() != replications) {
      long[] q = new long[STATISTIC_QUANTILES.length];
      for (int k = 0; k < q.length; k++) {
        q[k] = IntHistogram.rank(STATISTIC_QUANTILES[k], replications);
      }
      r = new Ranks(replications, q);
      ranks = r;
    }
    return r;
  }

  /** The histogram of a cell, null where no replication recorded one (or none can). */
  private IntHistogram cell(int month, int scope, int demo, int key) {
    if (month < 0 || month > months) {
      throw new IndexOutOfBoundsException("month " + month + " outside 0 to " + months);
    }
    int rank = reachableRank[index(scope, demo, key)];
    return rank < 0 ? null : cells[month * reachableCell.length + rank];
  }

  /** The statistic of a composite state in a scope. */
  public Statistic statistic(int month, int scope, int demo, CompositeState composite) {
    return statistic(month, scope, demo, compositeKey(composite));
  }

  /** The statistic of a state's total (over its destinations) in a scope. */
  public Statistic statistic(int month, int scope, int demo, State state) {
    return statistic(
        month, scope, demo, state.hasDestinations() ? stateKey(state) : stateKeyOf(state));
  }

  private int stateKeyOf(State s) {
    return plainStateKey[s.ordinal()];
  }

  /** The compartment or state a key stands for: the state and its destination ("" for totals). */
  public Compartment keyCompartment(int key) {
    if (key < compartments) {
      return model.compartments().get(key);
    }
    return new Compartment(STATES[key - compartments], "");
  }

  /** Whether a key is a state total of a state that has destinations. */
  public boolean isStateTotal(int key) {
    return key >= compartments && key < keyCount;
  }
}
