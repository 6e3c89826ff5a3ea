package org.dispersal.output.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dispersal.output.text.Json;
import org.dispersal.scoring.Scorecard;

/**
 * A scenario's track record as shipped: the {@code scorecard.json} of its documented hindcast
 * ({@link ScorecardJson}), read from the resource {@code
 * org/dispersal/output/track-record/<scenario>.json}, and put into plain words from its numbers for
 * the brief and the report. {@code scripts/track-record.sh} regenerates the file.
 *
 * @param scenario the scenario the hindcast forecast
 * @param command the command that produced the scorecard
 * @param forecastDates the hindcast's forecast dates, ascending
 * @param figures figures scored (pooled over dates and horizons)
 * @param sources their sources
 * @param coverage90 observed coverage of the 90% intervals
 * @param coverage50 observed coverage of the 50% intervals
 * @param persistenceEqual CRPS skill against persistence, each figure weighted equally
 * @param trendEqual CRPS skill against the linear trend, each figure weighted equally
 * @param persistencePeople CRPS skill against persistence, weighted by people
 * @param trendPeople CRPS skill against the linear trend, weighted by people
 * @param trendFigures figures with a trend baseline
 * @param verdict the verdict's summary
 * @param met the targets met, in words
 * @param missed the targets missed, in words
 * @param publishedFigures whether the hindcast forecast the published figures (the reporting model
 *     on), so that its intervals are wider than the counts' intervals a report shows
 */
public record PublishedScorecard(
    String scenario,
    String command,
    List<String> forecastDates,
    int figures,
    int sources,
    double coverage90,
    double coverage50,
    double persistenceEqual,
    double trendEqual,
    double persistencePeople,
    double trendPeople,
    int trendFigures,
    String verdict,
    List<String> met,
    List<String> missed,
    boolean publishedFigures) {

  /** The folder of the shipped scorecards among the resources. */
  public static final String FOLDER = "org/dispersal/output/track-record/";

  /** Copies the lists. */
  public PublishedScorecard {
    forecastDates = List.copyOf(forecastDates);
    met = List.copyOf(met);
    missed = List.copyOf(missed);
  }

  /** The shipped scorecard of a scenario, if a hindcast of it has been scored. */
  public static Optional<PublishedScorecard> shipped(String scenario) {
    if (!scenario.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      return Optional.empty();
    }
    try (InputStream in =
        PublishedScorecard.class
            .getClassLoader()
            .getResourceAsStream(FOLDER + scenario + ".json")) {
      return in == null ? Optional.empty() : Optional.of(read(Json.MAPPER.readTree(in)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped scorecard of " + scenario, e);
    }
  }

  /** Reads a {@code scorecard.json} document. */
  public static PublishedScorecard read(JsonNode root) {
    JsonNode all = root.path("pooled").path(0);
    List<String> dates = new ArrayList<>();
    root.path("forecast_dates").forEach(d -> dates.add(d.asText()));
    List<String> met = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    for (JsonNode t : root.path("verdict").path("targets")) {
      String status = t.path("status").asText();
      if (status.equals("met")) {
        met.add(t.path("goal").asText());
      } else if (status.equals("missed")) {
        missed.add(t.path("goal").asText());
      }
    }
    JsonNode skill = all.path("skill");
    return new PublishedScorecard(
        root.path("scenario").asText(),
        root.path("command").asText(),
        dates,
        all.path("figures").asInt(),
        all.path("sources").asInt(),
        coverage(all, 0.9),
        coverage(all, 0.5),
        number(skill.path("persistence_equal").path("value")),
        number(skill.path("trend_equal").path("value")),
        number(skill.path("persistence_people").path("value")),
        number(skill.path("trend_people").path("value")),
        skill.path("trend_equal").path("figures").asInt(),
        root.path("verdict").path("summary").asText(),
        met,
        missed,
        root.path("published_figures").asBoolean(false));
  }

  private static double coverage(JsonNode group, double level) {
    for (JsonNode c : group.path("coverage")) {
      if (Math.abs(c.path("level").asDouble() - level) < 1e-9) {
        return number(c.path("observed"));
      }
    }
    return Double.NaN;
  }

  private static double number(JsonNode n) {
    return n.isNumber() ? n.asDouble() : Double.NaN;
  }

  /** "at 2017-02-13", or "at each of 6 forecast dates, 2015-06-01 to 2017-08-01". */
  public String frozenAt() {
    if (forecastDates.size() == 1) {
      return "at " + forecastDates.get(0);
    }
    return Numbers.fmt(
        "at each of %d forecast dates, %s to %s",
        forecastDates.size(), forecastDates.get(0), forecastDates.get(forecastDates.size() - 1));
  }

  /** The coverage and skill in two plain sentences, written from the numbers. */
  public String inWords() {
    return Numbers.fmt(
        "Frozen %s and scored against %d figures from %d sources published later, the"
            + " forecast's 90%% intervals held %s of the figures and its 50%% intervals %s (a"
            + " calibrated forecast: about 90%% and 50%%). Its CRPS skill, each figure weighted"
            + " equally, was %s against persistence (no change) and %s against the linear trend"
            + " (%d figures with a trend); weighted by people, %s and %s (0: no better than the"
            + " baseline; 100%%: perfect).",
        frozenAt(),
        figures,
        sources,
        Scorecard.pct(coverage90),
        Scorecard.pct(coverage50),
        Scorecard.skillPct(persistenceEqual),
        Scorecard.skillPct(trendEqual),
        trendFigures,
        Scorecard.skillPct(persistencePeople),
        Scorecard.skillPct(trendPeople));
  }

  /** How many targets are met, and what the coverage says about the intervals' width. */
  public String targets() {
    return (Numbers.fmt(
                "It meets %d of the %d targets these figures can measure.",
                met.size(), met.size() + missed.size())
            + " "
            + Scorecard.widthInWords(coverage90))
        .strip();
  }

  /**
   * The box of a report or the dashboard in plain words: {@link #inWords}, {@link #targets} and,
   * when the hindcast forecast published figures, that its intervals are wider than the counts'.
   */
  public String boxText() {
    String text = inWords() + " " + targets();
    return publishedFigures()
        ? text
            + " Those intervals are for the figures the sources would publish (the reporting"
            + " model, docs/REPORTING.md); the intervals of a forecast of the counts are narrower."
        : text;
  }

  /**
   * The "How good is this forecast?" text of a scenario: its shipped scorecard's {@link #boxText},
   * or a plain statement that no hindcast has scored it.
   *
   * @param scenario the scenario's name
   * @return the text
   */
  public static String boxText(String scenario) {
    return shipped(scenario)
        .map(PublishedScorecard::boxText)
        .orElse(
            "No hindcast has scored "
                + scenario
                + " against figures published later, so how often its intervals hold the truth"
                + " is unknown. Read its probabilities as the model's, not as calibrated odds.");
  }
}
