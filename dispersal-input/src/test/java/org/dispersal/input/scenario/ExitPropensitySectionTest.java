package org.dispersal.input.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.dispersal.engine.Cohort;
import org.dispersal.engine.CompiledModel;
import org.dispersal.input.data.InformationSet;
import org.dispersal.input.data.OriginBuilder;
import org.dispersal.input.data.SharedData;
import org.dispersal.model.ExitPropensity;
import org.dispersal.model.Scenario;
import org.dispersal.stocks.ExitPropensityEstimator;
import org.junit.jupiter.api.Test;

/**
 * The {@code exit_propensity:} section and the default estimate: each date's own figures, m = 1
 * without return figures or with {@code none}, per-origin multipliers, and one-line problems.
 */
class ExitPropensitySectionTest {

  private static ScenarioReader shipped() {
    return ScenarioReader.withDefaults()
        .withSharedOrigins(asOf -> OriginBuilder.withDefaults().build(SharedData.shipped(), asOf));
  }

  private static final String ESTIMATED = "extends: isis-2017\nexit_propensity: estimated\n";

  /** The default leaves m = 1 for every origin: the estimate is asked for, not assumed. */
  @Test
  void theDefaultScenarioKeepsOne() {
    assertThat(shipped().readBuiltIn("isis-2017").exitPropensity()).isEqualTo(ExitPropensity.NONE);
  }

  /**
   * Asked for, isis-2017 estimates m from the figures of its start; the United Kingdom's returned
   * count of TSC2017 (425 of 850, published 24 October 2017) is not used in February 2017 but is
   * from November 2017 on, when it gives m = s / S with its own pooled share.
   */
  @Test
  void theEstimateUsesTheFiguresOfItsOwnDate() {
    Scenario feb = shipped().withAsOf(InformationSet.FEB_2017).parse(ESTIMATED, "feb.yaml");
    ExitPropensity p = feb.exitPropensity();
    assertThat(p.basis()).isEqualTo(ExitPropensity.BASIS_ESTIMATED);
    assertThat(p.pseudoTravellers()).isEqualTo(ExitPropensityEstimator.PSEUDO_TRAVELLERS);
    assertThat(p.multipliers()).containsKeys("MAR", "RUS", "FRA").doesNotContainKey("GBR");
    assertThat(p.of("GBR")).isEqualTo(1.0);
    assertThat(p.of("MAR")).isLessThan(1.0);
    assertThat(p.multipliers().keySet()).noneMatch(id -> id.startsWith("rest:"));
    assertThat(p).isEqualTo(ExitPropensityEstimator.estimate(feb.origins()));

    Scenario nov = shipped().withAsOf(LocalDate.of(2017, 11, 1)).parse(ESTIMATED, "nov.yaml");
    ExitPropensity later = nov.exitPropensity();
    assertThat(later.multipliers()).containsKey("GBR");
    double s = later.pooledShare();
    assertThat(later.of("GBR")).isCloseTo((425 + 200 * s) / (850 + 200) / s, within(1e-12));
  }

  /** The compiled model gives every cohort of an origin (men, women, minors) its origin's m. */
  @Test
  void everyCohortOfAnOriginCarriesItsMultiplier() {
    Scenario s = shipped().parse(ESTIMATED, "estimated.yaml");
    CompiledModel model = new CompiledModel(s);
    for (Cohort c : model.cohorts()) {
      assertThat(model.exitPropensity(c.index())).isEqualTo(s.exitPropensity().of(c.origin().id()));
    }
  }

  /** mali-2013's origins are armed groups without return figures: m = 1 everywhere. */
  @Test
  void aScenarioWithoutCountryReturnFiguresKeepsOne() {
    assertThat(shipped().readBuiltIn("mali-2013").exitPropensity().neutral()).isTrue();
    assertThat(Fixtures.reader().parse(Fixtures.minimal(), Fixtures.FILE).exitPropensity())
        .isEqualTo(ExitPropensity.NONE);
  }

  /** {@code none} switches the estimate off; a mapping sets some origins over the estimate. */
  @Test
  void aFileSwitchesItOffOrSetsOrigins() {
    Scenario off = shipped().parse("extends: isis-2017\nexit_propensity: none\n", "off.yaml");
    assertThat(off.exitPropensity()).isEqualTo(ExitPropensity.NONE);
    Scenario some =
        shipped()
            .parse(
                "extends: isis-2017\nexit_propensity: {method: estimated, pseudo_travellers: 400,"
                    + " origins: {GBR: 1.8, MAR: 0.5}}\n",
                "some.yaml");
    ExitPropensity p = some.exitPropensity();
    assertThat(p.basis()).isEqualTo(ExitPropensity.BASIS_ESTIMATED_AND_FILE);
    assertThat(p.pseudoTravellers()).isEqualTo(400);
    assertThat(p.of("GBR")).isEqualTo(1.8);
    assertThat(p.of("MAR")).isEqualTo(0.5);
    assertThat(p.of("RUS"))
        .isEqualTo(ExitPropensityEstimator.estimate(some.origins(), 400).of("RUS"));
    Scenario file =
        Fixtures.reader()
            .parse(Fixtures.minimal() + "exit_propensity: {origins: {FRA: 2.5}}\n", Fixtures.FILE);
    assertThat(file.exitPropensity().basis()).isEqualTo(ExitPropensity.BASIS_FILE);
    assertThat(new CompiledModel(file).exitPropensity(0)).isEqualTo(2.5);
    Scenario estimated =
        Fixtures.reader().parse(Fixtures.minimal() + "exit_propensity: estimated\n", Fixtures.FILE);
    // one country: its shrunk share is the pooled share, m = 1 up to rounding
    assertThat(estimated.exitPropensity().of("FRA")).isCloseTo(1.0, within(1e-12));
  }

  /** Bad sections give one line naming the file, the line and the field. */
  @Test
  void badSectionsAreOneLineProblems() {
    assertThat(Fixtures.problems(Fixtures.minimal() + "exit_propensity: sometimes\n"))
        .singleElement()
        .asString()
        .startsWith("test.yaml:")
        .contains("exit_propensity", "sometimes", "estimated", "none");
    assertThat(Fixtures.problems(Fixtures.minimal() + "exit_propensity: {origins: {FRA: -1}}\n"))
        .singleElement()
        .asString()
        .contains("exit_propensity.origins.FRA", "positive");
    assertThat(Fixtures.problems(Fixtures.minimal() + "exit_propensity: {origins: {XYZ: 2}}\n"))
        .singleElement()
        .asString()
        .contains("exit_propensity.origins.XYZ", "is not an origin");
    assertThat(Fixtures.problems(Fixtures.minimal() + "exit_propensity: {pseudo_travellers: -5}\n"))
        .singleElement()
        .asString()
        .contains("exit_propensity.pseudo_travellers", "negative");
    assertThat(Fixtures.problems(Fixtures.minimal() + "exit_propensity: {colour: red}\n"))
        .singleElement()
        .asString()
        .contains("exit_propensity.colour", "not a known key");
  }
}
