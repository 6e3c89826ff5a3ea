package org.dispersal.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.dispersal.engine.CohortEngine;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.MonthObserver;
import org.dispersal.engine.PathwayReplication;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.engine.SimulationModel;
import org.dispersal.engine.TransitionRows;
import org.dispersal.model.State;
import org.dispersal.random.Multinomial;
import org.dispersal.random.RandomStreams;
import org.dispersal.random.RandomStreams.Purpose;
import org.dispersal.random.Substream;

/**
 * The per-agent engine: every person is simulated individually, so people can carry what a cohort
 * cannot (time in a state, cluster membership, their own propensity; see {@link AgentFeatures}).
 *
 * <p><b>Same model.</b> Initial stocks and monthly rows come from the {@link SimulationModel}, as
 * for the cohort engine. Without agent-only features the two engines are equal in distribution
 * (tested by the shared contract suite).
 *
 * <p><b>Waiting times instead of monthly draws.</b> With q the probability of leaving a state in a
 * month, the number of further months a person stays is geometric: G = ⌊E / −ln(1 − q)⌋ with E a
 * standard exponential (drawn by a ziggurat, so no logarithm per draw). The engine draws G once on
 * entry and stores the step at which the person leaves ({@code due}); each month it only compares
 * {@code due} with the month and draws the destination (from a cumulative table, conditional on
 * leaving) for those due. When a row changes (territory falls, a policy lever moves), the people in
 * that compartment redraw their waiting time from that month, which is exact because the geometric
 * distribution is memoryless. Work is proportional to transitions, not to agent-months, apart from
 * one comparison per agent-month.
 *
 * <p><b>Layout.</b> Agents are primitive arrays (struct of arrays), sorted by cohort: {@code short
 * state} (local compartment) and a 16-bit due month, 4 bytes a person, plus a {@code float}
 * propensity only with heterogeneity. Cohort and cluster are implied by position (ranges), not
 * stored per person. The due months are packed four to a {@code long}, so the monthly search for
 * the people due compares four people with a handful of word operations (SWAR: SIMD within a
 * register) and skips a word at once when none of its four is due, which is most words in most
 * months.
 *
 * <p><b>Randomness and threads.</b> Agents are cut into fixed blocks of {@link #BLOCK}; each block
 * has its own {@link SplitMix} substream derived from (seed, replication, block), and clusters
 * never cross blocks, so a replication gives identical stocks whatever the number of threads.
 * Threads come from the caller's executor (the core owns none); counts are merged as integers.
 *
 * <p><b>Births.</b> Children born during the run (see {@link SimulationModel#birthCohort}) are
 * drawn as in the cohort engine, from the same substreams, on the stocks at the start of each
 * month, and then held as counts per cohort and compartment, moved each month by one multinomial
 * draw over the month's rows on a substream of their own: agent-only features do not apply to them.
 *
 * <p><b>Arrivals.</b> People who arrive from outside during the run (see {@link
 * SimulationModel#hasArrivals}) are drawn as in the cohort engine, from the same substreams, and
 * held as counts with the children: they move by the same multinomial draws, and agent-only
 * features do not apply to them either.
 *
 * <p>Made by {@link EngineKind}, the one factory of engines.
 *
 * <p>It is over 500 lines because the agent-only features (time in state, network ties,
 * heterogeneity) all act inside one monthly loop over the same flat per-agent arrays, and splitting
 * the loop would spread that shared state across classes.
 */
public final class AgentEngine implements ReplicationEngine {

  /** Agents per block: the unit of randomness and of parallel work. */
  public static final int BLOCK = 1 << 14;

  /** The {@code due} value of someone who will not move within the horizon. */
  static final short NEVER = Short.MAX_VALUE;

  /** One in each 16-bit lane of a word of due months. */
  private static final long LANES = 0x0001_0001_0001_0001L;

  /** The top bit of each lane. */
  private static final long HIGH = 0x8000_8000_8000_8000L;

  /** Words of due months tested together. */
  private static final int CHUNK = 4;

  /** The low 15 bits of each lane. */
  private static final long LOW15 = 0x7FFF_7FFF_7FFF_7FFFL;

  private final SimulationModel model;

  /** The generator of the births' and arrivals' substreams, re-seeded for each cohort-month. */
  private final Substream newcomers = new Substream();

  private final AgentFeatures features;
  private final ExecutorService pool;
  private final int workers;
  private final int cohorts;
  private final int months;
  private final int[] offset;
  private final int cells;
  private final int maxSize;
  private final TransitionRows scratch;

  // Monthly tables per cell (cohort, local source).
  private final int[] count;
  private final short[][] target;
  private final double[][] prob;
  private final double[][] cum;
  private final double[] leave;
  private final double[] logStay;
  private final boolean[] changed;
  private final boolean[] cohortChanged;

  // Feature tables per cell, refreshed per replication.
  private final boolean[] timed;
  private final double[] lagMedian;
  private final double[] lagSigma;
  private final boolean[] hetero;
  private final double[] heteroShape;
  private final boolean[] trigger;
  private final boolean networks;
  private double clusterMean;
  private double followMultiplier;

  // Agents.
  private short[] state = new short[0];

  /** The due months, four 16-bit lanes a word: person i is lane i % 4 of word i / 4. */
  private long[] due = new long[0];

  private float[] propensity = new float[0];
  private int agents;
  private final int[] cohortStart;
  private int blocks;
  private SplitMix[] rng = new SplitMix[0];
  private NormalizedGaussianSampler[] gauss = new NormalizedGaussianSampler[0];
  private ZigguratSampler.Exponential[] exponential = new ZigguratSampler.Exponential[0];
  private int[][] clusterStart = new int[0][];
  private short[][] follow = new short[0][];
  private int[] clusterCount = new int[0];

  private final int[][] stocks;
  private final int[][] delta;

  // Births: children born during the run, held as counts per cohort and local compartment.
  private final int[] birthCohort;
  private final long[] cohortKeys;
  private final boolean births;
  private final int[][] born;
  private final int[][] newborn;
  // Arrivals (models with arrivals only): drawn as in the cohort engine, then held with the
  // children as counts in newborn.
  private final boolean arrivals;
  private final int[][] arrived;
  private final int[] drawn;
  private final int[] moved;

  /** A single-threaded engine for a model without agent-only features. */
  AgentEngine(SimulationModel model) {
    this(model, AgentFeatures.NONE, null, 1);
  }

  /**
   * Creates an engine.
   *
   * @param model the model
   * @param features agent-only features (only a pathway model can have any)
   * @param pool threads for the blocks of one replication, or null to run on the caller's thread
   * @param workers how many workers share a replication's blocks (1 without a pool)
   */
  AgentEngine(SimulationModel model, AgentFeatures features, ExecutorService pool, int workers) {
    if (workers < 1 || (pool == null && workers != 1)) {
      throw new IllegalArgumentException("workers must be 1 without a pool, at least 1 with one");
    }
    if (features.any() && !(model instanceof CompiledModel)) {
      throw new IllegalArgumentException("agent-only features need a pathway scenario");
    }
    if (model.months() >= NEVER) {
      throw new IllegalArgumentException("the agent engine runs at most 32766 months");
    }
    this.model = model;
    this.features = features;
    this.pool = pool;
    this.workers = workers;
    this.cohorts = model.cohortCount();
    this.months = model.months();
    offset = new int[cohorts + 1];
    int max = 0;
    for (int c = 0; c < cohorts; c++) {
      int size = model.compartmentCount(c);
      if (size > Short.MAX_VALUE) {
        throw new IllegalArgumentException("a cohort has more than 32767 compartments");
      }
      offset[c + 1] = offset[c] + size;
      max = Math.max(max, size);
    }
    maxSize = max;
    cells = offset[cohorts];
    scratch = new TransitionRows(maxSize);
    count = new int[cells];
    target = new short[cells][];
    prob = new double[cells][];
    cum = new double[cells][];
    leave = new double[cells];
    logStay = new double[cells];
    changed = new boolean[cells];
    cohortChanged = new boolean[cohorts];
    timed = new boolean[cells];
    lagMedian = new double[cells];
    lagSigma = new double[cells];
    hetero = new boolean[cells];
    heteroShape = new double[cells];
    trigger = new boolean[cells];
    networks = features.networks() != null;
    if (networks) {
      CompiledModel cm = (CompiledModel) model;
      for (int c = 0; c < cohorts; c++) {
        for (State s : List.of(State.RETURNED, State.DISPATCHED)) {
          for (int local : cm.locals(c, s)) {
            trigger[offset[c] + local] = true;
          }
        }
      }
    }
    cohortStart = new int[cohorts + 1];
    stocks = new int[cohorts][];
    for (int c = 0; c < cohorts; c++) {
      stocks[c] = new int[offset[c + 1] - offset[c]];
    }
    delta = new int[workers][cells];
    birthCohort = new int[cohorts];
    cohortKeys = new long[cohorts];
    born = new int[cohorts][];
    newborn = new int[cohorts][];
    boolean any = false;
    for (int c = 0; c < cohorts; c++) {
      birthCohort[c] = model.birthCohort(c);
      cohortKeys[c] = model.cohortKey(c);
      any |= birthCohort[c] >= 0;
      born[c] = new int[offset[c + 1] - offset[c]];
      newborn[c] = new int[offset[c + 1] - offset[c]];
    }
    births = any;
    arrivals = model.hasArrivals();
    arrived = new int[cohorts][];
    for (int c = 0; c < cohorts; c++) {
      arrived[c] = new int[offset[c + 1] - offset[c]];
    }
    drawn = new int[maxSize];
    moved = new int[maxSize];
  }

  /** Mixed into a cohort's key for the substream that moves its newborns. */
  private static final long NEWBORNS = RandomStreams.key("newborns");

  @Override
  public SimulationModel model() {
    return model;
  }

  /** The agent-only features this engine simulates. */
  public AgentFeatures features() {
    return features;
  }

  /**
   * Bytes of per-agent arrays for each agent of the last replication: state and due (2 + 2), plus
   * the propensity (4) with heterogeneity; clusters cost 6 bytes per cluster.
   */
  public double bytesPerAgent() {
    if (agents == 0) {
      return 0;
    }
    long bytes = 4L * agents + (features.heterogeneity().isEmpty() ? 0 : 4L * agents);
    for (int b = 0; b < blocks && networks; b++) {
      bytes += 6L * clusterCount[b];
    }
    return (double) bytes / agents;
  }

  /** The number of agents in the last replication. */
  public int agents() {
    return agents;
  }

  @Override
  public void simulate(
      SimulationModel.Replication rep, long seed, long replication, MonthObserver observer) {
    long key = RandomStreams.stream(seed, replication, Purpose.DYNAMICS).nextLong();
    rep.initialStocks(stocks);
    observer.observe(0, stocks);
    featureValues(rep);
    layOut(key);
    tables(rep, 0);
    parallel(-1);
    for (int[] n : newborn) {
      Arrays.fill(n, 0);
    }
    for (int t = 0; t < months; t++) {
      if (t > 0 && rep.sameRows(t)) {
        Arrays.fill(cohortChanged, false);
      } else if (t > 0) {
        tables(rep, t);
      }
      if (births) {
        CohortEngine.drawBirths(rep, birthCohort, cohortKeys, key, t, stocks, born, newcomers);
      }
      if (arrivals) {
        CohortEngine.drawArrivals(rep, cohortKeys, key, t, arrived, newcomers);
      }
      if (births || arrivals) {
        moveNewborns(key, t);
      }
      parallel(t);
      for (int[] d : delta) {
        for (int c = 0; c < cohorts; c++) {
          int[] s = stocks[c];
          int o = offset[c];
          for (int j = 0; j < s.length; j++) {
            s[j] += d[o + j];
          }
        }
        Arrays.fill(d, 0);
      }
      if (births) {
        for (int c = 0; c < cohorts; c++) {
          for (int j = 0; j < born[c].length; j++) {
            stocks[c][j] += born[c][j];
            newborn[c][j] += born[c][j];
          }
        }
        observer.births(t + 1, born);
      }
      if (arrivals) {
        for (int c = 0; c < cohorts; c++) {
          for (int j = 0; j < arrived[c].length; j++) {
            stocks[c][j] += arrived[c][j];
            newborn[c][j] += arrived[c][j];
          }
        }
        observer.arrivals(t + 1, arrived);
      }
      observer.observe(t + 1, stocks);
    }
  }

  /**
   * Moves the children born during the run for month t: they are counts, not agents, each
   * compartment split by one multinomial draw over the month's rows (as in the cohort engine), from
   * a substream keyed by the cohort and the month. Agent-only features do not apply to them.
   */
  private void moveNewborns(long key, int t) {
    for (int c = 0; c < cohorts; c++) {
      int[] n = newborn[c];
      UniformRandomProvider r = null;
      System.arraycopy(n, 0, moved, 0, n.length);
      for (int s = 0; s < n.length; s++) {
        int cell = offset[c] + s;
        int k = count[cell];
        int here = n[s];
        if (here == 0 || k == 0) {
          continue;
        }
        if (r == null) {
          r =
              RandomStreams.substream(
                  key, RandomStreams.cohortMonthKey(cohortKeys[c] ^ NEWBORNS, t + 1));
        }
        Multinomial.sample(r, here, prob[cell], k, drawn);
        for (int j = 0; j < k; j++) {
          int to = target[cell][j];
          moved[s] -= drawn[j];
          moved[to] += drawn[j];
          stocks[c][s] -= drawn[j];
          stocks[c][to] += drawn[j];
        }
      }
      System.arraycopy(moved, 0, n, 0, n.length);
    }
  }

  private void featureValues(SimulationModel.Replication rep) {
    if (!features.any()) {
      return;
    }
    CompiledModel cm = (CompiledModel) model;
    double[] v = ((PathwayReplication) rep).realization().values();
    for (AgentFeatures.TimeInState tis : features.timeInState()) {
      double median = v[cm.parameterIndex(tis.medianParameter())];
      double sigma = v[cm.parameterIndex(tis.dispersionParameter())];
      if (!(median > 0) || !(sigma >= 0)) {
        throw new IllegalArgumentException(
            "time in state " + tis.state().id() + " needs a median > 0 and a dispersion >= 0");
      }
      for (int c = 0; c < cohorts; c++) {
        for (int local : cm.locals(c, tis.state())) {
          timed[offset[c] + local] = true;
          lagMedian[offset[c] + local] = median;
          lagSigma[offset[c] + local] = sigma;
        }
      }
    }
    for (AgentFeatures.Heterogeneity h : features.heterogeneity()) {
      double shape = v[cm.parameterIndex(h.shapeParameter())];
      if (!(shape > 0)) {
        throw new IllegalArgumentException("heterogeneity shape must be positive: " + shape);
      }
      for (int c = 0; c < cohorts; c++) {
        for (int local : cm.locals(c, h.state())) {
          hetero[offset[c] + local] = true;
          heteroShape[offset[c] + local] = shape;
        }
      }
    }
    if (networks) {
      clusterMean = v[cm.parameterIndex(features.networks().clusterSizeParameter())];
      followMultiplier = v[cm.parameterIndex(features.networks().followMultiplierParameter())];
      if (!(clusterMean >= 1) || !(followMultiplier >= 0)) {
        throw new IllegalArgumentException(
            "networks need a mean cluster size >= 1 and a follow multiplier >= 0");
      }
    }
  }

  /** Sizes the agent arrays and the blocks for this replication's initial stocks. */
  private void layOut(long key) {
    long total = 0;
    for (int c = 0; c < cohorts; c++) {
      cohortStart[c] = (int) total;
      for (int n : stocks[c]) {
        total += n;
      }
    }
    if (total > Integer.MAX_VALUE - BLOCK) {
      throw new IllegalArgumentException("too many agents for one replication: " + total);
    }
    cohortStart[cohorts] = (int) total;
    agents = (int) total;
    if (state.length < agents) {
      state = new short[agents];
      due = new long[(agents + 3) >>> 2];
    }
    if (!features.heterogeneity().isEmpty() && propensity.length < agents) {
      propensity = new float[agents];
    }
    blocks = (agents + BLOCK - 1) / BLOCK;
    if (rng.length < blocks) {
      rng = new SplitMix[blocks];
      gauss = new NormalizedGaussianSampler[blocks];
      exponential = new ZigguratSampler.Exponential[blocks];
      clusterStart = new int[blocks][];
      follow = new short[blocks][];
      clusterCount = new int[blocks];
    }
    for (int b = 0; b < blocks; b++) {
      rng[b] = SplitMix.of(key, b);
      gauss[b] = ZigguratSampler.NormalizedGaussian.of(rng[b]);
      exponential[b] = ZigguratSampler.Exponential.of(rng[b]);
    }
  }

  /** Rebuilds the cumulative tables from month t's rows and marks the rows that changed. */
  private void tables(SimulationModel.Replication rep, int t) {
    for (int c = 0; c < cohorts; c++) {
      rep.fill(c, t, scratch, null);
      boolean any = false;
      int size = offset[c + 1] - offset[c];
      for (int s = 0; s < size; s++) {
        int cell = offset[c] + s;
        int k = scratch.count(s);
        int[] tg = scratch.targets(s);
        double[] p = scratch.probabilities(s);
        boolean same = t > 0 && k == count[cell];
        for (int j = 0; j < k && same; j++) {
          same = tg[j] == target[cell][j] && p[j] == prob[cell][j];
        }
        changed[cell] = !same;
        if (same) {
          continue;
        }
        any = true;
        if (target[cell] == null) {
          target[cell] = new short[maxSize];
          prob[cell] = new double[maxSize];
          cum[cell] = new double[maxSize];
        }
        double q = 0;
        for (int j = 0; j < k; j++) {
          target[cell][j] = (short) tg[j];
          prob[cell][j] = p[j];
          q += p[j];
        }
        count[cell] = k;
        double acc = 0;
        for (int j = 0; j < k; j++) {
          acc += p[j];
          cum[cell][j] = q > 0 ? acc / q : 1.0;
        }
        if (k > 0) {
          cum[cell][k - 1] = 1.0;
        }
        leave[cell] = q;
        logStay[cell] = q <= 0 ? 0.0 : (q >= 1 ? Double.NEGATIVE_INFINITY : Math.log1p(-q));
      }
      cohortChanged[c] = any;
    }
  }

  /** Runs month t (or the set-up when t is -1) over all blocks, spread over the workers. */
  private void parallel(int t) {
    if (workers == 1 || blocks <= 1) {
      for (int b = 0; b < blocks; b++) {
        block(b, t, delta[0]);
      }
      return;
    }
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 1; w < workers; w++) {
      int first = w;
      int[] d = delta[w];
      futures.add(
          pool.submit(
              () -> {
                for (int b = first; b < blocks; b += workers) {
                  block(b, t, d);
                }
              }));
    }
    for (int b = 0; b < blocks; b += workers) {
      block(b, t, delta[0]);
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("agent step interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void block(int b, int t, int[] d) {
    int from = b * BLOCK;
    int to = Math.min(agents, from + BLOCK);
    int c = cohortOf(from);
    if (t < 0) {
      setUp(b, from, to, c);
      return;
    }
    SplitMix r = rng[b];
    for (; c < cohorts && cohortStart[c] < to; c++) {
      int a = Math.max(from, cohortStart[c]);
      int e = Math.min(to, cohortStart[c + 1]);
      if (cohortChanged[c]) {
        redraw(b, a, e, c, t, r);
      }
      if (a >= e) {
        continue;
      }
      // Four due months a word, each below 2^15. A lane of x = word ^ (t in every lane) is zero
      // exactly when that person is due at t, and then x - LANES sets the top bit of some lane
      // (the lane itself, or the next one up through the borrow); without a zero lane no top bit
      // is set. So one subtraction tells whether any of four people is due, and four words (16
      // people) are tested together; only a word that passes is searched lane by lane.
      long month = (t & 0xFFFFL) * LANES;
      int w = a >>> 2;
      int last = (e - 1) >>> 2;
      for (; w <= last; w++) {
        if ((((due[w] ^ month) - LANES) & HIGH) != 0) {
          moveDue(b, w, a, e, c, t, month, r, d);
        }
      }
    }
  }

  /**
   * Moves, in increasing order, the people of word w (those in [a, e)) who are due at t. The top
   * bit of a lane of z is set exactly when that lane of x is zero: no carry crosses lanes, since 15
   * bits plus 0x7FFF stay below 2^16.
   */
  private void moveDue(int b, int w, int a, int e, int c, int t, long month, SplitMix r, int[] d) {
    long x = due[w] ^ month;
    long z = ~(((x & LOW15) + LOW15) | x | LOW15);
    while (z != 0) {
      int i = (w << 2) + (Long.numberOfTrailingZeros(z) >>> 4);
      z &= z - 1;
      if (i >= a && i < e) {
        move(b, i, c, t, r, d);
      }
    }
  }

  /** Creates the agents of a block from the initial stocks, with clusters and first due months. */
  private void setUp(int b, int from, int to, int first) {
    SplitMix r = rng[b];
    ContinuousSampler[] gamma = null;
    if (networks) {
      clusters(b, from, to, first, r);
    }
    for (int c = first; c < cohorts && cohortStart[c] < to; c++) {
      int a = Math.max(from, cohortStart[c]);
      int e = Math.min(to, cohortStart[c + 1]);
      int[] s = stocks[c];
      int pos = cohortStart[c];
      for (int j = 0; j < s.length && pos < e; j++) {
        int lo = Math.max(pos, a);
        int hi = Math.min(pos + s[j], e);
        if (lo < hi) {
          Arrays.fill(state, lo, hi, (short) j);
        }
        pos += s[j];
      }
      for (int i = a; i < e; i++) {
        int cell = offset[c] + state[i];
        if (!features.heterogeneity().isEmpty()) {
          if (gamma == null) {
            gamma = new ContinuousSampler[cells];
          }
          propensity[i] = (float) propensity(gamma, cell, r);
        }
        if (timed[cell]) {
          setDue(i, lagDue(-1, cell, gauss[b]));
        } else {
          // Month 0 draws every untimed person's wait (every row is new then).
          setDue(i, NEVER);
        }
      }
    }
  }

  /**
   * Draws a propensity for each person: one gamma per person with the shape of the person's initial
   * state if it has one, otherwise of the first heterogeneous state.
   */
  private double propensity(ContinuousSampler[] gamma, int cell, SplitMix r) {
    int use = hetero[cell] ? cell : firstHetero();
    if (gamma[use] == null) {
      double k = heteroShape[use];
      gamma[use] = AhrensDieterMarsagliaTsangGammaSampler.of(r, k, 1.0 / k);
    }
    return gamma[use].sample();
  }

  private int firstHetero() {
    for (int cell = 0; cell < cells; cell++) {
      if (hetero[cell]) {
        return cell;
      }
    }
    throw new IllegalStateException("no heterogeneous state");
  }

  /** Cuts each cohort's part of a block into clusters of size 1 + Geometric(mean - 1). */
  private void clusters(int b, int from, int to, int first, SplitMix r) {
    int[] starts = clusterStart[b];
    if (starts == null || starts.length < to - from + 1) {
      starts = new int[BLOCK + 1];
      clusterStart[b] = starts;
      follow[b] = new short[BLOCK];
    }
    double logP = clusterMean > 1 ? Math.log1p(-1.0 / clusterMean) : 0;
    int n = 0;
    for (int c = first; c < cohorts && cohortStart[c] < to; c++) {
      int a = Math.max(from, cohortStart[c]);
      int e = Math.min(to, cohortStart[c + 1]);
      for (int i = a; i < e; ) {
        starts[n++] = i;
        int size =
            1
                + (logP == 0
                    ? 0
                    : (int) Math.min(BLOCK, Math.floor(Math.log(r.nextOpenDouble()) / logP)));
        i = (int) Math.min(e, (long) i + size);
      }
    }
    starts[n] = to;
    Arrays.fill(follow[b], 0, n, (short) -1);
    clusterCount[b] = n;
  }

  /** Redraws the waiting time of everyone in a compartment whose row changed at step t. */
  private void redraw(int b, int a, int e, int c, int t, SplitMix r) {
    int o = offset[c];
    for (int i = a; i < e; i++) {
      int s = state[i];
      if (changed[o + s] && !timed[o + s]) {
        setDue(i, geometricDue(t, effectiveLogStay(b, i, c, s), exponential[b]));
      }
    }
  }

  /** Moves a person who is due at step t and schedules the next move. */
  private void move(int b, int i, int c, int t, SplitMix r, int[] d) {
    int s = state[i];
    int cell = offset[c] + s;
    int k = count[cell];
    if (k == 0) {
      // A timed stay ended in a month nobody can leave: try again next month.
      setDue(i, t + 1 < months ? t + 1 : NEVER);
      return;
    }
    int boost = networks ? boostPosition(b, i, c, s) : -1;
    double u = r.nextDouble();
    int j = 0;
    if (boost < 0) {
      double[] cu = cum[cell];
      while (j < k - 1 && u >= cu[j]) {
        j++;
      }
    } else {
      double[] p = prob[cell];
      double scale = leave[cell] + (followMultiplier - 1) * p[boost];
      double acc = 0;
      u *= scale;
      for (; j < k - 1; j++) {
        acc += j == boost ? followMultiplier * p[j] : p[j];
        if (u < acc) {
          break;
        }
      }
    }
    int to = target[cell][j];
    state[i] = (short) to;
    d[cell]--;
    d[offset[c] + to]++;
    int next = offset[c] + to;
    setDue(
        i,
        timed[next]
            ? lagDue(t, next, gauss[b])
            : geometricDue(t + 1, effectiveLogStay(b, i, c, to), exponential[b]));
    if (networks && trigger[next]) {
      followers(b, i, c, to, t, r);
    }
  }

  /** After a person moves into a trigger compartment, raises the cluster's hazard to follow. */
  private void followers(int b, int i, int c, int to, int t, SplitMix r) {
    int cl = cluster(b, i);
    follow[b][cl] = (short) to;
    int end = clusterStart[b][cl + 1];
    int o = offset[c];
    for (int j = clusterStart[b][cl]; j < end; j++) {
      int s = state[j];
      if (j == i || timed[o + s] || (j > i && due(j) == t)) {
        continue;
      }
      if (boostPosition(b, j, c, s) >= 0) {
        setDue(j, geometricDue(t + 1, effectiveLogStay(b, j, c, s), exponential[b]));
      }
    }
  }

  /**
   * The position in the row of person i's source of the move the person's cluster follows (the
   * followed compartment itself, or transit for someone still in theatre), or -1.
   */
  private int boostPosition(int b, int i, int c, int s) {
    int f = follow[b][cluster(b, i)];
    if (f < 0) {
      return -1;
    }
    int cell = offset[c] + s;
    int wanted = -1;
    for (int pass = 0; pass < 2 && wanted < 0; pass++) {
      int goal = pass == 0 ? f : (s == CompiledModel.IN_THEATRE ? CompiledModel.TRANSIT : -1);
      for (int j = 0; j < count[cell] && goal >= 0; j++) {
        if (target[cell][j] == goal && prob[cell][j] > 0) {
          wanted = j;
          break;
        }
      }
    }
    return wanted;
  }

  /** Person i's due month. */
  private int due(int i) {
    return (int) (due[i >>> 2] >>> ((i & 3) << 4)) & 0xFFFF;
  }

  /** Sets person i's due month (0 to {@link #NEVER}). */
  private void setDue(int i, int month) {
    int shift = (i & 3) << 4;
    int w = i >>> 2;
    due[w] = (due[w] & ~(0xFFFFL << shift)) | ((long) month << shift);
  }

  private int cluster(int b, int i) {
    int idx = Arrays.binarySearch(clusterStart[b], 0, clusterCount[b], i);
    return idx >= 0 ? idx : -idx - 2;
  }

  /** ln(1 − q) for person i in local compartment s: times the propensity and the follow boost. */
  private double effectiveLogStay(int b, int i, int c, int s) {
    int cell = offset[c] + s;
    double ls = logStay[cell];
    if (ls == 0) {
      return 0;
    }
    if (hetero[cell]) {
      ls *= propensity[i];
    }
    if (networks) {
      int pos = boostPosition(b, i, c, s);
      if (pos >= 0) {
        ls *= 1 + (followMultiplier - 1) * prob[cell][pos] / leave[cell];
      }
    }
    return ls;
  }

  /**
   * The step at which someone who may first leave at step {@code from} leaves: from + G, with G =
   * ⌊E / (−ln(1 − q))⌋ and E a standard exponential from the block's ziggurat sampler (Commons RNG,
   * on the block's own stream). P(G ≥ g) = P(E ≥ −g ln(1 − q)) = (1 − q)^g: G is exactly geometric,
   * without a logarithm per draw (the ziggurat takes one table look-up for about 98% of draws).
   */
  private short geometricDue(int from, double logStayValue, ZigguratSampler.Exponential e) {
    if (logStayValue == 0) {
      return NEVER;
    }
    // g >= 0 (or -0.0); truncation is the floor here, and any g past the horizon is NEVER.
    double g = e.sample() / -logStayValue;
    if (!(g < months)) {
      return NEVER;
    }
    int step = from + (int) g;
    return step >= months ? NEVER : (short) step;
  }

  /**
   * The step at which someone who entered at step {@code entered} leaves after a drawn lag: the
   * log-normal lag median · exp(σ Z), Z from the block's Gaussian sampler (Commons RNG's ziggurat,
   * on the block's own stream), rounded to whole months and at least 1.
   */
  private short lagDue(int entered, int cell, NormalizedGaussianSampler g) {
    double z = g.sample();
    double lag = Math.max(1, Math.rint(lagMedian[cell] * Math.exp(lagSigma[cell] * z)));
    double step = entered + lag;
    return step >= months ? NEVER : (short) step;
  }

  private int cohortOf(int agent) {
    int idx = Arrays.binarySearch(cohortStart, 0, cohorts + 1, agent);
    if (idx < 0) {
      return -idx - 2;
    }
    // Skip empty cohorts that start at the same position.
    while (idx < cohorts && cohortStart[idx + 1] == agent) {
      idx++;
    }
    return idx;
  }
}
