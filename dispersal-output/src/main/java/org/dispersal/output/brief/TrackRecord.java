package org.dispersal.output.brief;

import java.util.List;

/**
 * How well the forecast did when it could be checked: the hindcast of the scenario, scored against
 * figures published later.
 *
 * @param summary the figures in one paragraph
 * @param points a few points a reader should keep in mind
 * @param source where the figures are from
 */
public record TrackRecord(String summary, List<String> points, String source) {

  /** Copies the list. */
  public TrackRecord {
    points = List.copyOf(points);
  }

  /**
   * The hindcast of {@code isis-2017} from 13 February 2017 as published in docs/VALIDATION.md
   * (1,000 replications, seed 20170213, calibrated on the February 2017 figures, scored against 54
   * figures published later).
   */
  public static TrackRecord isis2017() {
    return new TrackRecord(
        "Frozen at 13 February 2017 and scored against 54 figures published later in 2017, the"
            + " forecast's 90% intervals held 28% of the figures (36% of the 28 figures other than"
            + " the numbers who travelled) and its 50% intervals 15%. A well calibrated forecast"
            + " would hold 90% and 50%. Its mean CRPS, 220.0 people, was barely better than"
            + " persistence's 221.1 (skill 0.005).",
        List.of(
            "The intervals are far too narrow, chiefly because the initial stocks of most"
                + " countries are treated as points while later sources differ by tens of per"
                + " cent. Read the probabilities in this brief as the model's, not as calibrated"
                + " odds.",
            "Killed is the best measure (Germany 145 observed vs 147 forecast, Norway 20 vs 17;"
                + " skill 0.46 against persistence). Returns were covered for the world (at least"
                + " 5,600 by October 2017) and the EU (1,200\u20131,500) but under-forecast for"
                + " the UK, Germany and Sweden and over-forecast for Jordan and North Africa.",
            "28 dynamic figures, most from one report, is a thin test: the skill figures are"
                + " signs, not measurements."),
        "docs/VALIDATION.md, \"The hindcast of isis-2017 from 13 February 2017\" (1,000"
            + " replications, seed 20170213)");
  }

  /** For a scenario without a scored hindcast: says so, and what the one hindcast showed. */
  public static TrackRecord none(String scenario) {
    return new TrackRecord(
        "No hindcast of "
            + scenario
            + " has been scored against later figures, so its track"
            + " record is unknown.",
        List.of(
            "The one scored hindcast, of isis-2017 from 13 February 2017, found its 90% intervals"
                + " held only 28% of the figures published later: read the probabilities in this"
                + " brief as the model's, not as calibrated odds."),
        "docs/VALIDATION.md");
  }
}
