package org.dispersal.app.hindcast;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.dispersal.app.problem.InputException;
import org.dispersal.input.data.OriginBuilder;
import org.dispersal.input.data.ReportedFigures;
import org.dispersal.input.data.SharedData;
import org.dispersal.input.scenario.ScenarioReader;
import org.dispersal.model.Origin;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.stocks.PooledStocks;
import org.dispersal.stocks.Revisions;
import org.dispersal.stocks.StockFigures;

/**
 * Which rule builds the initial stocks of a forecast date from the shipped data ({@code --stocks}
 * of {@code dispersal hindcast} and {@code dispersal forecast --as-of}): the latest figure ({@link
 * org.dispersal.stocks.StockRule}, the default) or the pooled estimate ({@link PooledStocks}),
 * whose reporting model and revisions are estimated from the shared data's figures public by the
 * date.
 */
public enum StockChoice {
  /** The latest figure of each quantity with its contemporaries (the default). */
  LATEST,
  /** Every series' latest figure, de-biased, projected and pooled. */
  POOLED;

  /** The name on the command line and in manifests. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The rule named on the command line.
   *
   * @param text {@code latest} or {@code pooled}
   * @return the rule
   * @throws InputException naming the two rules
   */
  public static StockChoice parse(String text) {
    for (StockChoice c : values()) {
      if (c.id().equals(text)) {
        return c;
      }
    }
    throw InputException.field(
        "stocks",
        "'"
            + text
            + "' is not a stock rule: give latest (each quantity's latest figure, the default) or"
            + " pooled (every series' latest figure, de-biased and pooled)");
  }

  /**
   * A scenario reader whose {@code origins: shared-data} are built from {@code data} by this rule,
   * as of each scenario's date.
   *
   * @param data the shared data
   * @return the reader
   */
  public ScenarioReader reader(SharedData data) {
    return ScenarioReader.withDefaults().withSharedOrigins(asOf -> origins(data, asOf));
  }

  /**
   * The origins of the shipped data at a date under this rule.
   *
   * @param data the shared data
   * @param asOf the forecast date
   * @return the origins, in the order of {@link org.dispersal.stocks.Allocation#origins()}
   */
  public List<Origin> origins(SharedData data, LocalDate asOf) {
    if (this == LATEST) {
      return OriginBuilder.withDefaults().build(data, asOf);
    }
    StockFigures figures = OriginBuilder.figures(data, asOf);
    return pooled(data, figures, asOf).allocate(figures, asOf).origins();
  }

  /**
   * The rule and its constants at a date, for the manifest.
   *
   * @param data the shared data
   * @param asOf the forecast date
   * @return {@code latest}, or {@code pooled} with the constants it estimated
   */
  public String describe(SharedData data, LocalDate asOf) {
    if (this == LATEST) {
      return id();
    }
    return pooled(data, OriginBuilder.figures(data, asOf), asOf).describe();
  }

  private static PooledStocks pooled(SharedData data, StockFigures figures, LocalDate asOf) {
    ReportingModel reporting = ReportedFigures.model(data, List.of(), asOf);
    Function<String, String> series = id -> series(data, id);
    return new PooledStocks(
        reporting,
        Revisions.estimate(figures, series, asOf),
        series,
        id -> ReportedFigures.type(data, id));
  }

  /**
   * A source's series: the organisation that produced its figures (the part of {@code
   * sources.csv}'s organisation before " via ", which names the outlet that carried them), or the
   * source itself when none is named.
   */
  static String series(SharedData data, String sourceId) {
    String organisation = data.source(sourceId).map(s -> s.organisation()).orElse(null);
    if (organisation == null || organisation.isBlank()) {
      return sourceId;
    }
    String o = organisation.toLowerCase(Locale.ROOT).strip();
    for (String outlet : new String[] {" (via ", " via "}) {
      int at = o.indexOf(outlet);
      o = at > 0 ? o.substring(0, at).strip() : o;
    }
    return o;
  }
}
