package org.dispersal.engine;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.model.Demographic;
import org.dispersal.model.ModelParameters.Base;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;
import org.dispersal.random.Binomial;
import org.dispersal.random.Multinomial;
import org.dispersal.random.RandomStreams;
import org.dispersal.random.RandomStreams.Purpose;

/**
 * The cohort engine: exact stochastic simulation of the multi-state model, cohort by cohort and
 * month by month.
 *
 * <p>Each month, the people in each transient compartment are split among the compartments they can
 * reach with one multinomial draw (conditional binomials, exact), using the stocks at the start of
 * the month: nobody moves twice in a month. Competing monthly hazards h_j become probabilities
 * (1 - exp(-H)) h_j / H with H the sum of the hazards. A cohort of n people therefore behaves like
 * n independent people following the same monthly probabilities.
 *
 * <p>One instance serves one thread; {@link #run} is deterministic for a given seed and replication
 * index.
 */
public final class CohortEngine {

  private final CompiledModel model;
  private final int cohortCount;
  private final int[][] stocks;
  private final int[][] next;
  private final double[] probs;
  private final int[] targets;
  private final int[] drawn;
  private final double[] weights;

  /** Creates an engine for a model. */
  public CohortEngine(CompiledModel model) {
    this.model = model;
    List<Cohort> cohorts = model.cohorts();
    cohortCount = cohorts.size();
    stocks = new int[cohortCount][];
    next = new int[cohortCount][];
    int max = 0;
    for (Cohort c : cohorts) {
      stocks[c.index()] = new int[c.compartments().length];
      next[c.index()] = new int[c.compartments().length];
      max = Math.max(max, c.compartments().length);
    }
    probs = new double[max];
    targets = new int[max];
    drawn = new int[max];
    weights = new double[max];
  }

  /** The model this engine runs. */
  public CompiledModel model() {
    return model;
  }

  /**
   * Runs one replication with streams derived from (seed, replication).
   *
   * @return the realization that was drawn, for manifests and diagnostics
   */
  public Realization run(long seed, long replication, MonthObserver observer) {
    Realization r =
        Realization.draw(
            model,
            RandomStreams.stream(seed, replication, Purpose.PARAMETERS),
            RandomStreams.stream(seed, replication, Purpose.DRIVERS));
    run(r, RandomStreams.stream(seed, replication, Purpose.INITIAL_STOCKS),
        RandomStreams.stream(seed, replication, Purpose.DYNAMICS), observer);
    return r;
  }

  /** Runs one replication for a given realization and streams. */
  public void run(
      Realization r,
      UniformRandomProvider initialStream,
      UniformRandomProvider dynamics,
      MonthObserver observer) {
    initialStocks(r, initialStream);
    observer.observe(0, stocks);
    int months = model.scenario().months();
    for (int t = 1; t <= months; t++) {
      for (int c = 0; c < cohortCount; c++) {
        step(r, c, t - 1, dynamics);
      }
      observer.observe(t, stocks);
    }
  }

  // ---- initial stocks -------------------------------------------------------------------------

  private void initialStocks(Realization r, UniformRandomProvider rng) {
    List<Cohort> cohorts = model.cohorts();
    double[] v = r.values();
    for (int c = 0; c < cohortCount; c += Demographic.values().length) {
      Origin o = cohorts.get(c).origin();
      int men = c;
      int women = c + 1;
      int minors = c + 2;
      int n = draw(o.travelled(), rng);
      int w =
          o.women() != null
              ? Math.min(n, draw(o.women(), rng))
              : Binomial.sample(rng, n, clamp(v[model.cohortParameter(c, Base.SHARE_WOMEN)]));
      int m;
      if (o.minors() != null) {
        m = Math.min(n - w, draw(o.minors(), rng));
      } else {
        double sw = v[model.cohortParameter(c, Base.SHARE_WOMEN)];
        double sm = v[model.cohortParameter(c, Base.SHARE_MINORS)];
        m = Binomial.sample(rng, n - w, clamp(sm / Math.max(1e-12, 1 - sw)));
      }
      int[] size = {n - w - m, w, m};
      double killedShare =
          o.killed() != null && n > 0
              ? Math.min(1.0, draw(o.killed(), rng) / (double) n)
              : v[model.cohortParameter(c, Base.SHARE_KILLED_BY_START)];
      double returnedShare =
          o.returned() != null && n > 0
              ? Math.min(1.0, draw(o.returned(), rng) / (double) n)
              : v[model.cohortParameter(c, Base.SHARE_RETURNED_BY_START)];
      double[] combat = {
        1.0,
        v[model.cohortParameter(women, Base.WOMEN_COMBAT_FACTOR)],
        v[model.cohortParameter(minors, Base.MINORS_COMBAT_FACTOR)]
      };
      double meanFactor = (size[0] * combat[0] + size[1] * combat[1] + size[2] * combat[2]);
      meanFactor = n > 0 ? meanFactor / n : 1.0;
      for (int d = 0; d < 3; d++) {
        int[] s = stocks[men + d];
        java.util.Arrays.fill(s, 0);
        double pk = clamp(killedShare * combat[d] / Math.max(1e-12, meanFactor));
        int killed = Binomial.sample(rng, size[d], pk);
        double pr = clamp(returnedShare / Math.max(1e-12, 1 - killedShare));
        int returned = Binomial.sample(rng, size[d] - killed, pr);
        s[CompiledModel.KILLED] = killed;
        s[CompiledModel.RETURNED] = returned;
        s[CompiledModel.IN_THEATRE] = size[d] - killed - returned;
      }
      // keep `minors` and `women` indices meaningful to readers of the layout
      assert women == men + 1 && minors == men + 2;
    }
  }

  private static int draw(Range range, UniformRandomProvider rng) {
    if (range.low() == range.high()) {
      return range.low();
    }
    return range.low() + rng.nextInt(range.high() - range.low() + 1);
  }

  private static double clamp(double p) {
    return p < 0 ? 0 : (p > 1 ? 1 : p);
  }

  // ---- one month of one cohort ---------------------------------------------------------------

  private void step(Realization r, int c, int t, UniformRandomProvider rng) {
    int[] s = stocks[c];
    int[] nx = next[c];
    System.arraycopy(s, 0, nx, 0, s.length);
    Cohort cohort = model.cohorts().get(c);
    double[] v = r.values();
    double combat = combatFactor(cohort.demographic(), v, c);
    double lost = 1.0 - r.territory()[t];
    int groups = model.groupCount();

    // In theatre.
    if (s[CompiledModel.IN_THEATRE] > 0) {
      int k = 0;
      k = add(k, CompiledModel.KILLED,
          (v(v, c, Base.KILL_RATE_BASE) + v(v, c, Base.KILL_RATE_COLLAPSE) * lost) * combat);
      k = add(k, CompiledModel.DETAINED, v(v, c, Base.DETENTION_RATE_COLLAPSE) * lost);
      k = add(k, CompiledModel.TRANSIT,
          (v(v, c, Base.EXIT_RATE_BASE) + v(v, c, Base.EXIT_RATE_COLLAPSE) * lost)
              * (1.0 - r.borderClosure()[t]));
      k = add(k, CompiledModel.INSURGENT, v(v, c, Base.INSURGENCY_RATE_COLLAPSE) * lost * combat);
      double defect = v(v, c, Base.DEFECTION_RATE_COLLAPSE) * lost * combat;
      if (r.merged(t)) {
        defect *= v(v, c, Base.MERGER_DEFECTION_MULTIPLIER);
      }
      double wsum = 0;
      for (int g = 0; g < groups; g++) {
        wsum += v[model.groupWeight(g)];
      }
      for (int g = 0; g < groups && wsum > 0; g++) {
        k = add(k, CompiledModel.groupStart() + g, defect * v[model.groupWeight(g)] / wsum);
      }
      hazardsToProbabilities(k);
      move(CompiledModel.IN_THEATRE, k, s, nx, rng);
    }

    // In transit.
    if (s[CompiledModel.TRANSIT] > 0) {
      transit(r, cohort, c, t, combat, s, nx, rng);
    }

    // Insurgents.
    if (s[CompiledModel.INSURGENT] > 0) {
      int k = 0;
      k = add(k, CompiledModel.KILLED, v(v, c, Base.INSURGENT_KILL_RATE) * combat);
      k = add(k, CompiledModel.DETAINED, v(v, c, Base.INSURGENT_DETENTION_RATE));
      hazardsToProbabilities(k);
      move(CompiledModel.INSURGENT, k, s, nx, rng);
    }

    // Members of other groups.
    for (int g = 0; g < groups; g++) {
      int src = CompiledModel.groupStart() + g;
      if (s[src] > 0) {
        int k = add(0, CompiledModel.KILLED, v(v, c, Base.OTHER_GROUP_KILL_RATE) * combat);
        hazardsToProbabilities(k);
        move(src, k, s, nx, rng);
      }
    }

    // Returnees awaiting assessment.
    if (s[CompiledModel.RETURNED] > 0) {
      double assessed = 1.0 - Math.exp(-v(v, c, Base.ASSESSMENT_RATE));
      double pros = v(v, c, Base.PROSECUTION_SHARE) * r.prosecutionMultiplier()[t];
      if (cohort.demographic() == Demographic.MINORS) {
        pros *= v(v, c, Base.MINORS_PROSECUTION_FACTOR);
      }
      pros = clamp(pros);
      double coop = clamp(v(v, c, Base.COOPERATION_SHARE));
      int k = 0;
      k = addProbability(k, CompiledModel.PROSECUTED, assessed * pros);
      k = addProbability(k, CompiledModel.COOPERATING, assessed * (1 - pros) * coop);
      k = addProbability(k, CompiledModel.NOT_COOPERATING, assessed * (1 - pros) * (1 - coop));
      move(CompiledModel.RETURNED, k, s, nx, rng);
    }

    int home = model.dispatchStart();

    // Disengaged returnees who do not cooperate can re-engage.
    if (s[CompiledModel.NOT_COOPERATING] > 0) {
      double h = v(v, c, Base.REENGAGEMENT_RATE) * (1.0 - clamp(r.rehabilitation()[t]));
      int k = add(0, home, h);
      hazardsToProbabilities(k);
      move(CompiledModel.NOT_COOPERATING, k, s, nx, rng);
    }

    // Dispatched operatives plot, are caught, or attack.
    int length = s.length;
    double plot = v(v, c, Base.PLOT_RATE);
    double success = clamp(v(v, c, Base.PLOT_SUCCESS_SHARE));
    double arrest = v(v, c, Base.OPERATIVE_ARREST_RATE);
    for (int d = home; d < length; d += 3) {
      if (s[d] > 0) {
        int k = 0;
        k = add(k, d + 1, arrest + plot * (1 - success));
        k = add(k, d + 2, plot * success);
        hazardsToProbabilities(k);
        move(d, k, s, nx, rng);
      }
    }

    stocks[c] = nx;
    next[c] = s;
  }

  private void transit(
      Realization r,
      Cohort cohort,
      int c,
      int t,
      double combat,
      int[] s,
      int[] nx,
      UniformRandomProvider rng) {
    double[] v = r.values();
    double leave = 1.0 - Math.exp(-v(v, c, Base.TRANSIT_EXIT_RATE));
    double arrested = clamp(v(v, c, Base.TRANSIT_ARREST_SHARE) * r.borderClosure()[t]);
    double relocate = clamp(v(v, c, Base.RELOCATION_SHARE));
    double dispatch = clamp(v(v, c, Base.DISPATCH_SHARE) * combat);
    double homeShare = clamp(v(v, c, Base.DISPATCH_HOME_SHARE));
    double screening = clamp(r.routeScreening()[t]);
    double pDetained = leave * arrested;
    double pRelocate = leave * (1 - arrested) * relocate;
    double pDispatch = leave * (1 - arrested) * (1 - relocate) * dispatch;
    double pReturn = leave * (1 - arrested) * (1 - relocate) * (1 - dispatch);

    int k = 0;
    k = addProbability(k, CompiledModel.DETAINED, pDetained);
    k = addProbability(k, CompiledModel.RETURNED, pReturn);

    // Third theatres, favouring those near the origin region.
    int theatres = model.theatreCount();
    List<String> near = model.scenario().regions().get(cohort.regionIndex()).nearTheatres();
    double affinity = v(v, c, Base.RELOCATION_NEAR_AFFINITY);
    double wsum = 0;
    for (int i = 0; i < theatres; i++) {
      String id = model.scenario().thirdTheatres().get(i).id();
      weights[i] = v[model.relocationWeight(i)] * (near.contains(id) ? affinity : 1.0);
      wsum += weights[i];
    }
    for (int i = 0; i < theatres && wsum > 0; i++) {
      k = addProbability(k, model.theatreStart() + i, pRelocate * weights[i] / wsum);
    }

    // Dispatched operatives: home, or a target abroad through migration routes with screening.
    int home = model.dispatchStart();
    int length = s.length;
    double tsum = 0;
    List<String> dest = model.destinations(cohort.origin());
    for (int d = 1; d < dest.size(); d++) {
      tsum += v[model.targetWeight(dest.get(d))];
    }
    double abroad = tsum > 0 ? 1 - homeShare : 0;
    k = addProbability(k, home, pDispatch * (1 - abroad));
    for (int d = 1; d < dest.size(); d++) {
      int base = home + 3 * d;
      double share = pDispatch * abroad * v[model.targetWeight(dest.get(d))] / tsum;
      k = addProbability(k, base, share * (1 - screening));
      k = addProbability(k, base + 1, share * screening);
    }
    assert home + 3 * dest.size() == length;
    move(CompiledModel.TRANSIT, k, s, nx, rng);
  }

  private double combatFactor(Demographic d, double[] v, int c) {
    return switch (d) {
      case MEN -> 1.0;
      case WOMEN -> v[model.cohortParameter(c, Base.WOMEN_COMBAT_FACTOR)];
      case MINORS -> v[model.cohortParameter(c, Base.MINORS_COMBAT_FACTOR)];
    };
  }

  private double v(double[] v, int c, Base b) {
    return v[model.cohortParameter(c, b)];
  }

  private int add(int k, int target, double hazard) {
    targets[k] = target;
    probs[k] = Math.max(0.0, hazard);
    return k + 1;
  }

  private int addProbability(int k, int target, double p) {
    targets[k] = target;
    probs[k] = clamp(p);
    return k + 1;
  }

  /** Turns the first k competing hazards in {@code probs} into monthly probabilities. */
  private void hazardsToProbabilities(int k) {
    double total = 0;
    for (int j = 0; j < k; j++) {
      total += probs[j];
    }
    if (total <= 0) {
      java.util.Arrays.fill(probs, 0, k, 0.0);
      return;
    }
    double leave = -Math.expm1(-total);
    for (int j = 0; j < k; j++) {
      probs[j] = leave * probs[j] / total;
    }
  }

  private void move(int source, int k, int[] s, int[] nx, UniformRandomProvider rng) {
    int n = s[source];
    Multinomial.sample(rng, n, probs, k, drawn);
    int moved = 0;
    for (int j = 0; j < k; j++) {
      nx[targets[j]] += drawn[j];
      moved += drawn[j];
    }
    nx[source] -= moved;
  }
}
