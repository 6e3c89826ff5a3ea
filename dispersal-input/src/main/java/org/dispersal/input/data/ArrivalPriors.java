package org.dispersal.input.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.assimilation.AsOfStart;
import org.dispersal.model.Parameter;
import org.dispersal.model.Prior;

/**
 * The priors of the arrival flow ({@code arrivals_per_month.YYYY}: people arriving in the core
 * theatre per month of calendar year YYYY, all origins together) that a forecast started before
 * 2017 uses ({@link AsOfStart}), from the shared data's published monthly arrival rates ({@code
 * parameters.csv}, source {@code USMIL_FLOW}: "arrivals averaged 2,000/month 2013-2015, fewer than
 * 500/month by 2016"; PRIORS.md S6: more than 1,000 a month in 2014, some estimates 200 a month in
 * 2016).
 *
 * <ul>
 *   <li>2013, 2014, 2015: uniform({@value #PEAK_LOW}, {@value #PEAK_HIGH}) a month, around the
 *       2,000 average with the lower "more than 1,000" of 2014;
 *   <li>2016: uniform({@value #LATE_LOW}, {@value #LATE_HIGH}), "fewer than 500", down to the
 *       lowest estimate 200;
 *   <li>2017 on: no parameter, so no arrivals: no source gives a flow once the Turkish frontier was
 *       closed, and the default scenario starts in February 2017 without one.
 * </ul>
 */
public final class ArrivalPriors {

  /** The lower end of the 2013-2015 monthly arrivals (S6: more than 1,000 a month in 2014). */
  public static final double PEAK_LOW = 1000;

  /** The upper end of the 2013-2015 monthly arrivals (USMIL_FLOW: 2,000 on average; + 25%). */
  public static final double PEAK_HIGH = 2500;

  /** The lower end of the 2016 monthly arrivals (S6: some estimates 200). */
  public static final double LATE_LOW = 200;

  /** The upper end of the 2016 monthly arrivals (USMIL_FLOW: fewer than 500). */
  public static final double LATE_HIGH = 500;

  /** The source of the published rates. */
  public static final String SOURCE = "USMIL_FLOW";

  private ArrivalPriors() {}

  /**
   * The arrival flow's parameters by name.
   *
   * @param data the shared data, which must hold the published monthly arrival rates
   * @return {@code arrivals_per_month.2013} to {@code .2016}
   * @throws IllegalStateException if the shared data lacks the rates
   */
  public static Map<String, Parameter> of(SharedData data) {
    long rows =
        data.parameters().stream()
            .filter(p -> SOURCE.equals(p.sourceId()) && p.parameter().contains("arrivals"))
            .count();
    if (rows < 2 || data.source(SOURCE).isEmpty()) {
      throw new IllegalStateException(
          "the shared data lacks the monthly arrival rates of " + SOURCE + " (parameters.csv)");
    }
    Map<String, Parameter> out = new LinkedHashMap<>();
    for (int year = 2013; year <= 2016; year++) {
      boolean late = year == 2016;
      String name = AsOfStart.ARRIVALS_PER_MONTH_PREFIX + year;
      out.put(
          name,
          new Parameter(
              name,
              late
                  ? new Prior.Uniform(LATE_LOW, LATE_HIGH)
                  : new Prior.Uniform(PEAK_LOW, PEAK_HIGH),
              "people per month",
              List.of(SOURCE),
              null,
              "Foreign fighters arriving in the core theatre each month of "
                  + year
                  + ", all origins"
                  + (late
                      ? " (fewer than 500 a month by 2016)."
                      : " (2,000 a month on average).")));
    }
    return out;
  }
}
