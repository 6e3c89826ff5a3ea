package org.dispersal.engine;

import org.dispersal.model.Demographic;
import org.dispersal.model.ModelParameters.Base;
import org.dispersal.model.RepatriationPolicy;

/**
 * The monthly transition probabilities of the pathway model: for one cohort in one month of one
 * replication, where the people of each compartment go and with what probability.
 *
 * <p>This is the model's one statement of its dynamics (docs/MODEL.md writes it out); every engine
 * draws from these rows. Pure: depends only on the compiled scenario and the realization. What it
 * reads of a cohort is listed in {@link CompiledModel#rowClass}'s inputs, whose cohorts share their
 * rows: a new input read per cohort belongs there too.
 */
public final class MonthlyKernel {

  private final CompiledModel model;
  private final double[] weights;

  /** Creates a kernel for a model. */
  public MonthlyKernel(CompiledModel model) {
    this.model = model;
    this.weights = new double[Math.max(1, model.theatreCount())];
  }

  /**
   * Fills the rows of cohort c for month t (the transition from month t to t + 1).
   *
   * <p>A row that reads a driver of the realization (a month's territory, border closure, policy
   * ...) must say so in {@link #sameRow}, or engines keep it when it changes.
   *
   * @param stocks the cohort's current stocks, to fill only the rows of the occupied compartments
   *     (the others are left as they were), or null to fill all
   */
  public void fill(Realization r, int c, int t, TransitionRows rows, int[] stocks) {
    rows.clear(stocks);
    Cohort cohort = model.cohorts().get(c);
    double[] v = r.sharedValues();
    double combat = combatFactor(cohort.demographic(), v, c);
    // Battles: deaths and captures follow the decayed pressure of recent losses; the pushes out of
    // the theatre (leaving, going underground, defecting) follow the territory lost, which stays.
    double battle = r.collapse(t);
    double lost = 1.0 - r.territory(t);
    int groups = model.groupCount();

    int src = CompiledModel.IN_THEATRE;
    if (needed(stocks, src)) {
      rows.addHazard(
          src,
          CompiledModel.KILLED,
          (v(v, c, Base.KILL_RATE_BASE) + v(v, c, Base.KILL_RATE_COLLAPSE) * battle) * combat);
      rows.addHazard(src, CompiledModel.DETAINED, v(v, c, Base.DETENTION_RATE_COLLAPSE) * battle);
      rows.addHazard(src, CompiledModel.IN_CAMP, v(v, c, Base.CAMP_RATE_COLLAPSE) * battle);
      rows.addHazard(
          src,
          CompiledModel.TRANSIT,
          (v(v, c, Base.EXIT_RATE_BASE) + v(v, c, Base.EXIT_RATE_COLLAPSE) * lost)
              * (1.0 - r.borderClosure(t))
              * model.exitPropensity(c));
      rows.addHazard(
          src, CompiledModel.INSURGENT, v(v, c, Base.INSURGENCY_RATE_COLLAPSE) * lost * combat);
      double defect = v(v, c, Base.DEFECTION_RATE_COLLAPSE) * lost * combat;
      if (r.merged(t)) {
        defect *= v(v, c, Base.MERGER_DEFECTION_MULTIPLIER);
      }
      double wsum = 0;
      for (int g = 0; g < groups; g++) {
        wsum += v[model.groupWeight(g)];
      }
      for (int g = 0; g < groups && wsum > 0; g++) {
        rows.addHazard(
            src, CompiledModel.groupStart() + g, defect * v[model.groupWeight(g)] / wsum);
      }
      rows.hazardsToProbabilities(src);
    }

    if (needed(stocks, CompiledModel.TRANSIT)) {
      transit(r, cohort, c, t, combat, rows);
    }

    src = CompiledModel.INSURGENT;
    if (needed(stocks, src)) {
      rows.addHazard(src, CompiledModel.KILLED, v(v, c, Base.INSURGENT_KILL_RATE) * combat);
      rows.addHazard(src, CompiledModel.DETAINED, v(v, c, Base.INSURGENT_DETENTION_RATE));
      rows.hazardsToProbabilities(src);
    }

    for (int g = 0; g < groups; g++) {
      src = CompiledModel.groupStart() + g;
      if (needed(stocks, src)) {
        rows.addHazard(src, CompiledModel.KILLED, v(v, c, Base.OTHER_GROUP_KILL_RATE) * combat);
        rows.hazardsToProbabilities(src);
      }
    }

    double repatriation = repatriationHazard(cohort.demographic(), model.policy(c, t), v, c);
    src = CompiledModel.IN_CAMP;
    if (needed(stocks, src)) {
      rows.addHazard(src, CompiledModel.KILLED, v(v, c, Base.CAMP_DEATH_RATE));
      rows.addHazard(src, CompiledModel.IN_THEATRE, v(v, c, Base.CAMP_ESCAPE_RATE));
      rows.addHazard(src, CompiledModel.DETAINED, v(v, c, Base.CAMP_TRIAL_RATE));
      rows.addHazard(src, CompiledModel.RETURNED, repatriation);
      rows.hazardsToProbabilities(src);
    }

    src = CompiledModel.DETAINED;
    if (needed(stocks, src) && repatriation > 0) {
      rows.addHazard(
          src, CompiledModel.RETURNED, repatriation * v(v, c, Base.REPATRIATION_DETAINED_FACTOR));
      rows.hazardsToProbabilities(src);
    }

    src = CompiledModel.RETURNED;
    if (needed(stocks, src)) {
      double assessed = 1.0 - Math.exp(-v(v, c, Base.ASSESSMENT_RATE));
      Base share =
          cohort.demographic() == Demographic.WOMEN
              ? Base.WOMEN_PROSECUTION_SHARE
              : Base.PROSECUTION_SHARE;
      double pros = v(v, c, share) * r.prosecutionMultiplier(t);
      if (cohort.demographic() == Demographic.MINORS) {
        pros *= v(v, c, Base.MINORS_PROSECUTION_FACTOR);
      }
      pros = InitialStocks.clamp(pros);
      double coop = InitialStocks.clamp(v(v, c, Base.COOPERATION_SHARE));
      rows.add(src, CompiledModel.PROSECUTED, assessed * pros);
      rows.add(src, CompiledModel.COOPERATING, assessed * (1 - pros) * coop);
      rows.add(src, CompiledModel.NOT_COOPERATING, assessed * (1 - pros) * (1 - coop));
    }

    int home = model.dispatchStart();
    src = CompiledModel.NOT_COOPERATING;
    if (needed(stocks, src)) {
      double h = v(v, c, Base.REENGAGEMENT_RATE) * (1.0 - InitialStocks.clamp(r.rehabilitation(t)));
      rows.addHazard(src, home, h);
      rows.hazardsToProbabilities(src);
    }

    double plot = v(v, c, Base.PLOT_RATE);
    double success = InitialStocks.clamp(v(v, c, Base.PLOT_SUCCESS_SHARE));
    double arrest = v(v, c, Base.OPERATIVE_ARREST_RATE);
    int length = cohort.size();
    for (int d = home; d < length; d += 3) {
      if (needed(stocks, d)) {
        rows.addHazard(d, d + 1, arrest + plot * (1 - success));
        rows.addHazard(d, d + 2, plot * success);
        rows.hazardsToProbabilities(d);
      }
    }
  }

  /**
   * Whether the row of local compartment {@code local} for month t is, in every cohort, the one for
   * month t − 1: no driver that {@link #fill} reads for it changes at month t. The rows of the core
   * theatre read the territory, its decayed pressure, the border closure and the merger; transit
   * reads the border closure and the route screening; the camps and detention read the repatriation
   * policies; the returned read the prosecution multiplier; those who do not cooperate read the
   * rehabilitation; every other row reads only the parameter values.
   */
  boolean sameRow(Realization r, int t, int local) {
    if (t <= 0) {
      return false;
    }
    int p = t - 1;
    return switch (local) {
      case CompiledModel.IN_THEATRE ->
          r.territory(t) == r.territory(p)
              && r.collapse(t) == r.collapse(p)
              && r.borderClosure(t) == r.borderClosure(p)
              && r.merged(t) == r.merged(p);
      case CompiledModel.TRANSIT ->
          r.borderClosure(t) == r.borderClosure(p) && r.routeScreening(t) == r.routeScreening(p);
      case CompiledModel.IN_CAMP, CompiledModel.DETAINED -> model.samePolicies(t);
      case CompiledModel.RETURNED -> r.prosecutionMultiplier(t) == r.prosecutionMultiplier(p);
      case CompiledModel.NOT_COOPERATING -> r.rehabilitation(t) == r.rehabilitation(p);
      default -> true;
    };
  }

  /**
   * The monthly probability that a person of cohort c in local compartment {@code local} gives
   * birth: 1 − exp(−birth_rate) for women in the core theatre or in the camps, 0 otherwise.
   */
  double birthProbability(Realization r, int c, int local) {
    return givesBirth(local) ? birthProbability(r, c) : 0;
  }

  /** Whether people in local compartment {@code local} can give birth (if their cohort can). */
  static boolean givesBirth(int local) {
    return local == CompiledModel.IN_THEATRE || local == CompiledModel.IN_CAMP;
  }

  /**
   * The monthly probability that a person of cohort c gives birth where people can ({@link
   * #givesBirth}): 1 − exp(−birth_rate) for women, 0 otherwise; the same every month.
   */
  double birthProbability(Realization r, int c) {
    if (model.birthCohort(c) < 0) {
      return 0;
    }
    return -Math.expm1(-Math.max(0, v(r.sharedValues(), c, Base.BIRTH_RATE)));
  }

  /**
   * The expected arrivals into a cohort's compartment during month t: none outside the core theatre
   * (local {@link CompiledModel#IN_THEATRE}) or in a year without an arrival-flow parameter;
   * otherwise {@code arrivals_per_month.YYYY} times the origin's share of the travellers ({@link
   * CompiledModel#originShare}) times the demographic's share ({@code share_women}, {@code
   * share_minors}, the rest men). The year's rate is the observed flow of that year, so it already
   * carries the frontier's closing (no border-closure factor on top).
   */
  double arrivalMean(Realization r, int c, int t, int local) {
    int index = model.arrivalParameter(t);
    if (index < 0 || local != CompiledModel.IN_THEATRE) {
      return 0;
    }
    double[] v = r.sharedValues();
    double rate = Math.max(0, v[index]);
    double women = InitialStocks.clamp(v(v, c, Base.SHARE_WOMEN));
    double minors = InitialStocks.clamp(v(v, c, Base.SHARE_MINORS));
    double share =
        switch (model.cohorts().get(c).demographic()) {
          case WOMEN -> women;
          case MINORS -> minors;
          default -> Math.max(0, 1 - women - minors);
        };
    return rate * model.originShare(c) * share;
  }

  /**
   * The monthly hazard that someone in custody in the region is repatriated: 0 without a policy,
   * the minors' rate of the policy times the factor of women or men.
   */
  private double repatriationHazard(Demographic d, RepatriationPolicy policy, double[] v, int c) {
    double rate =
        switch (policy) {
          case NONE -> 0;
          case CASE_BY_CASE -> v(v, c, Base.REPATRIATION_RATE_CASE_BY_CASE);
          case ORGANISED -> v(v, c, Base.REPATRIATION_RATE_ORGANISED);
        };
    double factor =
        switch (d) {
          case MINORS -> 1.0;
          case WOMEN -> v(v, c, Base.REPATRIATION_WOMEN_FACTOR);
          case MEN -> v(v, c, Base.REPATRIATION_MEN_FACTOR);
        };
    return Math.max(0, rate * factor);
  }

  private static boolean needed(int[] stocks, int s) {
    return stocks == null || stocks[s] > 0;
  }

  private void transit(
      Realization r, Cohort cohort, int c, int t, double combat, TransitionRows rows) {
    int src = CompiledModel.TRANSIT;
    double[] v = r.sharedValues();
    double leave = 1.0 - Math.exp(-v(v, c, Base.TRANSIT_EXIT_RATE));
    double arrested = InitialStocks.clamp(v(v, c, Base.TRANSIT_ARREST_SHARE) * r.borderClosure(t));
    double relocate = InitialStocks.clamp(v(v, c, Base.RELOCATION_SHARE));
    double dispatch = InitialStocks.clamp(v(v, c, Base.DISPATCH_SHARE) * combat);
    double homeShare = InitialStocks.clamp(v(v, c, Base.DISPATCH_HOME_SHARE));
    double screening = InitialStocks.clamp(r.routeScreening(t));
    double pRelocate = leave * (1 - arrested) * relocate;
    double pDispatch = leave * (1 - arrested) * (1 - relocate) * dispatch;
    rows.add(src, CompiledModel.DETAINED, leave * arrested);
    rows.add(src, CompiledModel.RETURNED, leave * (1 - arrested) * (1 - relocate) * (1 - dispatch));

    int theatres = model.theatreCount();
    int region = cohort.regionIndex();
    double affinity = v(v, c, Base.RELOCATION_NEAR_AFFINITY);
    double wsum = 0;
    for (int i = 0; i < theatres; i++) {
      weights[i] = v[model.relocationWeight(i)] * (model.isNear(region, i) ? affinity : 1.0);
      wsum += weights[i];
    }
    for (int i = 0; i < theatres && wsum > 0; i++) {
      rows.add(src, model.theatreStart() + i, pRelocate * weights[i] / wsum);
    }

    int home = model.dispatchStart();
    int[] dest = model.targetWeights(c);
    double tsum = 0;
    for (int d = 1; d < dest.length; d++) {
      tsum += v[dest[d]];
    }
    double abroad = tsum > 0 ? 1 - homeShare : 0;
    rows.add(src, home, pDispatch * (1 - abroad));
    for (int d = 1; d < dest.length; d++) {
      int base = home + 3 * d;
      double share = pDispatch * abroad * v[dest[d]] / tsum;
      rows.add(src, base, share * (1 - screening));
      rows.add(src, base + 1, share * screening);
    }
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
}
