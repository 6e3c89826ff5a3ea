package org.dispersal.app.hindcast;

import java.time.LocalDate;
import java.util.Locale;
import org.dispersal.assimilation.AsOfStart;
import org.dispersal.input.data.ArrivalPriors;
import org.dispersal.input.data.SharedData;
import org.dispersal.input.data.StrongholdLosses;
import org.dispersal.model.Scenario;

/**
 * Where a hindcast's forecast starts ({@code dispersal hindcast --start-at-date} or {@code
 * --start-at-scenario}, the service's {@code startAt}): at its forecast date, as {@code dispersal
 * forecast --as-of} starts (the default), or at the scenario's own start with only the information
 * set frozen at the date (the rule before December 2026).
 */
public enum ForecastStart {
  /**
   * Month 0 is the forecast date's month ({@link AsOfStart}): strongholds lost by the date are
   * lost, those still held cannot fall before it, and before 2017 people still arrive; the horizon
   * runs from the date.
   */
  DATE,
  /** Month 0 is the scenario's start, whatever the forecast date; the horizon runs from it. */
  SCENARIO;

  /** The name in the service's {@code startAt} and in manifests. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * A scenario read as of a date, started where this rule says.
   *
   * @param asOfDate the scenario with the information set of the date
   * @param date the forecast date
   * @return the scenario to run
   */
  public Scenario at(Scenario asOfDate, LocalDate date) {
    if (this == SCENARIO) {
      return asOfDate;
    }
    SharedData data = SharedData.shipped();
    return AsOfStart.of(asOfDate, date, StrongholdLosses.of(data), ArrivalPriors.of(data)).run();
  }

  /** What the manifest's {@code startAt} entry says. */
  public String describe() {
    return id()
        + (this == DATE
            ? ": month 0 is the month of the forecast date"
            : ": month 0 is the start of the scenario")
        + ", the horizon runs from it";
  }
}
