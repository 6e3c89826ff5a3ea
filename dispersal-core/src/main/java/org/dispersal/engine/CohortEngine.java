package org.dispersal.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.dispersal.random.Binomial;
import org.dispersal.random.DoubleMemo;
import org.dispersal.random.Multinomial;
import org.dispersal.random.RandomStreams;
import org.dispersal.random.RandomStreams.Purpose;
import org.dispersal.random.Substream;

/**
 * The cohort engine: exact stochastic simulation of the multi-state model, cohort by cohort and
 * month by month.
 *
 * <p>Each month, the people in each compartment are split among the compartments they can reach
 * with one exact multinomial draw ({@link Multinomial}: who leaves, then where the leavers go) over
 * the probabilities of the {@link MonthlyKernel}, using the stocks at the start of the month:
 * nobody moves twice in a month. A cohort of n people therefore behaves like n independent people
 * following the same monthly probabilities.
 *
 * <p>Births (one of the model's two sources of new people): each month, the children born to each
 * mother cohort's compartment are Binomial(stock at the start of the month, {@link
 * SimulationModel.Replication#birthProbability}), drawn from a substream of their own (keyed by the
 * mother cohort and the month), and join the child cohort's same compartment at the end of the
 * month.
 *
 * <p>Arrivals (the second source of new people, in models that have them: {@link
 * SimulationModel#hasArrivals}): each month, the people who arrive into each cohort's compartment
 * are Poisson({@link SimulationModel.Replication#arrivalMean}), drawn from a substream of their own
 * (keyed by the cohort and the month), and join the compartment at the end of the month. A model
 * without arrivals draws nothing for them.
 *
 * <p>One instance serves one thread; {@link #simulate} is deterministic for a given seed and
 * replication index. Each cohort's month draws from its own substream, keyed by the cohort's
 * identity and the month, so a change to one cohort or one month leaves every other cohort-month's
 * random numbers unchanged: compared variants differ only where they really differ.
 *
 * <p>Callers outside the engine packages get it from {@code org.dispersal.agent.EngineKind}, the
 * one factory of engines, so a scenario's agent-only features are never silently dropped.
 */
public final class CohortEngine implements ReplicationEngine {

  private final SimulationModel model;
  private final int cohortCount;
  private final int[][] stocks;
  private final int[][] next;
  private final int[] rowClass;
  private final int[] representative;
  private final TransitionRows[] classRows;

  /**
   * For each class and local compartment, 1 when this month's fill refills its row (occupied in
   * some cohort of the class and not kept from last month), else 0.
   */
  private final int[][] refill;

  /** The compartments flagged in each class's {@link #refill} (bit j of word j / 64). */
  private final long[][] refillBits;

  /**
   * For each class and local compartment, the month whose row it holds ({@link #forgetRows}: none
   * of this replication's): a row is kept into the next month when the replication says it is the
   * same ({@link SimulationModel.Replication#sameRow}).
   */
  private final int[][] filledAt;

  /** The answers of {@link #sameRow} by local compartment, and the month each was asked for. */
  private final boolean[] sameRow;

  private final int[] sameRowMonth;

  /**
   * Bit sets of the non-zero stocks, nonZero[cohort] (the layout of {@link
   * MonthObserver#observeOccupied}), kept up to date as the stocks change.
   */
  private final long[][] nonZero;

  /** The non-zero stocks of each class's cohorts together, classNonZero[class] (bit sets). */
  private final long[][] classNonZero;

  private final boolean[] classOccupied;
  private final boolean[] empty;
  private final int[] drawn;
  private final long[] cohortKeys;
  private final int[] birthCohort;
  private final boolean births;
  private final int[][] born;

  /**
   * The compartments of each child cohort that this month's births reached (bit j of word j / 64),
   * so that clearing and adding the births visit those only: a few of each cohort's 40.
   */
  private final long[][] bornAt;

  /** The cohorts that births add to, each once. */
  private final int[] children;

  private final boolean arrivals;
  private final int[][] arrived;
  private final DoubleMemo leaving;
  private final DoubleMemo logOfStay;
  private final int classCount;

  /** The one generator of every substream this engine draws from, re-seeded for each. */
  private final Substream substream = new Substream();

  /**
   * Slots of the engine's two memos (1 - exp(-H) of the rows' total hazards, log(1 - p) of the
   * binomials' conditional probabilities). Cohorts reading the same parameters give the same
   * arguments in the same month; a month of isis-2017 has a few hundred distinct ones. More slots
   * mean fewer collisions and more memory (16 bytes a slot); results do not depend on it.
   */
  static final int MEMO_SLOTS = 4096;

  /** Creates an engine for a model. */
  public CohortEngine(SimulationModel model) {
    this.model = model;
    cohortCount = model.cohortCount();
    stocks = new int[cohortCount][];
    next = new int[cohortCount][];
    leaving = TransitionRows.leavingMemo(MEMO_SLOTS);
    logOfStay = Binomial.logOfStayMemo(MEMO_SLOTS);
    rowClass = new int[cohortCount];
    representative = new int[cohortCount];
    classRows = new TransitionRows[cohortCount];
    refill = new int[cohortCount][];
    refillBits = new long[cohortCount][];
    nonZero = new long[cohortCount][];
    classNonZero = new long[cohortCount][];
    filledAt = new int[cohortCount][];
    int classes = 0;
    int max = 0;
    for (int c = 0; c < cohortCount; c++) {
      int size = model.compartmentCount(c);
      stocks[c] = new int[size];
      next[c] = new int[size];
      nonZero[c] = new long[(size + 63) >>> 6];
      int k = model.rowClass(c);
      rowClass[c] = k;
      if (classRows[k] == null) {
        representative[k] = c;
        classRows[k] = new TransitionRows(size, leaving);
        refill[k] = new int[size];
        refillBits[k] = new long[(size + 63) >>> 6];
        classNonZero[k] = new long[(size + 63) >>> 6];
        filledAt[k] = new int[size];
        classes = Math.max(classes, k + 1);
      }
      max = Math.max(max, size);
    }
    classCount = classes;
    classOccupied = new boolean[classes];
    empty = new boolean[cohortCount];
    drawn = new int[max];
    sameRow = new boolean[max];
    sameRowMonth = new int[max];
    cohortKeys = new long[cohortCount];
    for (int c = 0; c < cohortCount; c++) {
      cohortKeys[c] = model.cohortKey(c);
    }
    birthCohort = new int[cohortCount];
    boolean any = false;
    born = new int[cohortCount][];
    bornAt = new long[cohortCount][];
    for (int c = 0; c < cohortCount; c++) {
      birthCohort[c] = model.birthCohort(c);
      any |= birthCohort[c] >= 0;
      born[c] = new int[model.compartmentCount(c)];
      bornAt[c] = new long[(born[c].length + 63) >>> 6];
    }
    births = any;
    children =
        java.util.Arrays.stream(birthCohort).filter(child -> child >= 0).distinct().toArray();
    arrivals = model.hasArrivals();
    arrived = new int[cohortCount][];
    for (int c = 0; c < cohortCount; c++) {
      arrived[c] = new int[model.compartmentCount(c)];
    }
  }

  /** Mixed into a cohort's key for its arrivals substream. */
  static final long ARRIVALS = RandomStreams.key("arrivals");

  /**
   * The key of the substream that a cohort's arrivals draw from in a month: apart from the
   * cohort-month's dynamics and births, so arrivals leave every other draw unchanged.
   */
  static long arrivalKey(long cohortKey, int month) {
    return RandomStreams.cohortMonthKey(cohortKey ^ ARRIVALS, month);
  }

  /**
   * Draws the people who arrive during month t into every cohort's compartments: Poisson({@link
   * SimulationModel.Replication#arrivalMean}) per compartment (exact, Commons RNG's {@link
   * PoissonSampler}), into arrived[cohort][local] (overwritten), from each cohort's arrivals
   * substream ({@code substream} re-seeded for it).
   */
  public static void drawArrivals(
      SimulationModel.Replication rep,
      long[] cohortKeys,
      long base,
      int t,
      int[][] arrived,
      Substream substream) {
    for (int c = 0; c < arrived.length; c++) {
      int[] a = arrived[c];
      java.util.Arrays.fill(a, 0);
      UniformRandomProvider rng = null;
      for (int local = 0; local < a.length; local++) {
        double mean = rep.arrivalMean(c, t, local);
        if (mean > 0) {
          if (rng == null) {
            rng = substream.reseed(base, arrivalKey(cohortKeys[c], t + 1));
          }
          a[local] = PoissonSampler.of(rng, mean).sample();
        }
      }
    }
  }

  /**
   * The key of the substream that a mother cohort's births draw from in a month: apart from the
   * cohort-month's dynamics, so births leave every other draw unchanged.
   */
  static long birthKey(long cohortKey, int month) {
    return RandomStreams.cohortMonthKey(cohortKey ^ BIRTHS, month);
  }

  /** Mixed into a cohort's key for its births substream. */
  static final long BIRTHS = RandomStreams.key("births");

  /**
   * Draws the children born during month t to the people of every cohort with births, from the
   * stocks at the start of the month: Binomial(stock, p) per compartment, added to born[child
   * cohort][local] (the child cohorts' entries cleared first; the others are not written), from
   * each mother cohort's births substream ({@code substream} re-seeded for it).
   */
  public static void drawBirths(
      SimulationModel.Replication rep,
      int[] birthCohort,
      long[] cohortKeys,
      long base,
      int t,
      int[][] stocks,
      int[][] born,
      Substream substream) {
    drawBirths(rep, birthCohort, cohortKeys, base, t, stocks, null, born, null, substream);
  }

  /**
   * As the public {@code drawBirths}, visiting only the compartments that the bit sets {@code
   * nonZero} list (those with a positive stock: the same draws in the same order), or every
   * compartment when it is null. With {@code bornAt}, the births are cleared only where last
   * month's reached (the rest of {@code born} is zero already) and the compartments they reach this
   * month are marked in it; without, every child cohort's entries are cleared.
   */
  private static void drawBirths(
      SimulationModel.Replication rep,
      int[] birthCohort,
      long[] cohortKeys,
      long base,
      int t,
      int[][] stocks,
      long[][] nonZero,
      int[][] born,
      long[][] bornAt,
      Substream substream) {
    for (int child : birthCohort) {
      if (child < 0) {
        continue;
      }
      if (bornAt == null) {
        java.util.Arrays.fill(born[child], 0);
      } else {
        clearMarked(born[child], bornAt[child]);
      }
    }
    for (int c = 0; c < birthCohort.length; c++) {
      int child = birthCohort[c];
      if (child < 0) {
        continue;
      }
      UniformRandomProvider rng = null;
      int[] s = stocks[c];
      long key = birthKey(cohortKeys[c], t + 1);
      long[] at = bornAt == null ? null : bornAt[child];
      if (nonZero == null) {
        for (int local = 0; local < s.length; local++) {
          if (s[local] > 0) {
            rng = birth(rep, c, t, local, s[local], born[child], at, rng, base, key, substream);
          }
        }
      } else {
        long[] z = nonZero[c];
        for (int w = 0; w < z.length; w++) {
          for (long bits = z[w]; bits != 0; bits &= bits - 1) {
            int local = (w << 6) + Long.numberOfTrailingZeros(bits);
            rng = birth(rep, c, t, local, s[local], born[child], at, rng, base, key, substream);
          }
        }
      }
    }
  }

  /**
   * Adds the children born to the n people (positive) of cohort c's compartment {@code local} in
   * month t to {@code born}, marking the compartment in {@code bornAt} (when given) if any were
   * born; returns the births substream {@code rng}, seeded with {@code key} at its first draw.
   */
  private static UniformRandomProvider birth(
      SimulationModel.Replication rep,
      int c,
      int t,
      int local,
      int n,
      int[] born,
      long[] bornAt,
      UniformRandomProvider rng,
      long base,
      long key,
      Substream substream) {
    double p = rep.birthProbability(c, t, local);
    if (p <= 0) {
      return rng;
    }
    UniformRandomProvider r = rng == null ? substream.reseed(base, key) : rng;
    int children = Binomial.sample(r, n, p);
    born[local] += children;
    if (bornAt != null && children != 0) {
      bornAt[local >>> 6] |= 1L << local;
    }
    return r;
  }

  @Override
  public SimulationModel model() {
    return model;
  }

  @Override
  public void simulate(
      SimulationModel.Replication rep, long seed, long replication, MonthObserver observer) {
    simulate(rep, seed, replication, Lineage.ROOT, model.months(), observer);
  }

  /**
   * Runs a replication with the dynamics of a particle's {@link Lineage} (the particle filter's
   * hook): every cohort-month up to the lineage's first switch draws exactly as {@link
   * #simulate(SimulationModel.Replication, long, long, MonthObserver)} does; the months after a
   * switch draw their births, arrivals and transitions from the switch's base instead. Stops after
   * month {@code last}.
   *
   * @param rep the replication's inputs
   * @param seed the master seed
   * @param replication the replication whose dynamics the lineage starts from
   * @param lineage where the dynamics switch to fresh bases
   * @param last the last month to run (at most the model's months)
   * @param observer told each month's stocks
   */
  public void simulate(
      SimulationModel.Replication rep,
      long seed,
      long replication,
      Lineage lineage,
      int last,
      MonthObserver observer) {
    simulate(rep, seed, replication, lineage, null, last, observer);
  }

  /**
   * Runs a replication with the dynamics and the parameter values of a particle's {@link Lineage}
   * (the hook of the particle filter's parameter move): as {@link
   * #simulate(SimulationModel.Replication, long, long, Lineage, int, MonthObserver)}, and from the
   * month after a switch that carries parameter values on, the months draw with the inputs {@code
   * withValues} builds from those values (all rows refilled at the switch). The initial stocks are
   * always those of {@code rep}. A lineage without values runs exactly as the method without {@code
   * withValues}, which may then be null.
   *
   * @param rep the replication's inputs up to the first switch with values
   * @param seed the master seed
   * @param replication the replication whose dynamics the lineage starts from
   * @param lineage where the dynamics switch to fresh bases and the parameters to new values
   * @param withValues the replication's inputs for given parameter values
   * @param last the last month to run (at most the model's months)
   * @param observer told each month's stocks
   */
  public void simulate(
      SimulationModel.Replication rep,
      long seed,
      long replication,
      Lineage lineage,
      java.util.function.Function<double[], ? extends SimulationModel.Replication> withValues,
      int last,
      MonthObserver observer) {
    if (withValues == null && lineage.movesParameters()) {
      throw new IllegalArgumentException("a lineage that moves parameters needs their inputs");
    }
    UniformRandomProvider dynamics = RandomStreams.stream(seed, replication, Purpose.DYNAMICS);
    forgetRows();
    rep.initialStocks(stocks);
    findNonZero();
    observer.observeOccupied(0, stocks, nonZero);
    long root = dynamics.nextLong();
    int months = Math.min(last, model.months());
    double[] inForce = null;
    for (int t = 1; t <= months; t++) {
      long base = lineage.base(root, t);
      double[] values = lineage.valuesAt(t);
      boolean moved = values != inForce;
      if (moved) {
        rep = withValues.apply(values);
        inForce = values;
        forgetRows();
      }
      boolean keep = !moved && rep.sameRows(t - 1);
      if (births) {
        drawBirths(
            rep, birthCohort, cohortKeys, base, t - 1, stocks, nonZero, born, bornAt, substream);
      }
      if (arrivals) {
        drawArrivals(rep, cohortKeys, base, t - 1, arrived, substream);
      }
      if (!keep) {
        fillRows(rep, t - 1, t < months && rep.sameRows(t));
      } else {
        markEmpty();
        markFilled(t - 1);
      }
      for (int c = 0; c < cohortCount; c++) {
        if (!empty[c]) {
          long key = RandomStreams.cohortMonthKey(cohortKeys[c], t);
          step(c, substream.reseed(base, key));
        }
      }
      if (births) {
        for (int c : children) {
          addBorn(c);
        }
        observer.births(t, born);
      }
      if (arrivals) {
        for (int c = 0; c < cohortCount; c++) {
          add(c, arrived[c]);
        }
        observer.arrivals(t, arrived);
      }
      observer.observeOccupied(t, stocks, nonZero);
    }
  }

  /** Finds the non-zero stocks of every cohort (the start of a replication). */
  private void findNonZero() {
    for (int c = 0; c < cohortCount; c++) {
      int[] s = stocks[c];
      long[] z = nonZero[c];
      java.util.Arrays.fill(z, 0);
      for (int j = 0; j < s.length; j++) {
        z[j >>> 6] |= nonZeroBit(s[j], j);
      }
    }
  }

  /** Adds people (never negative) to cohort c's stocks. */
  private void add(int c, int[] people) {
    int[] s = stocks[c];
    long[] z = nonZero[c];
    for (int j = 0; j < people.length; j++) {
      s[j] += people[j];
      z[j >>> 6] |= nonZeroBit(people[j], j);
    }
  }

  /** Adds this month's children to child cohort c's stocks, where they were born only. */
  private void addBorn(int c) {
    int[] s = stocks[c];
    int[] b = born[c];
    long[] z = nonZero[c];
    long[] at = bornAt[c];
    for (int w = 0; w < at.length; w++) {
      for (long bits = at[w]; bits != 0; bits &= bits - 1) {
        int j = (w << 6) + Long.numberOfTrailingZeros(bits);
        s[j] += b[j];
      }
      z[w] |= at[w];
    }
  }

  /**
   * Zeroes the entries of {@code values} that {@code marked} lists (bit j % 64 of word j / 64) and
   * clears the marks: the other entries are zero already.
   */
  private static void clearMarked(int[] values, long[] marked) {
    for (int w = 0; w < marked.length; w++) {
      for (long bits = marked[w]; bits != 0; bits &= bits - 1) {
        values[(w << 6) + Long.numberOfTrailingZeros(bits)] = 0;
      }
      marked[w] = 0;
    }
  }

  /** Bit j (of its word) when n, a stock or a number of people, is positive; no bit when 0. */
  private static long nonZeroBit(int n, int j) {
    return (long) (-n >>> 31) << j;
  }

  /**
   * Fills the rows of month t, once for each row class (its first cohort's rows serve every cohort
   * of the class), and marks the empty cohorts. Rows are filled for every compartment when {@code
   * all} (next month keeps them: its drivers do not change); otherwise only for the compartments
   * occupied in some cohort of the class, the only rows read this month, and not at all for a class
   * whose cohorts are all empty; of those, a row that holds month t − 1's and is the same in month
   * t ({@link SimulationModel.Replication#sameRow}) is kept. Either way every cohort reads the rows
   * its own fill would give.
   */
  private void fillRows(SimulationModel.Replication rep, int t, boolean all) {
    if (all) {
      markEmpty();
      for (int k = 0; k < classCount; k++) {
        rep.fill(representative[k], t, classRows[k], null);
        classRows[k].prepare(null);
      }
      markFilled(t);
      return;
    }
    for (int c = 0; c < cohortCount; c++) {
      long[] z = nonZero[c];
      int k = rowClass[c];
      long[] o = classNonZero[k];
      long any = 0;
      // A class's first cohort starts its OR (cohorts are visited in order).
      if (representative[k] == c) {
        for (int w = 0; w < z.length; w++) {
          o[w] = z[w];
          any |= z[w];
        }
        classOccupied[k] = any != 0;
      } else {
        for (int w = 0; w < z.length; w++) {
          o[w] |= z[w];
          any |= z[w];
        }
        classOccupied[k] |= any != 0;
      }
      empty[c] = any == 0;
    }
    for (int k = 0; k < classCount; k++) {
      if (!classOccupied[k]) {
        continue;
      }
      int[] o = refill[k];
      long[] flagged = refillBits[k];
      // Last month's flags are cleared where they were set: the rest of o is zero already.
      clearMarked(o, flagged);
      long[] z = classNonZero[k];
      int[] at = filledAt[k];
      boolean fill = false;
      for (int w = 0; w < z.length; w++) {
        for (long bits = z[w]; bits != 0; bits &= bits - 1) {
          int i = (w << 6) + Long.numberOfTrailingZeros(bits);
          if (at[i] != t - 1 || !sameRow(rep, t, i)) {
            o[i] = 1; // refilled; the others are kept from last month
            flagged[w] |= 1L << i;
            fill = true;
          }
          at[i] = t;
        }
      }
      if (fill) {
        rep.fill(representative[k], t, classRows[k], o);
        classRows[k].prepare(flagged);
      }
    }
  }

  /** {@code rep.sameRow(t, local)}, asked once a month per local compartment. */
  private boolean sameRow(SimulationModel.Replication rep, int t, int local) {
    if (sameRowMonth[local] != t) {
      sameRowMonth[local] = t;
      sameRow[local] = rep.sameRow(t, local);
    }
    return sameRow[local];
  }

  /** Every class's rows now hold month t's. */
  private void markFilled(int t) {
    for (int k = 0; k < classCount; k++) {
      java.util.Arrays.fill(filledAt[k], t);
    }
  }

  /**
   * No row holds this replication's (a new replication, or new parameter values): marked with a
   * month that is never the one before a month.
   */
  private void forgetRows() {
    markFilled(Integer.MIN_VALUE);
    java.util.Arrays.fill(sameRowMonth, Integer.MIN_VALUE);
  }

  /** Marks the cohorts with nobody in them: they draw nothing this month. */
  private void markEmpty() {
    for (int c = 0; c < cohortCount; c++) {
      long any = 0;
      for (long w : nonZero[c]) {
        any |= w;
      }
      empty[c] = any == 0;
    }
  }

  /**
   * Moves the people of cohort c (not empty) for the month with its class's rows and its own
   * substream.
   */
  private void step(int c, UniformRandomProvider rng) {
    int[] s = stocks[c];
    int[] nx = next[c];
    System.arraycopy(s, 0, nx, 0, s.length);
    TransitionRows row = classRows[rowClass[c]];
    long[] z = nonZero[c];
    // The occupied sources with transitions, in ascending order. A word's bits are read once, so
    // targets set in it are not visited; targets set in a later word are, and have n = 0.
    for (int w = 0; w < z.length; w++) {
      for (long bits = z[w]; bits != 0; bits &= bits - 1) {
        int src = (w << 6) + Long.numberOfTrailingZeros(bits);
        int n = s[src];
        int k = row.count(src);
        if (n == 0 || k == 0 || row.multinomial(src).sample(rng, n, drawn, logOfStay) == n) {
          continue; // nobody left: most sources in most months
        }
        int[] targets = row.targets(src);
        int moved = 0;
        for (int j = 0; j < k; j++) {
          int d = drawn[j];
          int to = targets[j];
          nx[to] += d;
          moved += d;
          z[to >>> 6] |= nonZeroBit(d, to);
        }
        nx[src] -= moved;
        if (nx[src] == 0) {
          z[src >>> 6] &= ~(1L << src);
        }
      }
    }
    stocks[c] = nx;
    next[c] = s;
  }
}
