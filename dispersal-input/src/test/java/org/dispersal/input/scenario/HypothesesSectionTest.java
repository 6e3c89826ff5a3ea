package org.dispersal.input.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dispersal.input.scenario.Fixtures.minimal;

import java.util.List;
import org.dispersal.hypotheses.Diagnosticity;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.hypotheses.Indicator;
import org.junit.jupiter.api.Test;

/** The hypotheses and indicators sections: the built-in ones, and a problem for each rule. */
class HypothesesSectionTest {

  private static final String SECTIONS =
      """

      hypotheses:
        - id: stay
          name: Stay and fight
          prior: 0.6
          set: {insurgency_rate_collapse: 0.04..0.08}
          assumption: test
        - id: leave
          name: Leave
          prior: 0.4
          set: {exit_rate_collapse: 0.05}
          source: [EUCTC2016]
      indicators:
        - id: attacks
          name: Attacks in Iraq
          observe: {types: [attack], countries: [IRQ], actor: Islamic State}
          at_least: 3
          window: {from: 2017-03-01, to: 2017-06-30}
          likelihoods: {stay: 0.8, leave: 0.3}
          coverage: 0.9
          assumption: test
      """;

  private static HypothesisScenario read(String yaml) {
    return Fixtures.reader().parseWithHypotheses(yaml, Fixtures.FILE);
  }

  private static List<String> problems(String yaml) {
    try {
      read(yaml);
      return List.of();
    } catch (ScenarioException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }

  /** Line of the first line of SECTIONS' text after the minimal scenario. */
  private static int base() {
    return (int) minimal().lines().count() + 1;
  }

  @Test
  void readsHypothesesAndIndicators() {
    HypothesisSet set = read(minimal() + SECTIONS).hypotheses();
    assertThat(set.hypotheses()).hasSize(2);
    assertThat(set.hypotheses().get(0).overrides())
        .containsExactly("insurgency_rate_collapse=0.04..0.08");
    assertThat(set.hypotheses().get(1).basis()).isEqualTo("Sources: EUCTC2016");
    Indicator i = set.indicators().get(0);
    assertThat(i.atLeast()).isEqualTo(3);
    assertThat(i.likelihoods()).containsExactly(0.8, 0.3);
    assertThat(i.query().countries()).containsExactly("IRQ");
    assertThat(i.coverage()).isEqualTo(0.9);
    assertThat(set.priorWeights()).containsExactly(0.6, 0.4);
  }

  @Test
  void aScenarioWithoutTheSectionsHasNoHypotheses() {
    assertThat(read(minimal()).hypotheses()).isNull();
  }

  @Test
  void theBuiltInScenarioDeclaresNineHypothesesAndFlagsTheFlatIndicator() {
    HypothesisSet set = Fixtures.reader().readWithHypotheses("isis-2017").hypotheses();
    assertThat(set.hypotheses())
        .extracting(h -> h.id())
        .containsExactly(
            "baseline",
            "stay_and_fight",
            "mass_return",
            "merger",
            "relocation",
            "heavy_losses",
            "early_repatriation",
            "lasting_pressure",
            "stock_revision");
    assertThat(set.hypotheses().get(3).variant()).isEqualTo("isis-2017-merger");
    double sum = 0;
    for (var h : set.hypotheses()) {
      sum += h.prior();
      assertThat(h.basis()).as(h.id()).isNotBlank();
    }
    assertThat(sum).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    List<String> flat =
        set.indicators().stream()
            .filter(i -> Diagnosticity.of(i, set.priorWeights(), Diagnosticity.FLAT_FACTOR).flat())
            .map(Indicator::id)
            .toList();
    assertThat(flat).containsExactly("europe_mass_casualty_attack");
  }

  @Test
  void weightsMustSumToOne() {
    assertThat(problems(minimal() + SECTIONS.replace("prior: 0.4", "prior: 0.5")))
        .containsExactly(
            "test.yaml:"
                + (base() + 2)
                + ":3: hypotheses: prior weights sum to 1.1000; they must sum to 1 (within 0.001)");
  }

  @Test
  void unknownParameterIsPlacedAtItsKey() {
    assertThat(problems(minimal() + SECTIONS.replace("{exit_rate_collapse", "{exit_rate_colapse")))
        .singleElement()
        .asString()
        .startsWith(
            "test.yaml:"
                + (base() + 10)
                + ":11: hypotheses[1].set.exit_rate_colapse: 'exit_rate_colapse' is not a"
                + " parameter of this scenario (allowed: exit_rate_collapse");
  }

  @Test
  void likelihoodsMustCoverEveryHypothesisStrictlyInsideZeroAndOne() {
    assertThat(problems(minimal() + SECTIONS.replace("{stay: 0.8, leave: 0.3}", "{stay: 1.0}")))
        .containsExactly(
            "test.yaml:" + (base() + 18) + ":18: indicators[0].likelihoods.leave: is required",
            "test.yaml:"
                + (base() + 18)
                + ":25: indicators[0].likelihoods.stay: '1.0' must be strictly between 0 and 1"
                + " (no evidence is certain under a hypothesis)");
    assertThat(
            problems(
                minimal() + SECTIONS.replace("{stay: 0.8, leave: 0.3}", "{stay: 0.8, go: 0.3}")))
        .contains(
            "test.yaml:"
                + (base() + 18)
                + ":30: indicators[0].likelihoods.go: is not a known key (allowed: stay, leave)");
  }

  @Test
  void windowsCountriesAndVariantsAreChecked() {
    assertThat(
            problems(
                minimal()
                    + SECTIONS
                        .replace("to: 2017-06-30", "to: 2017-02-30")
                        .replace("[IRQ]", "[IRK]")
                        .replace("set: {exit_rate_collapse: 0.05}", "variant: isis-2071")))
        .containsExactly(
            "test.yaml:"
                + (base() + 10)
                + ":14: hypotheses[1].variant: 'isis-2071' is not a built-in scenario (allowed:"
                + " isis-2017, isis-2017-merger, isis-2017-border-sealed, isis-2017-fast-offensives,"
                + " isis-2017-slow-offensives, isis-2017-prosecution-doubled,"
                + " isis-2017-rehabilitation-up, isis-2017-repatriation-organised, mali-2013)",
            "test.yaml:"
                + (base() + 15)
                + ":44: indicators[0].observe.countries: 'IRK' is not an ISO 3166-1 alpha-3"
                + " country code (or XKX) (allowed: IRL, IRN, IRQ, PRK, ARE, ...)",
            "test.yaml:"
                + (base() + 17)
                + ":36: indicators[0].window.to: '2017-02-30' must be a date written YYYY-MM-DD");
  }

  @Test
  void figureIndicatorsWatchAMeasureOfTheObservationsFormat() {
    String figure =
        """
          - id: returns
            name: Returns to Tunisia
            observe: {measure: returned, scope: country, scope_id: TUN, min: 700}
            window: {from: 2017-01-01, to: 2017-12-31}
            likelihoods: {stay: 0.2, leave: 0.7}
            assumption: test
        """;
    HypothesisSet set = read(minimal() + SECTIONS + figure).hypotheses();
    Indicator i = set.indicators().get(1);
    assertThat(i.watchesFigures()).isTrue();
    assertThat(i.figure().min()).isEqualTo(700);
    assertThat(i.describe())
        .isEqualTo(
            "a published figure of returned in TUN of at least 700, dated 2017-01-01 to"
                + " 2017-12-31");
    assertThat(
            problems(minimal() + SECTIONS + figure.replace("measure: returned", "measure: came")))
        .singleElement()
        .asString()
        .contains(
            "indicators[1].observe.measure: 'came' is not a measure of the observations"
                + " format (allowed: travelled, returned");
  }

  @Test
  void indicatorsNeedHypotheses() {
    String onlyIndicators = SECTIONS.substring(SECTIONS.indexOf("indicators:"));
    assertThat(problems(minimal() + "\n" + onlyIndicators))
        .singleElement()
        .asString()
        .endsWith("indicators: need a hypotheses section to weigh");
  }
}
