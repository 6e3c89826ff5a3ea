package org.dispersal.engine;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.model.ModelParameters.Base;
import org.dispersal.model.Scenario;
import org.dispersal.model.Step;
import org.dispersal.model.Stronghold;
import org.dispersal.random.RandomStreams;

/**
 * One replication's draw of everything uncertain except the monthly dynamics: parameter values and
 * the driver paths over time (territorial-control index, border closure, route screening,
 * prosecution and rehabilitation levers, the month of a merger).
 *
 * <p>Immutable: the constructor copies the arrays and the array accessors return copies. The
 * engine's kernel reads single entries ({@link #value(int)}, {@link #territory(int)}, ...) and,
 * within this package, the values themselves ({@link #sharedValues()}), so the monthly hot loop
 * copies nothing.
 *
 * @param values parameter values in the order of {@link CompiledModel#parameterNames()}
 * @param territory share of the strongholds' weight still held, per month (0..months)
 * @param collapse the pressure of lost territory per month: each lost stronghold's share of the
 *     weight, decayed with the half-life {@code collapse_half_life} from the month of its loss
 * @param borderClosure border closure per month
 * @param routeScreening route screening per month
 * @param prosecutionMultiplier policy factor on prosecution per month
 * @param rehabilitation reduction of re-engagement per month
 * @param mergerMonth the month of an Islamic State and al-Qaeda merger, or -1 if none
 */
public record Realization(
    double[] values,
    double[] territory,
    double[] collapse,
    double[] borderClosure,
    double[] routeScreening,
    double[] prosecutionMultiplier,
    double[] rehabilitation,
    int mergerMonth) {

  /**
   * Draws a realization.
   *
   * @param model the compiled scenario
   * @param parameters stream for the parameter values
   * @param drivers stream for the driver events
   */
  public static Realization draw(
      CompiledModel model, UniformRandomProvider parameters, UniformRandomProvider drivers) {
    return fromValues(model, drawValues(model, parameters), drivers);
  }

  /**
   * Draws every parameter from its prior with one uniform per parameter, keyed by its name: fixing
   * or adding a parameter leaves the others' draws unchanged, so compared variants pair replication
   * by replication (common random numbers).
   *
   * @return values in the order of {@link CompiledModel#parameterNames()}
   */
  public static double[] drawValues(CompiledModel model, UniformRandomProvider parameters) {
    double[] v = new double[model.parameterNames().size()];
    long base = parameters.nextLong();
    int i = 0;
    for (var e : model.scenario().parameters().entrySet()) {
      double u = RandomStreams.uniform(base, RandomStreams.key(e.getKey()));
      v[i++] = e.getValue().prior().quantile(u);
    }
    return v;
  }

  /** Builds the driver paths for given parameter values (used by calibration and tests). */
  public static Realization fromValues(
      CompiledModel model, double[] v, UniformRandomProvider drivers) {
    Scenario s = model.scenario();
    int months = s.months();
    double[] territory = new double[months + 1];
    double[] collapse = new double[months + 1];
    double total = 0;
    for (Stronghold h : s.drivers().strongholds()) {
      total += h.weight();
    }
    double halfLife = v[model.parameterIndex(Base.COLLAPSE_HALF_LIFE.id())];
    if (!(halfLife > 0)) {
      throw new IllegalArgumentException("collapse_half_life must be positive: " + halfLife);
    }
    double decay = Math.log(2) / halfLife;
    for (Stronghold h : s.drivers().strongholds()) {
      int lost = lossMonth(model, s.start(), h, v);
      for (int t = 0; t <= months; t++) {
        if (t < Math.max(0, lost)) {
          territory[t] += h.weight() / total;
        } else {
          collapse[t] += h.weight() / total * Math.exp(-decay * (t - lost));
        }
      }
    }
    int merger = -1;
    double pMerger = v[model.parameterIndex(Base.MERGER_PROBABILITY.id())];
    double u = drivers.nextDouble();
    if (u < pMerger) {
      merger = Math.max(0, (int) Math.floor(v[model.parameterIndex(Base.MERGER_MONTH.id())]));
    }
    return new Realization(
        v,
        territory,
        collapse,
        series(model, s.drivers().borderClosure(), v, months),
        series(model, s.drivers().routeScreening(), v, months),
        series(model, s.drivers().prosecutionMultiplier(), v, months),
        series(model, s.drivers().rehabilitation(), v, months),
        merger);
  }

  /**
   * The month a stronghold is lost, counted from the start: negative for one lost before the start
   * (so its hazards have decayed by then).
   */
  private static int lossMonth(CompiledModel model, YearMonth start, Stronghold h, double[] v) {
    if (h.lostOn() != null) {
      return (int) ChronoUnit.MONTHS.between(start, YearMonth.from(h.lostOn()));
    }
    double value = v[model.parameterIndex(h.fallParameter())];
    return (int) Math.max(0, Math.floor(value));
  }

  private static double[] series(CompiledModel model, List<Step> steps, double[] v, int months) {
    double[] out = new double[months + 1];
    int k = 0;
    for (int t = 0; t <= months; t++) {
      while (k + 1 < steps.size() && steps.get(k + 1).fromMonth() <= t) {
        k++;
      }
      out[t] = v[model.parameterIndex(steps.get(k).parameter())];
    }
    return out;
  }

  /** Copies the arrays, so the realization cannot change after it is drawn. */
  public Realization {
    values = values.clone();
    territory = territory.clone();
    collapse = collapse.clone();
    borderClosure = borderClosure.clone();
    routeScreening = routeScreening.clone();
    prosecutionMultiplier = prosecutionMultiplier.clone();
    rehabilitation = rehabilitation.clone();
  }

  /** Parameter values in the order of {@link CompiledModel#parameterNames()} (a copy). */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** Share of the strongholds' weight still held, per month (a copy). */
  @Override
  public double[] territory() {
    return territory.clone();
  }

  /** The pressure of lost territory per month, decayed since each loss (a copy). */
  @Override
  public double[] collapse() {
    return collapse.clone();
  }

  /** Border closure per month (a copy). */
  @Override
  public double[] borderClosure() {
    return borderClosure.clone();
  }

  /** Route screening per month (a copy). */
  @Override
  public double[] routeScreening() {
    return routeScreening.clone();
  }

  /** Policy factor on prosecution per month (a copy). */
  @Override
  public double[] prosecutionMultiplier() {
    return prosecutionMultiplier.clone();
  }

  /** Reduction of re-engagement per month (a copy). */
  @Override
  public double[] rehabilitation() {
    return rehabilitation.clone();
  }

  /** The value of parameter i (in the order of {@link CompiledModel#parameterNames()}). */
  public double value(int i) {
    return values[i];
  }

  /** The territorial index at month t. */
  public double territory(int t) {
    return territory[t];
  }

  /**
   * The pressure of lost territory at month t: the sum over lost strongholds of their share of the
   * weight times 2^(−months since the loss / half-life). Without decay (an infinite half-life) it
   * is 1 − {@link #territory(int)}; the battle hazards (death, detention, capture into the camps)
   * "per unit of lost territory" multiply it.
   */
  public double collapse(int t) {
    return collapse[t];
  }

  /** Border closure at month t. */
  public double borderClosure(int t) {
    return borderClosure[t];
  }

  /** Route screening at month t. */
  public double routeScreening(int t) {
    return routeScreening[t];
  }

  /** The policy factor on prosecution at month t. */
  public double prosecutionMultiplier(int t) {
    return prosecutionMultiplier[t];
  }

  /** The reduction of re-engagement at month t. */
  public double rehabilitation(int t) {
    return rehabilitation[t];
  }

  /**
   * The parameter values themselves, not a copy: for the kernel and the initial stocks, which read
   * them for every cohort and month. Callers in this package never write to them.
   */
  double[] sharedValues() {
    return values;
  }

  /** Whether the merger has happened by month t. */
  public boolean merged(int t) {
    return mergerMonth >= 0 && t >= mergerMonth;
  }
}
