package org.dispersal.hypotheses;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates every indicator on the events known by a date and updates the hypotheses' weights,
 * keeping an audit trail: which evidence moved which weight, and by how much.
 *
 * <p>Steps:
 *
 * <ol>
 *   <li>Reports dated after the as-of date are set aside (not yet known). The rest go through the
 *       {@link DuplicateGuard}.
 *   <li>Each indicator counts the distinct incidents that match its query and fall wholly inside
 *       its window by the as-of date. With at least {@code atLeast} of them it is
 *       <em>observed</em>: the evidence is dated by the incident that reached the threshold, and
 *       its reliability is the lowest among the {@code atLeast} most reliable incidents (the
 *       threshold needs all of them, so the evidence is as strong as the weakest one it needs). A
 *       window closed by the as-of date without that makes it <em>not observed</em>: evidence dated
 *       at the window's end with the indicator's coverage as reliability, if the indicator states
 *       one. Otherwise it is pending.
 *   <li>The evidence items are applied in date order (indicator order on a tie) with {@link
 *       OddsUpdate}, each indicator once. With reliabilities below 1 the order matters slightly;
 *       with all reliabilities 1 it does not.
 * </ol>
 *
 * <p>Indicators are treated as independent given the hypothesis; two indicators that watch the same
 * thing count it twice, which the analyst must avoid when writing them.
 */
public final class Updater {

  private Updater() {}

  /** What became of an indicator. */
  public enum Outcome {
    /** Threshold reached in the window. */
    OBSERVED,
    /** Window closed without the threshold; the absence was used with the stated coverage. */
    NOT_OBSERVED,
    /** Window closed without the threshold; no coverage stated, so the absence was not used. */
    NOT_OBSERVED_UNUSED,
    /**
     * Window closed without the threshold, but no event file covers the indicator's countries and
     * whole window ({@link Coverage}): the silence is a gap in the file, not evidence, and moves no
     * weight.
     */
    NOT_COVERED,
    /** Window still open (or not yet begun) at the as-of date. */
    PENDING,
    /** A figure indicator when no figures were given: neither evidence nor pending. */
    NO_FIGURES
  }

  /**
   * One indicator's state at the as-of date.
   *
   * @param indicator the indicator
   * @param outcome what became of it
   * @param incidents the distinct incidents counted, in date order (event indicators)
   * @param figures the figures that meet the threshold, in publication order (figure indicators)
   */
  public record Status(
      Indicator indicator, Outcome outcome, List<Event> incidents, List<Figure> figures) {

    /** How many incidents or figures were found. */
    public int found() {
      return incidents.size() + figures.size();
    }
  }

  /**
   * One evidence item applied to the weights.
   *
   * @param step 1, 2, ... in the order applied
   * @param date the date of the evidence
   * @param indicator the indicator it settles
   * @param observed whether it was observed (or its absence)
   * @param incidents the incidents behind it (empty for an absence or a figure)
   * @param figures the figure behind it (empty for an absence or events)
   * @param update the odds-form update with weights before and after
   */
  public record Evidence(
      int step,
      LocalDate date,
      Indicator indicator,
      boolean observed,
      List<Event> incidents,
      List<Figure> figures,
      OddsUpdate.Step update) {

    /** The ids of the reports or figures behind the evidence, for the audit trail. */
    public List<String> basisIds() {
      List<String> out = new ArrayList<>();
      incidents.forEach(e -> out.add(e.id()));
      figures.forEach(f -> out.add(f.id()));
      return out;
    }
  }

  /**
   * What happened to one report.
   *
   * @param event the report
   * @param use counted, duplicate, after the as-of date, or matched no indicator
   * @param detail the indicators it counted for, or the report it duplicates and why
   */
  public record EventNote(Event event, String use, String detail) {}

  /**
   * The whole update.
   *
   * @param set the hypotheses and indicators
   * @param asOf the as-of date
   * @param prior the prior weights
   * @param posterior the weights after all evidence
   * @param trail the evidence in the order applied
   * @param statuses every indicator's state, in set order
   * @param events every report with what became of it, in input order
   */
  public record Result(
      HypothesisSet set,
      LocalDate asOf,
      double[] prior,
      double[] posterior,
      List<Evidence> trail,
      List<Status> statuses,
      List<EventNote> events) {
    /** Copies the arrays, so the value cannot change after it is made. */
    public Result {
      prior = prior.clone();
      posterior = posterior.clone();
    }

    /** The weights at the prior (a copy). */
    @Override
    public double[] prior() {
      return prior.clone();
    }

    /** The weights after the evidence (a copy). */
    @Override
    public double[] posterior() {
      return posterior.clone();
    }
  }

  /** How a report was used. */
  public static final String COUNTED = "counted";

  /** A report left out as a duplicate. */
  public static final String DUPLICATE = "duplicate";

  /** A report dated after the as-of date. */
  public static final String AFTER_AS_OF = "after as-of";

  /** A report no indicator looks for (or outside every window). */
  public static final String UNMATCHED = "no indicator";

  /**
   * Runs the update.
   *
   * @param set the hypotheses and indicators
   * @param events the reports, in input order
   * @param asOf the date up to which reports are known
   * @param duplicateDays the largest gap in days between reports of one incident
   * @return the weights, the audit trail and the fate of every report
   */
  public static Result run(
      HypothesisSet set, List<Event> events, LocalDate asOf, int duplicateDays) {
    return run(set, events, null, asOf, duplicateDays);
  }

  /**
   * Runs the update with published figures as well as events. A figure indicator is observed when a
   * figure dated inside its window and published by the as-of date surely meets its threshold; the
   * evidence is dated by the publication of the first such figure and has that figure's
   * reliability.
   *
   * @param set the hypotheses and indicators
   * @param events the reports, in input order
   * @param figures the published figures, or null if none were given (figure indicators are then
   *     not evaluated)
   * @param asOf the date up to which reports and figures are known
   * @param duplicateDays the largest gap in days between reports of one incident
   * @return the weights, the audit trail and the fate of every report
   */
  public static Result run(
      HypothesisSet set,
      List<Event> events,
      List<Figure> figures,
      LocalDate asOf,
      int duplicateDays) {
    return run(set, events, figures, null, asOf, duplicateDays);
  }

  /**
   * Runs the update knowing what the event files cover. An event indicator whose window closed
   * without the threshold is evidence of absence only if some file's coverage spans its countries
   * and whole window; otherwise it is {@link Outcome#NOT_COVERED} and moves no weight.
   *
   * @param set the hypotheses and indicators
   * @param events the reports, in input order
   * @param figures the published figures, or null if none were given
   * @param coverage what the event files cover, one per file, or null to take every absence at the
   *     indicator's own coverage (the behaviour before files declared coverage)
   * @param asOf the date up to which reports and figures are known
   * @param duplicateDays the largest gap in days between reports of one incident
   * @return the weights, the audit trail and the fate of every report
   */
  public static Result run(
      HypothesisSet set,
      List<Event> events,
      List<Figure> figures,
      List<Coverage> coverage,
      LocalDate asOf,
      int duplicateDays) {
    List<Event> known = new ArrayList<>();
    for (Event e : events) {
      if (!e.lastDay().isAfter(asOf)) {
        known.add(e);
      }
    }
    DuplicateGuard.Result guarded = DuplicateGuard.apply(known, duplicateDays);
    Map<Event, List<String>> uses = new IdentityHashMap<>();
    List<Status> statuses = new ArrayList<>();
    List<Pending> items = new ArrayList<>();
    for (int k = 0; k < set.indicators().size(); k++) {
      Indicator ind = set.indicators().get(k);
      if (ind.watchesFigures()) {
        figureIndicator(k, ind, figures, asOf, statuses, items);
        continue;
      }
      List<Event> matched = new ArrayList<>();
      for (Event e : guarded.kept()) {
        if (ind.query().matches(e) && ind.inWindow(e, asOf)) {
          matched.add(e);
          uses.computeIfAbsent(e, x -> new ArrayList<>()).add(ind.id());
        }
      }
      matched.sort(Comparator.comparing(Event::lastDay).thenComparing(Event::firstDay));
      Outcome outcome;
      if (matched.size() >= ind.atLeast()) {
        outcome = Outcome.OBSERVED;
        List<Event> byReliability = new ArrayList<>(matched);
        byReliability.sort(Comparator.comparingDouble(Event::reliability).reversed());
        double r = byReliability.get(ind.atLeast() - 1).reliability();
        LocalDate date = matched.get(ind.atLeast() - 1).lastDay();
        items.add(new Pending(date, k, ind, true, List.copyOf(matched), List.of(), r));
      } else if (!ind.to().isAfter(asOf)) {
        if (coverage != null && coverage.stream().noneMatch(c -> c.covers(ind))) {
          outcome = Outcome.NOT_COVERED;
        } else if (ind.coverage() != null) {
          outcome = Outcome.NOT_OBSERVED;
          items.add(new Pending(ind.to(), k, ind, false, List.of(), List.of(), ind.coverage()));
        } else {
          outcome = Outcome.NOT_OBSERVED_UNUSED;
        }
      } else {
        outcome = Outcome.PENDING;
      }
      statuses.add(new Status(ind, outcome, List.copyOf(matched), List.of()));
    }
    items.sort(Comparator.comparing(Pending::date).thenComparingInt(Pending::order));
    double[] w = set.priorWeights();
    double[] prior = w.clone();
    List<Evidence> trail = new ArrayList<>();
    for (Pending p : items) {
      OddsUpdate.Step step = OddsUpdate.apply(w, p.indicator().likelihoods(p.observed()), p.r());
      w = step.after();
      trail.add(
          new Evidence(
              trail.size() + 1,
              p.date(),
              p.indicator(),
              p.observed(),
              p.incidents(),
              p.figures(),
              step));
    }
    Map<Event, DuplicateGuard.Duplicate> duplicateOf = new IdentityHashMap<>();
    for (DuplicateGuard.Duplicate d : guarded.duplicates()) {
      duplicateOf.put(d.event(), d);
    }
    List<EventNote> notes = new ArrayList<>();
    for (Event e : events) {
      if (e.lastDay().isAfter(asOf)) {
        notes.add(new EventNote(e, AFTER_AS_OF, "dated after " + asOf));
      } else if (duplicateOf.containsKey(e)) {
        DuplicateGuard.Duplicate d = duplicateOf.get(e);
        notes.add(new EventNote(e, DUPLICATE, "of " + d.keptId() + ": " + d.reason()));
      } else if (uses.containsKey(e)) {
        notes.add(new EventNote(e, COUNTED, String.join(" ", uses.get(e))));
      } else {
        notes.add(new EventNote(e, UNMATCHED, ""));
      }
    }
    return new Result(set, asOf, prior, w, trail, statuses, notes);
  }

  private static void figureIndicator(
      int k,
      Indicator ind,
      List<Figure> figures,
      LocalDate asOf,
      List<Status> statuses,
      List<Pending> items) {
    if (figures == null) {
      statuses.add(new Status(ind, Outcome.NO_FIGURES, List.of(), List.of()));
      return;
    }
    List<Figure> meeting = new ArrayList<>();
    for (Figure f : figures) {
      if (ind.figure().matches(f) && ind.inWindow(f, asOf) && ind.figure().meets(f)) {
        meeting.add(f);
      }
    }
    meeting.sort(Comparator.comparing(Figure::published));
    Outcome outcome;
    if (!meeting.isEmpty()) {
      outcome = Outcome.OBSERVED;
      Figure first = meeting.get(0);
      items.add(
          new Pending(
              first.published(), k, ind, true, List.of(), List.of(first), first.reliability()));
    } else if (!ind.to().isAfter(asOf) && ind.coverage() != null) {
      outcome = Outcome.NOT_OBSERVED;
      items.add(new Pending(ind.to(), k, ind, false, List.of(), List.of(), ind.coverage()));
    } else {
      outcome = ind.to().isAfter(asOf) ? Outcome.PENDING : Outcome.NOT_OBSERVED_UNUSED;
    }
    statuses.add(new Status(ind, outcome, List.of(), List.copyOf(meeting)));
  }

  private record Pending(
      LocalDate date,
      int order,
      Indicator indicator,
      boolean observed,
      List<Event> incidents,
      List<Figure> figures,
      double r) {}
}
