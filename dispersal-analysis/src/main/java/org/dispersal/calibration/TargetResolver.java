package org.dispersal.calibration;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.dispersal.engine.Cohort;
import org.dispersal.engine.Compartment;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Demographic;
import org.dispersal.model.Origin;
import org.dispersal.model.Region;
import org.dispersal.scoring.ObservedRange;

/**
 * Lays an observed figure out on a compiled model, or says why it cannot.
 *
 * <p>Scopes: {@code world} (every cohort, remainders included), {@code region} (a region's id or
 * name, remainder included), {@code country} (the origin with that ISO alpha-3 code), {@code
 * countries} (codes joined by {@code +}, summed within each replication so the interval of the sum
 * is right). A country without an origin at the scenario's date (its people, if any, sit in a
 * remainder) cannot be resolved; in a {@code countries} list such codes are left out and named in
 * the note, and the list fails only when none of its codes has an origin.
 *
 * <p>Months: a figure dated in month m after the start describes month m. A figure dated up to
 * {@link #STALENESS_MONTHS} months before the start is compared with month 0: the stocks change
 * little in that time and published counts lag events by months. Anything older, or after the
 * horizon, is out of range.
 */
public final class TargetResolver {

  /** How many months before the start a figure may be dated and still describe month 0. */
  public static final int STALENESS_MONTHS = 3;

  private final CompiledModel model;

  /** A resolver for a model. */
  public TargetResolver(CompiledModel model) {
    this.model = model;
  }

  /** The model's origins, in its order (countries, groups and remainders). */
  public List<Origin> origins() {
    return model.scenario().origins();
  }

  /** A figure that cannot be laid out on the model, with the reason. */
  public static final class UnresolvableException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a reason. */
    public UnresolvableException(String reason) {
      super(reason);
    }
  }

  /** The result: the target and any caveat about the scope. */
  public record Resolved(Target target, String note) {}

  /**
   * Resolves a figure.
   *
   * @param label description for reports
   * @param date the month the figure describes
   * @param scope world, region, country or countries
   * @param scopeId the region, code or codes
   * @param demographic all, men, women or minors
   * @param measure what it counts
   * @param observed the range
   * @throws UnresolvableException with the reason when it cannot be laid out
   */
  public Resolved resolve(
      String label,
      YearMonth date,
      String scope,
      String scopeId,
      String demographic,
      ObservedMeasure measure,
      ObservedRange observed)
      throws UnresolvableException {
    return resolve(
        label, date, scope, scopeId, demographic, measure, observed, measure::includes, o -> true);
  }

  /**
   * Resolves a figure onto chosen compartments of chosen origins (the definitional mappings of
   * {@code org.dispersal.reporting.FigureDefinitions}: a residual, a sum over the reporting
   * countries only).
   *
   * @param label description for reports
   * @param date the month the figure describes
   * @param scope world, region, country or countries
   * @param scopeId the region, code or codes
   * @param demographic all, men, women or minors
   * @param measure what the figure counts (kept on the target)
   * @param observed the range
   * @param includes which compartments of a cohort from an origin count
   * @param origins which origins of the scope count; cohorts of other origins count nothing
   * @throws UnresolvableException with the reason when it cannot be laid out, or when no origin of
   *     the scope passes {@code origins}
   */
  public Resolved resolve(
      String label,
      YearMonth date,
      String scope,
      String scopeId,
      String demographic,
      ObservedMeasure measure,
      ObservedRange observed,
      BiPredicate<Compartment, Origin> includes,
      Predicate<Origin> origins)
      throws UnresolvableException {
    long m = ChronoUnit.MONTHS.between(model.scenario().start(), date);
    if (m < -STALENESS_MONTHS) {
      throw new UnresolvableException(
          "dated "
              + date
              + ", more than "
              + STALENESS_MONTHS
              + " months before the start "
              + model.scenario().start());
    }
    if (m > model.scenario().months()) {
      throw new UnresolvableException(
          "dated "
              + date
              + ", after the forecast horizon ("
              + model.scenario().months()
              + " months from "
              + model.scenario().start()
              + ")");
    }
    int month = (int) Math.max(0, m);
    Demographic demo = demographic(demographic);
    List<Cohort> cohorts = model.cohorts();
    boolean[] inScope = new boolean[cohorts.size()];
    String note = "";
    switch (scope) {
      case "world" -> java.util.Arrays.fill(inScope, true);
      case "region" -> {
        int r = region(scopeId);
        for (Cohort c : cohorts) {
          inScope[c.index()] = c.regionIndex() == r;
        }
      }
      case "country" -> {
        Origin o = country(scopeId);
        if (o == null) {
          throw new UnresolvableException(
              "country "
                  + scopeId
                  + " has no origin in the scenario at this date (no figure in"
                  + " the information set; its people, if any, are in a remainder)");
        }
        mark(cohorts, inScope, o);
      }
      case "countries" -> {
        List<String> missing = new ArrayList<>();
        int found = 0;
        for (String code : scopeId.split("\\+")) {
          Origin o = country(code);
          if (o == null) {
            missing.add(code);
          } else {
            mark(cohorts, inScope, o);
            found++;
          }
        }
        if (found == 0) {
          throw new UnresolvableException("none of the countries " + scopeId + " has an origin");
        }
        if (!missing.isEmpty()) {
          note = "no origin for " + String.join("+", missing) + " (left out of the sum)";
        }
      }
      default -> throw new UnresolvableException("unknown scope " + scope);
    }
    boolean any = false;
    boolean filtered = false;
    for (Cohort c : cohorts) {
      if (inScope[c.index()] && !origins.test(c.origin())) {
        inScope[c.index()] = false;
        filtered = true;
      }
      any |= inScope[c.index()];
    }
    if (!any && filtered) {
      throw new UnresolvableException(
          "no origin of the scope " + scope + " " + scopeId + " counts");
    }
    int[][] cells = new int[cohorts.size()][];
    for (Cohort c : cohorts) {
      if (!inScope[c.index()] || (demo != null && c.demographic() != demo)) {
        cells[c.index()] = new int[0];
        continue;
      }
      int[] global = c.compartments();
      List<Integer> local = new ArrayList<>();
      for (int j = 0; j < global.length; j++) {
        Compartment comp = model.compartments().get(global[j]);
        if (includes.test(comp, c.origin())) {
          local.add(j);
        }
      }
      cells[c.index()] = local.stream().mapToInt(Integer::intValue).toArray();
    }
    return new Resolved(new Target(label, month, cells, observed, measure), note);
  }

  private static void mark(List<Cohort> cohorts, boolean[] inScope, Origin o) {
    for (Cohort c : cohorts) {
      if (c.origin() == o) {
        inScope[c.index()] = true;
      }
    }
  }

  private Origin country(String code) {
    for (Origin o : model.scenario().origins()) {
      if (o.country() && o.id().equalsIgnoreCase(code)) {
        return o;
      }
    }
    return null;
  }

  private int region(String id) throws UnresolvableException {
    List<Region> regions = model.scenario().regions();
    for (int i = 0; i < regions.size(); i++) {
      Region r = regions.get(i);
      if (r.id().equalsIgnoreCase(id) || r.name().equalsIgnoreCase(id)) {
        return i;
      }
    }
    throw new UnresolvableException("the scenario has no region " + id);
  }

  private static Demographic demographic(String d) throws UnresolvableException {
    if (d == null || d.isEmpty() || d.equals("all")) {
      return null;
    }
    for (Demographic x : Demographic.values()) {
      if (x.id().equals(d.toLowerCase(Locale.ROOT))) {
        return x;
      }
    }
    throw new UnresolvableException("unknown demographic " + d);
  }
}
