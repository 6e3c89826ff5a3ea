package org.dispersal.stocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.observation.Publication;
import org.dispersal.observation.TestFigures;
import org.dispersal.reporting.FigureDefinitions;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

class DeathTollsTest {

  private static final LocalDate AS_OF = LocalDate.of(2017, 2, 13);

  private static final StockRule RULE = StockRule.withDefaults();

  private static Origin country(String iso3, Range travelled) {
    return new Origin(
        iso3, "Name of " + iso3, "maghreb", true, travelled, null, null, null, null, List.of(), "");
  }

  private static ObservationRecord toll(
      int line, String month, String published, String iso3, Integer low, Integer high) {
    return TestFigures.monthly(
        line, month, published, "country", iso3, ObservedMeasure.KILLED, low, high);
  }

  private static Origin apply(Origin o, List<ObservationRecord> records) {
    return DeathTolls.apply(RULE, List.of(o), records, AS_OF, Publication.AS_WRITTEN).get(0);
  }

  /** The latent range of a counted point toll: [T / 1.00, T / 0.61]. */
  private static Range latent(int toll) {
    return new Range(toll, (int) Math.round(toll / FigureDefinitions.CONFIRMED_DEATH_SHARE_LOW));
  }

  /**
   * Morocco, December 2016: 553 dead (MA_BCIJ_2016_12) of 1,630. The toll is a floor under the
   * dead, divided by the confirmed share's range, 553-908, whose mid-point is 553 / 0.757; the
   * killed range stays unset (the share prior still gives the share) and the travelled range is
   * untouched.
   */
  @Test
  void aTollSetsTheFloorUnderTheDead() {
    Origin o =
        apply(
            country("MAR", Range.of(1630)),
            List.of(toll(2, "2016-12", "2016-12", "MAR", 553, 553)));
    assertThat(o.killedAtLeast()).isEqualTo(latent(553));
    assertThat(o.killedAtLeast().mid())
        .isCloseTo(553 / FigureDefinitions.CONFIRMED_DEATH_SHARE, within(0.5));
    assertThat(o.killed()).isNull();
    assertThat(o.travelled()).isEqualTo(Range.of(1630));
    assertThat(o.sources()).contains("SRC");
    assertThat(o.note()).contains("killed at least 553-");
  }

  /**
   * Two tolls published by the date: the latest sets the stock, as for the returned (Belgium 109
   * then 115); "more than X" is closed with the stock rule's margin.
   */
  @Test
  void theLatestTollPublishedByTheDateCounts() {
    Origin o =
        apply(
            country("BEL", Range.of(457)),
            List.of(
                toll(2, "2016-08", "2016-08", "BEL", 109, null),
                toll(3, "2016-12", "2017-01", "BEL", 115, 115)));
    assertThat(o.killedAtLeast()).isEqualTo(latent(115));
    Origin moreThan =
        apply(
            country("BEL", Range.of(457)),
            List.of(toll(2, "2016-08", "2016-08", "BEL", 109, null)));
    assertThat(moreThan.killedAtLeast())
        .isEqualTo(
            new Range(
                109,
                (int)
                    Math.round(
                        Math.round(109 * (1 + StockRule.DEFAULT_MORE_THAN_MARGIN))
                            / FigureDefinitions.CONFIRMED_DEATH_SHARE_LOW)));
  }

  /**
   * Figures published after the date change nothing, whether they describe a later month or an
   * earlier one (Tajikistan's 300 of July 2017; a higher Moroccan toll for December 2016 published
   * in March 2017).
   */
  @Test
  void tollsPublishedAfterTheDateChangeNothing() {
    List<Origin> origins = List.of(country("MAR", Range.of(1630)), country("TJK", Range.of(1100)));
    List<ObservationRecord> known = List.of(toll(2, "2016-12", "2016-12", "MAR", 553, 553));
    List<ObservationRecord> all =
        List.of(
            known.get(0),
            toll(3, "2016-12", "2017-03", "MAR", 900, 900),
            toll(4, "2017-07", "2017-07", "TJK", 300, 300),
            toll(5, "2017-01", "2017-02", "TJK", 250, 250));
    List<Origin> withKnown = DeathTolls.apply(RULE, origins, known, AS_OF, Publication.AS_WRITTEN);
    List<Origin> withAll = DeathTolls.apply(RULE, origins, all, AS_OF, Publication.AS_WRITTEN);
    assertThat(withAll).isEqualTo(withKnown);
    assertThat(withAll.get(1)).isEqualTo(origins.get(1));
    // the same figures on a later date do count
    List<Origin> later =
        DeathTolls.apply(RULE, origins, all, LocalDate.of(2017, 8, 1), Publication.AS_WRITTEN);
    assertThat(later.get(1).killedAtLeast()).isEqualTo(latent(300));
  }

  /**
   * Germany: 60 dead in October 2014, 760 travelled by the start. A cumulative toll needs no
   * scaling to the travellers of any date: at least 60 had died by the start, whatever the share.
   */
  @Test
  void anOldTollIsAFloorAsCounted() {
    Origin o =
        apply(country("DEU", Range.of(760)), List.of(toll(2, "2014-10", "2014-10", "DEU", 60, 60)));
    assertThat(o.killedAtLeast()).isEqualTo(latent(60));
    assertThat(o.killed()).isNull();
  }

  /** No toll: the origin comes back as it was, so its dead still come from the share prior. */
  @Test
  void noTollLeavesTheSharePrior() {
    Origin fra = country("FRA", Range.of(1700));
    List<ObservationRecord> others =
        List.of(
            toll(2, "2016-12", "2016-12", "MAR", 553, 553),
            TestFigures.monthly(
                3, "2016-12", "2016-12", "country", "FRA", ObservedMeasure.RETURNED, 200, 200),
            TestFigures.monthly(
                4, "2016-12", "2016-12", "world", "", ObservedMeasure.KILLED, 9, 9));
    Origin rest =
        new Origin(
            "rest:world", "Rest", "other", false, Range.of(500), null, null, null, null, null, "");
    List<Origin> out =
        DeathTolls.apply(RULE, List.of(fra, rest), others, AS_OF, Publication.AS_WRITTEN);
    assertThat(out).containsExactly(fra, rest);
    assertThat(out.get(0).killedAtLeast()).isNull();
  }

  /** A killed range given by the scenario itself is kept, the floor set beside it. */
  @Test
  void aScenariosOwnKilledRangeIsKeptBesideTheFloor() {
    Origin given =
        new Origin(
            "MAR",
            "Morocco",
            "maghreb",
            true,
            Range.of(1630),
            null,
            null,
            null,
            Range.of(400),
            List.of(),
            "");
    Origin o = apply(given, List.of(toll(2, "2016-12", "2016-12", "MAR", 553, 553)));
    assertThat(o.killed()).isEqualTo(Range.of(400));
    assertThat(o.killedAtLeast()).isEqualTo(latent(553));
  }

  /**
   * Bosnia, June 2016: "more than 50 men" killed. A toll of one demographic is a lower bound on
   * everyone's dead; an "up to X" of one demographic says nothing.
   */
  @Test
  void aTollOfOneDemographicIsALowerBound() {
    Origin o =
        apply(
            country("BIH", Range.of(330)),
            List.of(
                TestFigures.withDemographic(toll(2, "2016-06", "2016-06", "BIH", 50, 50), "men")));
    assertThat(o.killedAtLeast().low()).isEqualTo(50);
    assertThat(o.killedAtLeast().high())
        .isEqualTo((int) Math.round(55 / FigureDefinitions.CONFIRMED_DEATH_SHARE_LOW));
    Origin upTo =
        apply(
            country("BIH", Range.of(330)),
            List.of(
                TestFigures.withDemographic(
                    toll(2, "2016-06", "2016-06", "BIH", null, 50), "women")));
    assertThat(upTo.killedAtLeast()).isNull();
  }

  /** A toll defined as all deaths ({@code count}) is the stock itself, not divided. */
  @Test
  void aTollOfAllDeathsIsNotDivided() {
    Origin o =
        apply(
            country("MAR", Range.of(1630)),
            List.of(
                TestFigures.withDefinition(
                    toll(2, "2016-12", "2016-12", "MAR", 553, 553), "count")));
    assertThat(o.killedAtLeast()).isEqualTo(Range.of(553));
  }

  /**
   * A toll above the travelled figure is data: the travelled range is raised to the counted toll,
   * the floor is set, and the engine draws the initial stocks without failing, every traveller
   * accounted for.
   */
  @Test
  void aTollAboveTheTravelledFigureDoesNotFail() {
    Origin o =
        apply(country("NOR", Range.of(10)), List.of(toll(2, "2016-12", "2016-12", "NOR", 15, 15)));
    assertThat(o.travelled()).isEqualTo(Range.of(15));
    assertThat(o.killedAtLeast()).isEqualTo(latent(15));
    assertThat(o.note()).contains("travelled raised to 15");
    CompiledModel model = model(o);
    for (int r = 0; r < 200; r++) {
      int[][] stocks = TestScenarios.initialStocks(model, r);
      assertThat(sum(stocks, -1)).isEqualTo(15);
      assertThat(sum(stocks, CompiledModel.KILLED)).isBetween(0, 15);
    }
  }

  /**
   * What the engine draws from a toll's floor: 2,000 travelled (a point), a counted toll of 300,
   * the share prior 0.1 (200 dead). The floor, uniform on the integers 300 to 493, lies wholly
   * above the prior's 200, so the killed share is the floor's over 2,000, and the binomial draws by
   * demographic keep its mean (the combat factors reweight the demographics, not the total): the
   * initial dead have mean 396.5 = 300 / 0.757 (to 0.1) and a standard deviation of about 59 (56
   * from the uniform, 18 from the binomials). Over 4,000 replications the sample mean has a
   * standard error of 0.93 and the test allows 5 (5.4σ: a false failure about once in 10^7).
   */
  @Test
  void theEngineDrawsTheTollsFloorWithTheConfirmedSharesMean() {
    Origin o =
        apply(
            country("TJK", Range.of(2000)),
            List.of(toll(2, "2016-05", "2016-05", "TJK", 300, 300)));
    CompiledModel model = model(o);
    int reps = 4_000;
    double sum = 0;
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int r = 0; r < reps; r++) {
      int killed = sum(TestScenarios.initialStocks(model, r), CompiledModel.KILLED);
      sum += killed;
      min = Math.min(min, killed);
      max = Math.max(max, killed);
    }
    assertThat(sum / reps).isCloseTo((300 + 493) / 2.0, within(5.0));
    assertThat(300 / FigureDefinitions.CONFIRMED_DEATH_SHARE).isCloseTo(396.5, within(0.1));
    // the uniform's ends, blurred by the binomials (sd at most 20): never below 200 or above 600
    assertThat(min).isBetween(200, 330);
    assertThat(max).isBetween(460, 600);
  }

  private static CompiledModel model(Origin o) {
    Map<String, Double> v = new HashMap<>();
    v.put("stock_revision", 1.0);
    v.put("share_killed_by_start", 0.1);
    return new CompiledModel(TestScenarios.small(List.of(o), v, 1));
  }

  /** The sum of one compartment over the cohorts, or of every compartment for -1. */
  private static int sum(int[][] stocks, int compartment) {
    int n = 0;
    for (int[] s : stocks) {
      if (compartment < 0) {
        for (int x : s) {
          n += x;
        }
      } else {
        n += s[compartment];
      }
    }
    return n;
  }
}
