package org.dispersal.input.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.reporting.ReportedFigure;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.reporting.SourceType;
import org.dispersal.stocks.Figure;
import org.dispersal.stocks.Measure;

/**
 * The figures a reporting model is estimated from at a forecast date: every per-country count of
 * the shared data (travelled, women, minors, returned) and every observed figure whose source was
 * public by then, each with its source's type. A figure that appears in both (an observation row
 * copied from the shared data) counts once.
 */
public final class ReportedFigures {

  private ReportedFigures() {}

  /**
   * The figures published by a date.
   *
   * @param data the shared data (sources, country figures)
   * @param records observed figures, from any files
   * @param asOf the forecast date
   * @return the figures, shared data first, in file order
   */
  public static List<ReportedFigure> publishedBy(
      SharedData data, List<ObservationRecord> records, LocalDate asOf) {
    List<ReportedFigure> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (CountryFigure f : data.countryFigures()) {
      if (!data.source(f.sourceId()).map(s -> InformationSet.admits(s, asOf)).orElse(false)) {
        continue;
      }
      for (Measure m : Measure.values()) {
        f.figure(m)
            .filter(Figure::hasLow)
            .ifPresent(
                fig -> {
                  String subject = subject("country", f.iso3(), demographic(m), measure(m));
                  LocalDate date = f.asOf().last();
                  double value = fig.high() == null ? fig.low() : 0.5 * (fig.low() + fig.high());
                  add(out, seen, data, subject, f.sourceId(), date, value);
                });
      }
    }
    for (ObservationRecord r : records) {
      if (!r.publishedBy(asOf, data) || r.low() == null) {
        continue;
      }
      String subject = subject(r.scope(), r.scopeId(), r.demographic(), r.measure().id());
      add(out, seen, data, subject, r.sourceId(), r.lastDay(), r.range().representative());
    }
    return out;
  }

  /**
   * The reporting model estimated from the figures published by a date.
   *
   * @param data the shared data
   * @param records observed figures
   * @param asOf the forecast date
   * @return the estimate
   */
  public static ReportingModel model(
      SharedData data, List<ObservationRecord> records, LocalDate asOf) {
    return ReportingModel.estimate(publishedBy(data, records, asOf), asOf);
  }

  /** The type of a source: from its organisation, press when the shared data does not name it. */
  public static SourceType type(SharedData data, String sourceId) {
    return data.source(sourceId)
        .map(s -> SourceType.classify(s.organisation()))
        .orElse(SourceType.PRESS);
  }

  private static void add(
      List<ReportedFigure> out,
      Set<String> seen,
      SharedData data,
      String subject,
      String sourceId,
      LocalDate date,
      double value) {
    if (seen.add(subject + "|" + sourceId + "|" + date)) {
      out.add(new ReportedFigure(subject, sourceId, type(data, sourceId), date, value));
    }
  }

  private static String subject(String scope, String id, String demographic, String measure) {
    return scope + ":" + id + ":" + demographic + ":" + measure;
  }

  private static String demographic(Measure m) {
    return switch (m) {
      case WOMEN -> "women";
      case MINORS -> "minors";
      default -> "all";
    };
  }

  private static String measure(Measure m) {
    return m == Measure.RETURNED ? "returned" : "travelled";
  }
}
