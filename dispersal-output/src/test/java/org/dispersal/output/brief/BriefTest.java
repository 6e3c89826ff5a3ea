package org.dispersal.output.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.EnsembleRunner;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.ensemble.Statistic;
import org.dispersal.hypotheses.Icd203;
import org.dispersal.input.data.OriginBuilder;
import org.dispersal.input.data.SharedData;
import org.dispersal.input.scenario.HypothesisScenario;
import org.dispersal.input.scenario.ScenarioReader;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.junit.jupiter.api.Test;

/**
 * The brief's judgements read the right quantile and carry the right ICD 203 words; the PDF has two
 * to four pages and says what it must.
 */
class BriefTest {

  private static final YearMonth START = YearMonth.of(2017, 2);

  /** Every state at every month: p05..p95 = 100·(1..5) + the state's ordinal. */
  private static BriefForecast synthetic(int months) {
    Map<State, Statistic[]> world = new EnumMap<>(State.class);
    for (State s : State.values()) {
      Statistic[] series = new Statistic[months + 1];
      for (int m = 0; m <= months; m++) {
        int o = s.ordinal();
        series[m] = new Statistic(300 + o, 100 + o, 200 + o, 300 + o, 400 + o, 500 + o);
      }
      world.put(s, series);
    }
    return new BriefForecast("Synthetic", 1000, 7, world);
  }

  @Test
  void judgementsReadOneQuantileAndTheWordsOfItsProbability() {
    List<KeyJudgements.Judgement> js = KeyJudgements.of(synthetic(36), START);
    assertThat(js).hasSize(5);
    // killed: at least the 25th percentile, about 75%: likely
    assertThat(js.get(0).probability()).isEqualTo(0.75);
    assertThat(js.get(0).term()).isEqualTo(Icd203.LIKELY);
    assertThat(js.get(0).sentence())
        .startsWith("It is likely (about 75%) that at least " + (200 + State.KILLED.ordinal()))
        .contains("will have been killed by +24 months (Feb 2019)");
    // disengaged: at least the 5th percentile, about 95%: very likely (95% is the band's top)
    assertThat(js.get(1).term()).isEqualTo(Icd203.VERY_LIKELY);
    assertThat(js.get(1).sentence())
        .contains("at least " + (100 + State.DISENGAGED.ordinal()))
        .contains("+36 months (Feb 2020)");
    // insurgents: more than the 75th percentile, about 25%: unlikely
    assertThat(js.get(2).term()).isEqualTo(Icd203.UNLIKELY);
    assertThat(js.get(2).sentence()).contains("more than " + (400 + State.INSURGENT.ordinal()));
    // relocated and attacks: more than the 95th percentile, about 5%: very unlikely
    assertThat(js.get(3).term()).isEqualTo(Icd203.VERY_UNLIKELY);
    assertThat(js.get(4).term()).isEqualTo(Icd203.VERY_UNLIKELY);
    assertThat(js.get(4).sentence()).contains("more than " + (500 + State.ATTACK.ordinal()));
    assertThat(js.get(4).basis())
        .isEqualTo(
            "Median "
                + (300 + State.ATTACK.ordinal())
                + ", 90% interval "
                + (100 + State.ATTACK.ordinal())
                + "\u2013"
                + (500 + State.ATTACK.ordinal())
                + "; above the 95th percentile.");
  }

  @Test
  void theWordsFollowTheIcd203Bands() {
    assertThat(Icd203.of(0.95)).isEqualTo(Icd203.VERY_LIKELY);
    assertThat(Icd203.of(0.75)).isEqualTo(Icd203.LIKELY);
    assertThat(Icd203.of(0.25)).isEqualTo(Icd203.UNLIKELY);
    assertThat(Icd203.of(0.05)).isEqualTo(Icd203.VERY_UNLIKELY);
  }

  @Test
  void aShortHorizonJudgesAtTheHorizonAndAZeroLowerQuantileSaysNothing() {
    BriefForecast f = synthetic(6);
    Map<State, Statistic[]> world = new EnumMap<>(f.world());
    Statistic[] killed = f.series(State.KILLED);
    killed[6] = new Statistic(1, 0, 0, 1, 2, 3);
    world.put(State.KILLED, killed);
    List<KeyJudgements.Judgement> js =
        KeyJudgements.of(new BriefForecast("Synthetic", 10, 7, world), START);
    assertThat(js).hasSize(4).noneMatch(j -> j.sentence().contains("killed"));
    assertThat(js.get(0).sentence()).contains("+6 months (Aug 2017)");
  }

  @Test
  void thePdfHasTwoToFourPagesWithTheJudgementsTableDriversIndicatorsTrackRecordAndSources()
      throws Exception {
    HypothesisScenario read =
        ScenarioReader.withDefaults()
            .withSharedOrigins(
                asOf -> OriginBuilder.withDefaults().build(SharedData.shipped(), asOf))
            .readWithHypotheses("isis-2017");
    Scenario s = read.scenario().withMonths(12);
    EnsembleSummary summary = EnsembleRunner.run(new CompiledModel(s), 12, 3L, 1, i -> {});
    Brief brief =
        new Brief(
            s,
            BriefForecast.of("Forecast run for this brief", summary, 3L),
            new Drivers(
                "returns",
                "A test screening.",
                List.of(new Drivers.Driver("border_closure", 273.4, 90.1))),
            read.hypotheses(),
            TrackRecord.isis2017(),
            "Test build.");
    byte[] pdf = brief.pdf();
    // To look at the pages: -Dbrief.pdf=FILE, then pdftoppm -png -r 60 FILE prefix
    String keep = System.getProperty("brief.pdf");
    if (keep != null) {
      java.nio.file.Files.write(java.nio.file.Path.of(keep), pdf);
    }
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isBetween(2, 4);
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text)
          .as("the brief's text")
          .contains("Where the foreign fighters go: isis-2017")
          .contains("Key judgements")
          .contains("It is likely (about 75%) that at least")
          .contains("It is very likely (about 95%) that at least")
          .contains("Headline: world totals")
          .contains("+6 months")
          .contains("+12 months")
          .contains("Returnees over time")
          .contains("border_closure")
          .contains("Indicators to watch")
          .contains("Stay and fight")
          .contains("Track record")
          .containsPattern("\\d+% of the figures")
          .contains("Sources")
          .contains("TSG2015")
          .contains("Page 1 of");
    }
  }

  @Test
  void aScenarioWithoutHypothesesDriversOrHindcastSaysSo() throws Exception {
    Scenario s =
        ScenarioReader.withDefaults()
            .withSharedOrigins(
                asOf -> OriginBuilder.withDefaults().build(SharedData.shipped(), asOf))
            .read("isis-2017")
            .withMonths(6);
    EnsembleSummary summary = EnsembleRunner.run(new CompiledModel(s), 6, 5L, 1, i -> {});
    Brief brief =
        new Brief(
            s,
            BriefForecast.of("Forecast run for this brief", summary, 5L),
            null,
            null,
            TrackRecord.none("test-scenario"),
            null);
    try (PDDocument doc = Loader.loadPDF(brief.pdf())) {
      assertThat(doc.getNumberOfPages()).isBetween(2, 4);
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("No sensitivity screening was run")
          .contains("declares no competing hypotheses")
          .contains("No hindcast of test-scenario has been scored")
          .contains("+6 months");
    }
  }
}
