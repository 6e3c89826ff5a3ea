package org.dispersal.input.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dispersal.input.scenario.Fixtures.FILE;
import static org.dispersal.input.scenario.Fixtures.minimal;
import static org.dispersal.input.scenario.Fixtures.problems;
import static org.dispersal.input.scenario.Fixtures.reader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dispersal.engine.CohortEngine;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.ModelParameters;
import org.dispersal.model.Origin;
import org.dispersal.model.Parameter;
import org.dispersal.model.Place;
import org.dispersal.model.Prior;
import org.dispersal.model.Range;
import org.dispersal.model.Scenario;
import org.dispersal.model.Stronghold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading scenarios: built-in, from files and text, with extends, shared origins and overrides. */
class ScenarioReaderTest {

  private static final String BUILT_INS =
      "(allowed: isis-2017, isis-2017-merger, isis-2017-border-sealed, isis-2017-fast-offensives,"
          + " isis-2017-slow-offensives, isis-2017-prosecution-doubled,"
          + " isis-2017-rehabilitation-up, isis-2017-repatriation-organised, mali-2013)";

  @Test
  void readsTheBuiltInScenario() {
    Scenario s = reader().readBuiltIn("isis-2017");

    assertThat(s.name()).isEqualTo("isis-2017");
    assertThat(s.start()).isEqualTo(YearMonth.of(2017, 2));
    assertThat(s.months()).isEqualTo(36);
    assertThat(s.regions()).hasSize(12);
    assertThat(s.thirdTheatres()).extracting(Place::id).contains("libya", "sahel", "afpak");
    assertThat(s.places())
        .filteredOn(p -> p.id().equals("sahel"))
        .singleElement()
        .satisfies(p -> assertThat(p.name()).isEqualTo("Sahel (Mali, Niger, Burkina Faso)"));
    assertThat(s.joinableGroups()).hasSize(2);
    assertThat(s.dispatchTargets()).containsExactly("FRA", "BEL", "DEU", "GBR", "TUR");
    assertThat(s.drivers().strongholds()).hasSize(19);
    Stronghold raqqa = s.drivers().strongholds().get(13);
    assertThat(raqqa.weight()).isEqualTo(2.0);
    assertThat(raqqa.fallParameter()).isEqualTo("fall_month.raqqa");
    assertThat(s.drivers().strongholds().get(0).lostOn()).isEqualTo(LocalDate.of(2015, 1, 27));
    assertThat(ModelParameters.missing(s)).isEmpty();
    assertThat(s.parameters().get("dispatch_share").prior())
        .isEqualTo(new Prior.Triangular(0.005, 0.02, 0.11));
    assertThat(s.parameters().get("share_women").sources()).containsExactly("ICCT2016");
    assertThat(s.origins()).extracting(Origin::id).containsExactly("FRA", "TUN");
  }

  @Test
  void theBuiltInScenarioRunsThroughTheEngine() {
    Scenario s = reader().readBuiltIn("isis-2017");
    int[] months = {0};
    new CohortEngine(new CompiledModel(s)).simulate(1L, 0L, (month, stocks) -> months[0] = month);
    assertThat(months[0]).isEqualTo(36);
  }

  @Test
  void readsExplicitOrigins() {
    Scenario s = reader().parse(minimal(), FILE);

    Origin france = s.origins().get(0);
    assertThat(france.country()).isTrue();
    assertThat(france.travelled()).isEqualTo(new Range(1700, 1900));
    assertThat(france.women()).isEqualTo(Range.of(200));
    assertThat(france.minors()).isEqualTo(new Range(100, 300));
    assertThat(france.killed()).isEqualTo(new Range(200, 300));
    assertThat(france.returned()).isEqualTo(Range.of(250));
    assertThat(france.sources()).containsExactly("ICSR2015");
    Origin rest = s.origins().get(1);
    assertThat(rest.country()).isFalse();
    assertThat(rest.women()).isNull();
    assertThat(rest.sources()).containsExactly("ICSR2015");
    assertThat(s.parameters().get("exit_rate_base").prior())
        .isEqualTo(new Prior.LogUniform(0.002, 0.008));
    assertThat(s.parameters().get("kill_rate_base").unit()).isEqualTo("per month");
  }

  @Test
  void sharedOriginsAreAskedForAsOfTheStartMonthUnlessADateIsGiven() {
    List<LocalDate> asked = new ArrayList<>();
    ScenarioReader r =
        ScenarioReader.withDefaults()
            .withSharedOrigins(
                date -> {
                  asked.add(date);
                  return Fixtures.SHARED.apply(date);
                });

    r.readBuiltIn("isis-2017");
    r.withAsOf(LocalDate.of(2016, 12, 31)).readBuiltIn("isis-2017");

    assertThat(asked).containsExactly(LocalDate.of(2017, 2, 1), LocalDate.of(2016, 12, 31));
  }

  @Test
  void sharedOriginsWithoutSharedDataAreAProblem() {
    assertThatThrownBy(() -> ScenarioReader.withDefaults().readBuiltIn("isis-2017"))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(
            "isis-2017.yaml:11:10: origins: 'shared-data' needs the shared data set, which was not"
                + " given to the reader (allowed: a list of origins)");
  }

  @Test
  void sharedDataThatHasNoOriginsForTheDateIsAProblem() {
    ScenarioReader r =
        ScenarioReader.withDefaults()
            .withSharedOrigins(
                date -> {
                  throw new IllegalArgumentException("no figures before 2013");
                });
    assertThatThrownBy(() -> r.readBuiltIn("isis-2017"))
        .hasMessage(
            "isis-2017.yaml:11:10: origins: 'shared-data' cannot be read as of 2017-02-01: no"
                + " figures before 2013");
  }

  @Test
  void sharedOriginsInRegionsTheScenarioLacksAreAProblem() {
    ScenarioReader r =
        ScenarioReader.withDefaults()
            .withSharedOrigins(
                date ->
                    List.of(
                        new Origin(
                            "NOR",
                            "Norway",
                            "nordic",
                            true,
                            Range.of(90),
                            null,
                            null,
                            null,
                            null,
                            List.of(),
                            "")));
    assertThatThrownBy(() -> r.readBuiltIn("isis-2017"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith(
            "isis-2017.yaml:11:10: origins[0].region: 'nordic' is not a region of the scenario"
                + " (allowed: middle_east, maghreb, western_europe,");
  }

  @Test
  void extendsABuiltInScenarioReplacingSectionsAndMergingParameters() {
    String child =
        """
        extends: isis-2017
        name: merger
        months: 24
        dispatch_targets: [FRA]
        parameters:
          merger_probability:
            prior: {dist: uniform, low: 0.5, high: 0.9}
            assumption: What if the merger is likely?
        """;
    Scenario s = reader().parse(child, FILE);

    assertThat(s.name()).isEqualTo("merger");
    assertThat(s.months()).isEqualTo(24);
    assertThat(s.start()).isEqualTo(YearMonth.of(2017, 2));
    assertThat(s.dispatchTargets()).containsExactly("FRA");
    assertThat(s.parameters().get("merger_probability").prior())
        .isEqualTo(new Prior.Uniform(0.5, 0.9));
    assertThat(s.parameters().get("share_women").sources()).containsExactly("ICCT2016");
    assertThat(new ArrayList<>(s.parameters().keySet()).indexOf("merger_probability"))
        .as("an inherited parameter keeps its place")
        .isEqualTo(
            new ArrayList<>(reader().readBuiltIn("isis-2017").parameters().keySet())
                .indexOf("merger_probability"));
  }

  @Test
  void inheritedParametersTheNewScenarioNoLongerUsesAreDropped() {
    String child =
        """
        extends: isis-2017
        dispatch_targets: [FRA, NLD]
        parameters:
          dispatch_target_weight.NLD: {prior: {dist: fixed, value: 1}, assumption: test}
        """;
    Scenario s = reader().parse(child, FILE);

    assertThat(s.parameters())
        .containsKeys("dispatch_target_weight.FRA", "dispatch_target_weight.NLD");
    assertThat(s.parameters()).doesNotContainKey("dispatch_target_weight.BEL");
  }

  @Test
  void aParameterTheFileItselfGivesMustStillBeKnown() {
    String child =
        """
        extends: isis-2017
        dispatch_targets: [FRA]
        parameters:
          dispatch_target_weight.BEL: {prior: {dist: fixed, value: 1}, assumption: kept}
        """;
    assertThat(problems(child))
        .containsExactly(
            "test.yaml:4:3: parameters.dispatch_target_weight.BEL: is not a parameter of this"
                + " scenario (allowed: dispatch_target_weight.FRA, dispatch_share.maghreb,"
                + " dispatch_home_share, dispatch_share.other, dispatch_share.oceania, ...)");
  }

  @Test
  void extendsAFileRelativeToTheExtendingOne(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("base"));
    Files.writeString(dir.resolve("base/minimal.yaml"), minimal(), StandardCharsets.UTF_8);
    Path child = dir.resolve("faster.yaml");
    Files.writeString(
        child,
        """
        extends: base/minimal.yaml
        name: faster
        parameters:
          fall_month.raqqa: {prior: {dist: uniform, low: 1, high: 4}, assumption: faster}
          share_women: {prior: {dist: fixed, value: 2}, assumption: wrong on purpose}
        """);

    List<Problem> problems = reader().validate(child);

    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            child
                + ":5:17: parameters.share_women.prior: 'fixed(2.0)' is a probability and must lie"
                + " in [0, 1]");
    assertThat(reader().withOverrides(List.of("share_women=0.2")).read(child).name())
        .isEqualTo("faster");
  }

  @Test
  void problemsOfAnExtendedFileNameThatFile(@TempDir Path dir) throws Exception {
    Path base = dir.resolve("base.yaml");
    Files.writeString(base, minimal("months: 12", "months: 999"));
    Path child = dir.resolve("child.yaml");
    Files.writeString(child, "extends: base.yaml\nname: child\n");

    assertThat(reader().validate(child))
        .extracting(Problem::toString)
        .containsExactly(base + ":5:9: months: '999' must be a whole number from 1 to 240");
  }

  @Test
  void extendsCyclesMissingFilesAndUnknownNamesAreProblems(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.yaml");
    Path b = dir.resolve("b.yaml");
    Files.writeString(a, "extends: b.yaml\n");
    Files.writeString(b, "extends: a.yaml\n");
    assertThat(reader().validate(a))
        .extracting(Problem::toString)
        .containsExactly(b + ":1:10: extends: 'a.yaml' extends a scenario that extends this one");

    Files.writeString(a, "extends: missing.yaml\n");
    assertThat(reader().validate(a))
        .extracting(Problem::toString)
        .containsExactly(a + ":1:10: extends: 'missing.yaml' does not exist");

    assertThat(problems("extends: isis-2071\n"))
        .containsExactly(
            "test.yaml:1:10: extends: 'isis-2071' is not a built-in scenario " + BUILT_INS);
    assertThat(problems("extends: ../secret.yaml\n"))
        .containsExactly(
            "test.yaml:1:10: extends: '../secret.yaml' is a path, but this scenario is not a file;"
                + " name a built-in scenario "
                + BUILT_INS);
  }

  @Test
  void overridesReplacePriorsAndMarkTheDescription() {
    Scenario s =
        reader()
            .withOverrides(
                List.of(
                    "dispatch_share=0.05",
                    "merger_probability=0.2..0.6",
                    "kill_rate_base=uniform(0.001, 0.002)",
                    "exit_rate_base = triangular(0.001, 0.002, 0.004)",
                    "plot_rate=loguniform(0.05, 0.2)",
                    "transit_exit_rate=fixed(1)",
                    "prosecution_share.maghreb=0.4",
                    "merger_probability=0.3..0.6"))
            .readBuiltIn("isis-2017");

    assertThat(s.parameters().get("dispatch_share").prior()).isEqualTo(new Prior.Fixed(0.05));
    assertThat(s.parameters().get("kill_rate_base").prior())
        .isEqualTo(new Prior.Uniform(0.001, 0.002));
    assertThat(s.parameters().get("exit_rate_base").prior())
        .isEqualTo(new Prior.Triangular(0.001, 0.002, 0.004));
    assertThat(s.parameters().get("plot_rate").prior()).isEqualTo(new Prior.LogUniform(0.05, 0.2));
    assertThat(s.parameters().get("transit_exit_rate").prior()).isEqualTo(new Prior.Fixed(1));

    Parameter merger = s.parameters().get("merger_probability");
    assertThat(merger.prior()).isEqualTo(new Prior.Uniform(0.3, 0.6));
    assertThat(merger.description())
        .isEqualTo(
            "Probability that Islamic State and al-Qaeda remnants merge within the horizon."
                + " (set on the command line)");
    assertThat(merger.assumption()).startsWith("Only expert judgement exists");

    Parameter dispatch = s.parameters().get("dispatch_share");
    assertThat(dispatch.sources()).containsExactly("HEGGHAMMER2013");
    assertThat(dispatch.description()).endsWith(" " + ScenarioReader.OVERRIDE_MARK);

    Parameter maghreb = s.parameters().get("prosecution_share.maghreb");
    assertThat(maghreb.name()).isEqualTo("prosecution_share.maghreb");
    assertThat(maghreb.prior()).isEqualTo(new Prior.Fixed(0.4));
    assertThat(maghreb.unit()).isEqualTo("share");
    assertThat(maghreb.description())
        .isEqualTo(
            "Share of assessed returnees prosecuted or imprisoned. (set on the command line)");
  }

  @Test
  void anOverrideOfARequiredParameterTheFileLacksTakesTheCatalogueMeaning() {
    String text =
        minimal("  group_weight.aq: {prior: {dist: fixed, value: 1}, assumption: test}\n", "");
    Scenario s = reader().withOverrides(List.of("group_weight.aq=2")).parse(text, FILE);

    Parameter p = s.parameters().get("group_weight.aq");
    assertThat(p.prior()).isEqualTo(new Prior.Fixed(2));
    assertThat(p.assumption()).isEqualTo(ScenarioReader.OVERRIDE_ASSUMPTION);
    assertThat(p.description())
        .isEqualTo(
            "relative weight of al-Qaeda for those joining another group (set on the command"
                + " line)");
  }

  @Test
  void readsByNameOrPath(@TempDir Path dir) throws Exception {
    assertThat(reader().read("isis-2017").name()).isEqualTo("isis-2017");
    Path file = dir.resolve("minimal.yaml");
    Files.writeString(file, minimal());
    assertThat(reader().read(file.toString()).name()).isEqualTo("minimal");
    assertThatThrownBy(() -> reader().read("nope"))
        .hasMessage("nope: 'nope' is not a built-in scenario " + BUILT_INS);
    assertThat(ScenarioReader.builtInNames())
        .containsExactly(
            "isis-2017",
            "isis-2017-merger",
            "isis-2017-border-sealed",
            "isis-2017-fast-offensives",
            "isis-2017-slow-offensives",
            "isis-2017-prosecution-doubled",
            "isis-2017-rehabilitation-up",
            "isis-2017-repatriation-organised",
            "mali-2013");
  }

  @Test
  void validateReportsAnUnreadableFile(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.yaml");
    assertThat(reader().validate(missing))
        .extracting(Problem::toString)
        .containsExactly(missing + ": does not exist");

    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "name: M\u00fcnchen\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(reader().validate(latin1))
        .extracting(Problem::toString)
        .containsExactly(latin1 + ": is not UTF-8 text");

    Path valid = dir.resolve("valid.yaml");
    Files.writeString(valid, minimal());
    assertThat(reader().validate(valid)).isEmpty();
  }

  @Test
  void theValidatorChecksAScenarioBuiltInCode() {
    Scenario s = reader().readBuiltIn("isis-2017");
    Parameter women = s.parameters().get("share_women");
    Scenario changed =
        s.withParameters(Map.of("share_women", women.withPrior(new Prior.Uniform(0.1, 1.2))))
            .withMonths(300);

    assertThat(ScenarioValidator.withDefaults().check(s)).isEmpty();
    assertThat(ScenarioValidator.withDefaults().check(changed))
        .extracting(Problem::toString)
        .containsExactly(
            "isis-2017: months: '300' must be a whole number from 1 to 240",
            "isis-2017: parameters.share_women.prior: 'uniform(0.1, 1.2)' is a probability and"
                + " must lie in [0, 1]");
  }

  /**
   * A floor under an origin's dead (not a YAML field: a hindcast sets it from the death tolls) is
   * checked like a killed range when a scenario built in code is validated.
   */
  @Test
  void theValidatorChecksAFloorUnderTheDeadBuiltInCode() {
    Scenario s = reader().readBuiltIn("isis-2017");
    List<Origin> origins = new ArrayList<>(s.origins());
    Origin o = origins.get(0);
    int above = o.travelled().high() + 1;
    origins.set(
        0,
        new Origin(
            o.id(),
            o.name(),
            o.region(),
            o.country(),
            o.travelled(),
            o.women(),
            o.minors(),
            o.returned(),
            o.killed(),
            Range.of(above),
            o.sources(),
            o.note()));
    assertThat(ScenarioValidator.withDefaults().check(s.withOrigins(origins)))
        .extracting(Problem::toString)
        .containsExactly(
            "isis-2017: origins[0].killed_at_least: '"
                + above
                + "' exceeds the travelled figure "
                + ScenarioValidator.render(o.travelled()));
  }

  @Test
  void aValidatorCanKnowOtherSources() {
    ScenarioValidator own = ScenarioValidator.withDefaults().withKnownSources(List.of("MINE"));
    assertThat(own.knownSources()).containsExactly("MINE");
    assertThat(ScenarioValidator.withDefaults().knownSources())
        .contains("ICSR2015", "HEGGHAMMER2013", "UK_KEEN2016");

    String text = minimal("source: ICCT2016", "source: MINE");
    assertThat(problems(text)).hasSize(1);
    assertThatThrownBy(() -> reader().withValidator(own).parse(text, FILE))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("'ICSR2015' is not a known source id");
  }
}
