package org.dispersal.output.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dispersal.output.validation.PublishedScorecard;

/**
 * How well the forecast did when it could be checked: the hindcast of the scenario, scored against
 * figures published later, worded from its shipped scorecard ({@link PublishedScorecard}).
 *
 * @param summary the figures in one paragraph
 * @param points a few points a reader should keep in mind
 * @param source where the figures are from
 */
public record TrackRecord(String summary, List<String> points, String source) {

  /** The scenario whose hindcast the product ships a scorecard for, as in docs/VALIDATION.md. */
  private static final String SCORED = "isis-2017";

  /** Copies the list. */
  public TrackRecord {
    points = List.copyOf(points);
  }

  /** The track record of a scenario: its shipped scorecard, or {@link #none} without one. */
  public static TrackRecord forScenario(String scenario) {
    return PublishedScorecard.shipped(scenario)
        .map(TrackRecord::of)
        .orElseGet(() -> none(scenario));
  }

  /** The track record of {@code isis-2017}, from its shipped scorecard. */
  public static TrackRecord isis2017() {
    return forScenario(SCORED);
  }

  /** The track record a scorecard shows. */
  static TrackRecord of(PublishedScorecard card) {
    List<String> points = new ArrayList<>();
    points.add(card.verdict());
    points.add(
        card.missed().isEmpty()
            ? "Every target these figures can measure is met."
            : "Missed: " + String.join("; ", card.missed()) + ".");
    if (card.publishedFigures()) {
      points.add(
          "The hindcast forecast the figures the sources would publish, with their reporting"
              + " error; the probabilities in this brief are for the counts themselves, whose"
              + " intervals are narrower.");
    }
    return new TrackRecord(
        card.inWords(), points, "docs/VALIDATION.md, the scorecard of " + card.command());
  }

  /**
   * For a scenario without a scored hindcast: says so, and what the one shipped hindcast showed.
   */
  public static TrackRecord none(String scenario) {
    List<String> points = new ArrayList<>();
    Optional<PublishedScorecard> scored = PublishedScorecard.shipped(SCORED);
    scored.ifPresent(
        card ->
            points.add(
                "The one scored hindcast, of "
                    + card.scenario()
                    + " frozen "
                    + card.frozenAt()
                    + ": "
                    + card.verdict()));
    return new TrackRecord(
        "No hindcast of "
            + scenario
            + " has been scored against later figures, so its track record is unknown.",
        points,
        "docs/VALIDATION.md");
  }
}
