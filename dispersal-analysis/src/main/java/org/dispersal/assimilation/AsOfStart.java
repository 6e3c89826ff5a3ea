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
 * <p>For an as-of month not after the scenario's start nothing changes here: the stocks are already
 * those published by the date (the reader's {@code withAsOf}).
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
   * @param losses the dated loss of each stronghold the shared data knows, by stronghold id (losses
   *     after the as-of date are ignored here)
   * @return the scenarios to run and to show
   */
  public static AsOfStart of(Scenario scenario, LocalDate asOf, Map<String, KnownLoss> losses) {
    YearMonth start = scenario.start();
    YearMonth month = YearMonth.from(asOf);
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
    Drivers d = scenario.drivers();
    Drivers known =
        new Drivers(
            strongholds,
            d.borderClosure(),
            d.routeScreening(),
            d.prosecutionMultiplier(),
            d.rehabilitation(),
            d.repatriation());
    Scenario run = copy(scenario, start, k + scenario.months(), known, parameters);
    Scenario shown = copy(scenario, month, scenario.months(), known, parameters);
    return new AsOfStart(run, shown, k, changes);
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
        parameters);
  }
}
