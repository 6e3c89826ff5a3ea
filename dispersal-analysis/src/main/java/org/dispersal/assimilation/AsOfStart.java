package org.dispersal.assimilation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.model.Drivers;
import org.dispersal.model.Parameter;
import org.dispersal.model.Prior;
import org.dispersal.model.Scenario;
import org.dispersal.model.Step;
import org.dispersal.model.Stronghold;

/**
 * A forecast that starts at its as-of date: the scenario the engine runs (from the scenario's start
 * to the as-of month, then the scenario's horizon beyond it), the scenario the results are shown on
 * (month 0 is the as-of month) and what was known about the drivers on the date.
 *
 * <p>For an as-of month after the scenario's start, the engine runs the {@code offset} months from
 * the start to the as-of month (the months the published figures condition) and then {@code months}
 * more; the summary keeps only the as-of month and later, renumbered from 0. The drivers are those
 * known on the date:
 *
 * <ul>
 *   <li>a stronghold with a fall-month parameter whose loss is dated on or before the as-of date
 *       (the dated city losses of the shared data, {@link KnownLoss}) is lost on that date in every
 *       replication, with its source;
 *   <li>a stronghold still held on the date cannot fall before it: its fall-month prior (months
 *       after the scenario's start) is cut at the as-of month. A uniform prior U(a, b) becomes
 *       U(max (a, k), b), exactly the prior given that it has not fallen by month k; a prior wholly
 *       before k (the prior was wrong: the city held longer than the scenario expected) keeps its
 *       width from k; any other prior family is cut the same way to a uniform over its range from k
 *       (an approximation, said in the list of changes).
 * </ul>
 *
 * <p>For an as-of month before the scenario's start the model starts at the as-of month (offset 0,
 * {@code run} and {@code shown} the same): the stocks are those published by the date (the reader's
 * {@code withAsOf}); people still arrive, by the arrival flow's priors ({@code
 * arrivals_per_month.YYYY}, added unless the scenario has its own); strongholds lost after the date
 * are not known to be lost and fall at an unknown month ({@link #UNKNOWN_FALL_MONTHS}); the fall
 * months of those held at the scenario's start, the merger month and the drivers' steps are moved
 * by the months between the two starts. The scenario's other priors (the shares killed and returned
 * "by the start") are kept as they are: a known limitation. For the as-of month equal to the
 * scenario's start nothing changes.
 *
 * @param run the scenario the engine runs: the scenario's start, {@code offset + months} months and
 *     the drivers known on the date
 * @param shown the scenario the summary and the report use: starting at the as-of month, the
 *     scenario's horizon
 * @param offset months from the scenario's start to the as-of month (0 when not after the start)
 * @param changes what was changed to match what was known on the date, in words, one per item
 */
public record AsOfStart(Scenario run, Scenario shown, int offset, List<String> changes) {

  /** Copies the list. */
  public AsOfStart {
    changes = List.copyOf(changes);
  }

  /**
   * A stronghold's loss as the dated city losses of the shared data give it.
   *
   * @param date the day the loss was complete
   * @param source the {@code source_id} of the event
   */
  public record KnownLoss(LocalDate date, String source) {}

  /**
   * Builds the start at a date.
   *
   * @param scenario the scenario read as of the date (its stocks are those published by then)
   * @param asOf the as-of date
   * @param losses the dated loss of each stronghold the shared data knows, by stronghold id
   * @return the scenarios to run and to show
   */
  public static AsOfStart of(Scenario scenario, LocalDate asOf, Map<String, KnownLoss> losses) {
    return of(scenario, asOf, losses, Map.of());
  }

  /**
   * Builds the start at a date, with the arrival flow's priors for a date before the scenario's
   * start.
   *
   * @param scenario the scenario read as of the date (its stocks are those published by then)
   * @param asOf the as-of date
   * @param losses the dated loss of each stronghold the shared data knows, by stronghold id
   * @param arrivals the arrival flow's parameters ({@code arrivals_per_month.YYYY}), added to a
   *     scenario that starts at a date before its own start when it has none of its own
   * @return the scenarios to run and to show
   */
  public static AsOfStart of(
      Scenario scenario,
      LocalDate asOf,
      Map<String, KnownLoss> losses,
      Map<String, Parameter> arrivals) {
    YearMonth start = scenario.start();
    YearMonth month = YearMonth.from(asOf);
    if (month.isBefore(start)) {
      return before(scenario, asOf, arrivals);
    }
    if (!month.isAfter(start)) {
      return new AsOfStart(scenario, scenario, 0, List.of());
    }
    int k = (int) ChronoUnit.MONTHS.between(start, month);
    List<String> changes = new ArrayList<>();
    List<Stronghold> strongholds = new ArrayList<>();
    Map<String, Parameter> parameters = new LinkedHashMap<>(scenario.parameters());
    for (Stronghold h : scenario.drivers().strongholds()) {
      if (h.fallParameter() == null) {
        strongholds.add(h);
        continue;
      }
      KnownLoss loss = losses.get(h.id());
      if (loss != null && !loss.date().isAfter(asOf)) {
        strongholds.add(
            new Stronghold(
                h.id(), h.name(), h.country(), h.weight(), loss.date(), loss.source(), null));
        changes.add(h.name() + " lost on " + loss.date() + " (" + loss.source() + ")");
        continue;
      }
      strongholds.add(h);
      Parameter p = scenario.parameters().get(h.fallParameter());
      Prior cut = heldUntil(p.prior(), k);
      if (!cut.equals(p.prior())) {
        parameters.put(p.name(), p.withPrior(cut));
        changes.add(
            h.name()
                + " still held on "
                + asOf
                + ": "
                + p.name()
                + " "
                + p.prior().describe()
                + " cut to "
                + cut.describe()
                + (p.prior() instanceof Prior.Uniform ? "" : " (approximation)"));
      }
    }
    Drivers known = withStrongholds(scenario.drivers(), strongholds, 0);
    Scenario run = copy(scenario, start, k + scenario.months(), known, parameters);
    Scenario shown = copy(scenario, month, scenario.months(), known, parameters);
    return new AsOfStart(run, shown, k, changes);
  }

  /**
   * The months after the as-of date within which a stronghold falls whose loss came after the date
   * but before the scenario's start (an analyst on the date did not know when, or whether, it would
   * fall): uniform over 0 to this many months. An assumption, range 12 to 60 months: the cities
   * lost in 2015 and 2016 fell one to three years after the caliphate's peak
   * (territory_events.csv).
   */
  public static final double UNKNOWN_FALL_MONTHS = 36;

  /** The names of parameters counted in months after the scenario's start. */
  private static final List<String> MONTH_PARAMETERS = List.of("merger_month");

  /**
   * A scenario started at an as-of month before its own start: month 0 is the as-of month (the
   * stocks are those published by the date), the horizon is the scenario's; the arrival flow's
   * priors are added; strongholds lost after the date lose their dated loss and fall at an unknown
   * month ({@link #UNKNOWN_FALL_MONTHS}); the fall months of those still held at the scenario's
   * start, the merger month and the drivers' steps are moved by the months between the two starts.
   */
  private static AsOfStart before(
      Scenario scenario, LocalDate asOf, Map<String, Parameter> arrivals) {
    YearMonth month = YearMonth.from(asOf);
    int d = (int) ChronoUnit.MONTHS.between(month, scenario.start());
    List<String> changes = new ArrayList<>();
    Map<String, Parameter> parameters = new LinkedHashMap<>(scenario.parameters());
    boolean own =
        parameters.keySet().stream().anyMatch(n -> n.startsWith(ARRIVALS_PER_MONTH_PREFIX));
    if (!own) {
      for (Parameter p : arrivals.values()) {
        parameters.put(p.name(), p);
        changes.add("arrival flow " + p.name() + " " + p.prior().describe());
      }
    }
    List<Stronghold> strongholds = new ArrayList<>();
    for (Stronghold h : scenario.drivers().strongholds()) {
      if (h.lostOn() != null && !h.lostOn().isAfter(asOf)) {
        strongholds.add(h);
      } else if (h.lostOn() != null) {
        String name = "fall_month." + h.id();
        Prior prior = new Prior.Uniform(0, UNKNOWN_FALL_MONTHS);
        parameters.put(
            name,
            new Parameter(
                name,
                prior,
                "months after start",
                List.of(),
                "Lost on "
                    + h.lostOn()
                    + ", after the as-of date "
                    + asOf
                    + ": not known then; falls at an unknown month within "
                    + UNKNOWN_FALL_MONTHS
                    + " months (AsOfStart.UNKNOWN_FALL_MONTHS).",
                "Month " + h.name() + " falls (as of " + asOf + ")."));
        strongholds.add(
            new Stronghold(h.id(), h.name(), h.country(), h.weight(), null, null, name));
        changes.add(
            h.name()
                + " lost on "
                + h.lostOn()
                + ", not known by "
                + asOf
                + ": "
                + prior.describe());
      } else {
        strongholds.add(h);
        shift(parameters, h.fallParameter(), d, changes);
      }
    }
    for (String name : MONTH_PARAMETERS) {
      if (parameters.containsKey(name)) {
        shift(parameters, name, d, changes);
      }
    }
    Drivers drivers = withStrongholds(scenario.drivers(), strongholds, d);
    Scenario run = copy(scenario, month, scenario.months(), drivers, parameters);
    changes.add(
        "month 0 is "
            + month
            + ", "
            + d
            + " months before the scenario's start "
            + scenario.start()
            + ": fall months, the merger month and the drivers' steps moved by "
            + d);
    return new AsOfStart(run, run, 0, changes);
  }

  /** The prefix of the arrival flow's parameters (as {@code CompiledModel.ARRIVALS_PER_MONTH}). */
  public static final String ARRIVALS_PER_MONTH_PREFIX = "arrivals_per_month.";

  private static void shift(
      Map<String, Parameter> parameters, String name, int d, List<String> changes) {
    Parameter p = parameters.get(name);
    Prior moved = shifted(p.prior(), d);
    parameters.put(name, p.withPrior(moved));
    changes.add(name + " " + p.prior().describe() + " moved to " + moved.describe());
  }

  /**
   * A prior in months moved later by d months: exact for fixed, uniform and triangular priors; a
   * log-uniform one becomes the uniform over its moved range (an approximation).
   */
  static Prior shifted(Prior prior, int d) {
    if (prior instanceof Prior.Fixed f) {
      return new Prior.Fixed(f.value() + d);
    }
    if (prior instanceof Prior.Triangular t) {
      return new Prior.Triangular(t.low() + d, t.mode() + d, t.high() + d);
    }
    return new Prior.Uniform(prior.quantile(0) + d, prior.quantile(1) + d);
  }

  private static Drivers withStrongholds(Drivers d, List<Stronghold> strongholds, int shift) {
    return new Drivers(
        strongholds,
        moved(d.borderClosure(), shift),
        moved(d.routeScreening(), shift),
        moved(d.prosecutionMultiplier(), shift),
        moved(d.rehabilitation(), shift),
        d.repatriation());
  }

  private static List<Step> moved(List<Step> steps, int shift) {
    if (shift == 0) {
      return steps;
    }
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      out.add(new Step(s.fromMonth() == 0 ? 0 : s.fromMonth() + shift, s.parameter()));
    }
    return out;
  }

  /**
   * A fall-month prior given that the city has not fallen before month k.
   *
   * @param prior months after the scenario's start
   * @param k the as-of month, counted from the start
   * @return the prior unchanged when all of it is at k or later, else the cut prior
   */
  static Prior heldUntil(Prior prior, int k) {
    double low = prior.quantile(0);
    double high = prior.quantile(1);
    if (low >= k) {
      return prior;
    }
    if (high > k) {
      return new Prior.Uniform(k, high);
    }
    return new Prior.Uniform(k, k + Math.max(1, high - low));
  }

  private static Scenario copy(
      Scenario s, YearMonth start, int months, Drivers drivers, Map<String, Parameter> parameters) {
    return new Scenario(
        s.name(),
        s.description(),
        start,
        months,
        s.regions(),
        s.origins(),
        s.places(),
        s.groups(),
        s.dispatchTargets(),
        drivers,
        parameters,
        s.exitPropensity());
  }
}
