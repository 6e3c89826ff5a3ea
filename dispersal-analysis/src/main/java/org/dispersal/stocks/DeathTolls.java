package org.dispersal.stocks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.observation.Publication;
import org.dispersal.reporting.Definition;
import org.dispersal.reporting.FigureDefinitions;

/**
 * A floor under the initial dead of each country from the death tolls published by a forecast date:
 * where the shared data has no killed column, the observation files do ({@code docs/DATA.md},
 * "Killed stocks in a hindcast").
 *
 * <ol>
 *   <li><b>Which tolls.</b> The {@code killed} figures of scope {@code country} that were public on
 *       the forecast date (the caller's {@link Publication}); nothing published later is read. Each
 *       is dated like a stock figure: the last day its {@code date} can mean, but not after its
 *       publication. A toll of one demographic ({@code men}, say) is a lower bound on everyone's
 *       dead: "more than X" (an "up to X" of one demographic says nothing and is left out).
 *   <li><b>The counted toll.</b> A country's tolls are reduced to one range by the rule of {@link
 *       StockRule}, as its returned figures are: the latest figure with its contemporaries, "more
 *       than X" closed with the margin, an earlier higher one within the window raising the high
 *       end.
 *   <li><b>A floor, not a share.</b> A toll is cumulative: the dead by its date were at least the
 *       toll, and the dead by the model's start at least the dead by the toll's date. So the toll
 *       bounds the initial dead from below ({@link Origin#killedAtLeast()}), needing no scaling to
 *       the travellers of any date, and the killed share still comes from the scenario's killed
 *       range or the {@code share_killed_by_start} prior; the engine takes the larger ({@code
 *       InitialStocks}). Germany's 60 dead of October 2014 say that at least 60 had died by 2017,
 *       not that the same share of the travellers of 2017 had.
 *   <li><b>Counted, so divided by the confirmed share.</b> A source counts the deaths it has
 *       confirmed, so the counted range [a, b] is divided by the confirmed share of deaths c ∈
 *       [{@link FigureDefinitions#CONFIRMED_DEATH_SHARE_LOW}, {@link
 *       FigureDefinitions#CONFIRMED_DEATH_SHARE_HIGH}] (0.61-1.00): the floor is [a / 1.00, b /
 *       0.61], rounded, drawn uniformly by the engine. Only when every toll of the country is
 *       defined as {@link Definition#COUNT} (all deaths, by its row or its source's rule) is the
 *       counted range the floor itself.
 *   <li><b>Contradictions are data.</b> No one dies there without having travelled, so a counted
 *       toll above the travelled range raises its ends to the toll's, with a note, as a returned
 *       figure does ({@link StockRule}), though the remainders, already allocated, are not
 *       recomputed; a floor above the travelled stock drawn is a killed share of 1 in the engine.
 *       Nothing here stops a run.
 * </ol>
 *
 * <p>Origins that are not countries or that have no toll are returned unchanged. Pure; output order
 * is the input order.
 */
public final class DeathTolls {

  private DeathTolls() {}

  /**
   * The origins with the floors under their dead from the tolls public at a date.
   *
   * @param rule the stock rule whose window and margin reduce each country's tolls
   * @param origins the origins as the stock rule built them
   * @param records observed figures of any measure, published at any time
   * @param asOf the forecast date
   * @param publication when each figure became public, or null for {@link Publication#AS_WRITTEN}
   * @return the origins, in the same order, those with tolls carrying a floor under their dead
   */
  public static List<Origin> apply(
      StockRule rule,
      List<Origin> origins,
      List<ObservationRecord> records,
      LocalDate asOf,
      Publication publication) {
    Map<String, List<ObservationRecord>> byCountry = tolls(records, asOf, publication);
    Estimator estimator = new Estimator(rule.window(), rule.moreThanMargin());
    List<Origin> out = new ArrayList<>(origins.size());
    for (Origin o : origins) {
      List<ObservationRecord> tolls = byCountry.get(o.id());
      if (!o.country() || tolls == null) {
        out.add(o);
        continue;
      }
      List<DatedFigure> dated = new ArrayList<>();
      for (ObservationRecord r : tolls) {
        figure(r).ifPresent(f -> dated.add(new DatedFigure(r.sourceId(), day(r), r.date(), f)));
      }
      Optional<Estimator.Estimate> counted = estimator.estimate(dated);
      out.add(counted.isEmpty() ? o : withFloor(o, counted.get(), tolls));
    }
    return List.copyOf(out);
  }

  /** The country tolls public on the date, by country, in the order of the records. */
  private static Map<String, List<ObservationRecord>> tolls(
      List<ObservationRecord> records, LocalDate asOf, Publication publication) {
    Map<String, List<ObservationRecord>> byCountry = new LinkedHashMap<>();
    for (ObservationRecord r : records) {
      if (r.measure() == ObservedMeasure.KILLED
          && "country".equals(r.scope())
          && r.publishedBy(asOf, publication)) {
        byCountry.computeIfAbsent(r.scopeId(), k -> new ArrayList<>()).add(r);
      }
    }
    return byCountry;
  }

  /** The toll as a figure of everyone's dead; empty for an "up to X" of one demographic. */
  private static Optional<Figure> figure(ObservationRecord r) {
    if ("all".equals(r.demographic())) {
      return Optional.of(new Figure(r.low(), r.high()));
    }
    return r.low() == null ? Optional.empty() : Optional.of(new Figure(r.low(), null));
  }

  /** The last day the figure can describe, but not after its publication. */
  private static LocalDate day(ObservationRecord r) {
    return r.lastDay().isAfter(r.publishedLast()) ? r.publishedLast() : r.lastDay();
  }

  /** The origin with the floor of its counted toll under its dead. */
  private static Origin withFloor(
      Origin o, Estimator.Estimate counted, List<ObservationRecord> tolls) {
    boolean allDeaths =
        tolls.stream().allMatch(r -> FigureDefinitions.given(r) == Definition.COUNT);
    Range c = counted.range();
    Range floor =
        allDeaths
            ? c
            : new Range(
                (int) Math.round(c.low() / FigureDefinitions.CONFIRMED_DEATH_SHARE_HIGH),
                (int) Math.round(c.high() / FigureDefinitions.CONFIRMED_DEATH_SHARE_LOW));
    StringBuilder note = new StringBuilder(o.note() == null ? "" : o.note());
    if (note.length() > 0) {
      note.append("; ");
    }
    note.append("killed at least ").append(floor.text()).append(": counted ").append(c.text());
    note.append(" (").append(counted.note()).append(')');
    if (!allDeaths) {
      note.append(
          String.format(
              Locale.ROOT,
              " divided by the confirmed share of deaths %.2f-%.2f",
              FigureDefinitions.CONFIRMED_DEATH_SHARE_LOW,
              FigureDefinitions.CONFIRMED_DEATH_SHARE_HIGH));
    }
    Range travelled = o.travelled();
    Range raised =
        new Range(Math.max(travelled.low(), c.low()), Math.max(travelled.high(), c.high()));
    if (!raised.equals(travelled)) {
      note.append("; travelled raised to ")
          .append(raised.text())
          .append(": the counted toll exceeds the travelled figure, and no one dies there without")
          .append(" having travelled");
    }
    Set<String> sources = new LinkedHashSet<>(o.sources());
    sources.addAll(counted.sources());
    return new Origin(
        o.id(),
        o.name(),
        o.region(),
        o.country(),
        raised,
        o.women(),
        o.minors(),
        o.returned(),
        o.killed(),
        floor,
        List.copyOf(sources),
        note.toString());
  }
}
