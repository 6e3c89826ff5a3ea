package org.dispersal.output.brief;

import static org.assertj.core.api.Assertions.assertThat;

import org.dispersal.output.validation.PublishedScorecard;
import org.dispersal.scoring.Scorecard;
import org.junit.jupiter.api.Test;

class TrackRecordTest {

  @Test
  void theShippedScorecardIsWordedFromItsNumbersWithTheCommandThatMadeIt() {
    PublishedScorecard card = PublishedScorecard.shipped("isis-2017").orElseThrow();
    assertThat(card.command()).startsWith("dispersal hindcast --as-of 2017-02-13 --observations");
    TrackRecord t = TrackRecord.forScenario("isis-2017");
    assertThat(t.summary())
        .contains("Frozen at 2017-02-13")
        .contains(card.figures() + " figures from " + card.sources() + " sources")
        .contains("90% intervals held " + Scorecard.pct(card.coverage90()))
        .contains("50% intervals " + Scorecard.pct(card.coverage50()))
        .contains(Scorecard.skillPct(card.persistenceEqual()) + " against persistence");
    assertThat(t.points()).contains(card.verdict());
    assertThat(t.points().get(1))
        .isEqualTo(
            card.missed().isEmpty()
                ? "Every target these figures can measure is met."
                : "Missed: " + String.join("; ", card.missed()) + ".");
    assertThat(t.source()).contains(card.command());
    assertThat(TrackRecord.isis2017()).isEqualTo(t);
  }

  @Test
  void aScenarioWithoutAScorecardSaysNoHindcastScoredIt() {
    TrackRecord t = TrackRecord.forScenario("mali-2013");
    assertThat(t.summary())
        .isEqualTo(
            "No hindcast of mali-2013 has been scored against later figures, so its track record is"
                + " unknown.");
    assertThat(t.points())
        .singleElement()
        .asString()
        .startsWith("The one scored hindcast, of isis-2017 frozen at 2017-02-13: Scored against");
    assertThat(TrackRecord.forScenario("../../etc/passwd").summary()).startsWith("No hindcast");
  }
}
