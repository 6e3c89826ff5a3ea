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
 * The initial killed stock of each country from the death tolls published by a forecast date: where
 * the shared data has no killed column, the observation files do ({@code docs/DATA.md}, "Killed
 * stocks in a hindcast").
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
 *   <li><b>The same travellers.</b> A toll counts the dead among those who had travelled by its
 *       date, and the engine reads a killed range as a share of the travelled one. So the counted
 *       range is scaled by the ratio of the origin's travelled mid-point to the mid-point of the
 *       country's travelled figures as the stock rule reads them on the latest toll's date (the
 *       same {@link StockFigures}, those dated by then): Germany's 60 dead of October 2014 are a
 *       share of those who had travelled by then, not of the 760 of 2017. That is the assumption
 *       {@code share_killed_by_start} makes: the share killed holds for the travellers counted
 *       later. A country with no travelled figure by the toll's date keeps the ratio 1.
 *   <li><b>The latent stock.</b> A source counts the deaths it has confirmed, so the scaled range
 *       [a, b] is divided by the confirmed share of deaths c ∈ [{@link
 *       FigureDefinitions#CONFIRMED_DEATH_SHARE_LOW}, {@link
 *       FigureDefinitions#CONFIRMED_DEATH_SHARE_HIGH}] (0.61-1.00): the killed stock is [a / 1.00,
 *       b / 0.61], rounded. The engine draws it uniformly ({@code InitialStocks}), so a point toll
 *       T has the mean T · (1 + 23/14) / 2 = T / {@link FigureDefinitions#CONFIRMED_DEATH_SHARE}.
 *       Only when every toll of the country is defined as {@link Definition#COUNT} (all deaths, by
 *       its row or its source's rule) is the scaled range the stock itself.
 *   <li><b>Contradictions are data.</b> No one dies there without having travelled, so a counted
 *       toll above the travelled range raises its ends to the toll's, with a note, as a returned
 *       figure does ({@link StockRule}), though the remainders, already allocated, are not
 *       recomputed; a latent stock above the travelled one is a killed share of 1 in the engine.
 *       Nothing here stops a run.
 * </ol>
 *
 * <p>Origins that are not countries, that the scenario already gives a killed range, or that have
 * no toll are returned unchanged: their dead still come from the {@code share_killed_by_start}
 * prior. Pure; output order is the input order.
 */
public final class DeathTolls {

  private DeathTolls() {}

  /**
   * The origins with the killed stocks of the tolls public at a date.
   *
   * @param rule the stock rule whose window and margin reduce each country's tolls
   * @param origins the origins as the stock rule built them
   * @param figures the figures the stock rule read on the date, for the travelled figures of each
   *     country by a toll's date
   * @param records observed figures of any measure, published at any time
   * @param asOf the forecast date
   * @param publication when each figure became public, or null for {@link Publication#AS_WRITTEN}
   * @return the origins, in the same order, those with tolls carrying a killed range
   */
  public static List<Origin> apply(
      StockRule rule,
      List<Origin> origins,
      StockFigures figures,
      List<ObservationRecord> records,
      LocalDate asOf,
      Publication publication) {
    Map<String, List<ObservationRecord>> byCountry = tolls(records, asOf, publication);
    Map<String, List<DatedFigure>> travelled = new LinkedHashMap<>();
    for (StockFigures.CountryFigures c : figures.countries()) {
      travelled.put(c.iso3(), c.of(Measure.TRAVELLED));
    }
    Estimator estimator = new Estimator(rule.window(), rule.moreThanMargin());
    List<Origin> out = new ArrayList<>(origins.size());
    for (Origin o : origins) {
      List<ObservationRecord> tolls = byCountry.get(o.id());
      if (!o.country() || o.killed() != null || tolls == null) {
        out.add(o);
        continue;
      }
      List<DatedFigure> dated = new ArrayList<>();
      for (ObservationRecord r : tolls) {
        figure(r).ifPresent(f -> dated.add(new DatedFigure(r.sourceId(), day(r), r.date(), f)));
      }
      Optional<Estimator.Estimate> counted = estimator.estimate(dated);
      if (counted.isEmpty()) {
        out.add(o);
        continue;
      }
      LocalDate latest =
          dated.stream()
              .filter(d -> d.figure().hasLow())
              .map(DatedFigure::date)
              .max(LocalDate::compareTo)
              .orElseThrow();
      List<DatedFigure> before =
          travelled.getOrDefault(o.id(), List.of()).stream()
              .filter(d -> !d.date().isAfter(latest))
              .toList();
      out.add(withKilled(o, counted.get(), estimator.estimate(before).orElse(null), tolls));
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

  /**
   * The origin with the killed stock of its counted toll.
   *
   * @param then the country's travelled figures on the latest toll's date, or null for none
   */
  private static Origin withKilled(
      Origin o,
      Estimator.Estimate counted,
      Estimator.Estimate then,
      List<ObservationRecord> tolls) {
    boolean allDeaths =
        tolls.stream().allMatch(r -> FigureDefinitions.given(r) == Definition.COUNT);
    Range c = counted.range();
    double ratio =
        then == null || then.range().mid() <= 0 ? 1.0 : o.travelled().mid() / then.range().mid();
    double low = c.low() * ratio;
    double high = c.high() * ratio;
    Range killed =
        allDeaths
            ? new Range((int) Math.round(low), (int) Math.round(high))
            : new Range(
                (int) Math.round(low / FigureDefinitions.CONFIRMED_DEATH_SHARE_HIGH),
                (int) Math.round(high / FigureDefinitions.CONFIRMED_DEATH_SHARE_LOW));
    StringBuilder note = new StringBuilder(o.note() == null ? "" : o.note());
    if (note.length() > 0) {
      note.append("; ");
    }
    note.append("killed ").append(text(killed)).append(": counted ").append(text(c));
    note.append(" (").append(counted.note()).append(')');
    if (then == null) {
      note.append(", no travelled figure by then");
    } else if (ratio != 1.0) {
      note.append(
          String.format(
              Locale.ROOT,
              " among %s travelled then (%s), times %.2f for the %s travelled now",
              text(then.range()),
              then.note(),
              ratio,
              text(o.travelled())));
    }
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
          .append(text(raised))
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
        killed,
        List.copyOf(sources),
        note.toString());
  }

  private static String text(Range r) {
    return r.low() == r.high() ? String.valueOf(r.low()) : r.low() + "-" + r.high();
  }
}
