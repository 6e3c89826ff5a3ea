package org.dispersal.input.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dispersal.input.scenario.Fixtures.minimal;
import static org.dispersal.input.scenario.Fixtures.problems;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per validation rule: a one-place change to {@code minimal.yaml} and the exact problem
 * lines it must give, no more and no fewer.
 */
class ScenarioValidationTest {

  private static final String TOP_KEYS =
      "(allowed: name, description, extends, start, months, origins, regions, places, groups,"
          + " dispatch_targets, drivers, repatriation, exit_propensity, parameters, agents, hypotheses, indicators)";
  private static final String NOT_COUNTRY = "is not an ISO 3166-1 alpha-3 country code (or XKX)";
  private static final String FORMS =
      "(allowed: a number, LOW..HIGH, uniform(LOW, HIGH), triangular(LOW, MODE, HIGH),"
          + " loguniform(LOW, HIGH), fixed(VALUE))";

  @Test
  void theSmallScenarioIsValid() {
    assertThat(problems(minimal())).isEmpty();
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        rule(
            "unknown top-level key",
            "months: 12",
            "months: 12\ncolour: red",
            "test.yaml:6:1: colour: is not a known key " + TOP_KEYS),
        rule(
            "unknown key inside a section",
            "near_theatres: [libya]}",
            "near_theatres: [libya], colour: red}",
            "test.yaml:10:56: regions[0].colour: is not a known key"
                + " (allowed: id, name, near_theatres)"),
        rule(
            "missing required top-level key",
            "months: 12\n",
            "\n",
            "test.yaml:2:1: months: is required"),
        rule(
            "malformed YAML",
            "months: 12",
            "months: [12",
            "test.yaml:6:8: is not valid YAML: while parsing a flow sequence: expected ',' or"
                + " ']', but got :"),
        rule(
            "repeated key",
            "  route_screening: {prior",
            "  border_closure: {prior: {dist: fixed, value: 0.5}, assumption: again}\n"
                + "  route_screening: {prior",
            "test.yaml:67:3: parameters.border_closure: is a repeated key; the first one is used"),
        rule(
            "value of the wrong type",
            "months: 12",
            "months: twelve",
            "test.yaml:5:9: months: 'twelve' must be a whole number"),
        rule(
            "invalid id",
            "{id: turkey",
            "{id: tur key",
            "test.yaml:14:10: places[2].id: 'tur key' is not a valid id"
                + " (allowed: a letter, then letters, digits, '_' or '-')"),
        rule(
            "unknown country of an origin",
            "{id: FRA, name",
            "{id: FRN, name",
            "test.yaml:7:10: origins[0].id: 'FRN' "
                + NOT_COUNTRY
                + " (allowed: BRN, FIN, FRA, FRO, IRN, ...)"),
        rule(
            "unknown country of a dispatch target",
            "dispatch_targets: [BEL]",
            "dispatch_targets: [BEL, BEX]",
            "test.yaml:18:25: dispatch_targets[1]: 'BEX' "
                + NOT_COUNTRY
                + " (allowed: BEL, BEN, BES, MEX, BDI, ...)",
            "test.yaml:27:1: parameters.dispatch_target_weight.BEX: is required: relative weight"
                + " of BEX as a target of operatives sent abroad"),
        rule(
            "unknown country of a stronghold",
            "name: Kobani, country: SYR",
            "name: Kobani, country: SYX",
            "test.yaml:21:43: drivers.strongholds[0].country: 'SYX' "
                + NOT_COUNTRY
                + " (allowed: SYC, SYR, CYM, CYP, LUX, ...)"),
        rule(
            "unknown country of a place",
            "countries: [LBY]",
            "countries: [LBX]",
            "test.yaml:13:63: places[1].countries[0]: 'LBX' "
                + NOT_COUNTRY
                + " (allowed: LBN, LBR, LBY, LUX, ABW, ...)"),
        rule(
            "stocks of a state that cannot hold them, and of an unknown state",
            "returned: 250}",
            "returned: 250, transit: 5, wounded: 3}",
            "test.yaml:7:146: origins[0].stocks.transit: 'transit' cannot hold initial stocks"
                + " (allowed: killed, returned)",
            "test.yaml:7:158: origins[0].stocks.wounded: 'wounded' is an unknown state"
                + " (allowed: killed, returned)"),
        rule(
            "share above 1",
            "{dist: uniform, low: 0.05, high: 0.15}",
            "{dist: uniform, low: 0.05, high: 1.15}",
            "test.yaml:59:18: parameters.share_minors.prior: 'uniform(0.05, 1.15)' is a"
                + " probability and must lie in [0, 1]"),
        rule(
            "region-qualified share above 1",
            "  relocation_weight.libya:",
            "  dispatch_share.europe: {prior: {dist: fixed, value: 1.5}, assumption: test}\n"
                + "  relocation_weight.libya:",
            "test.yaml:62:27: parameters.dispatch_share.europe.prior: 'fixed(1.5)' is a"
                + " probability and must lie in [0, 1]"),
        rule(
            "probability above 1",
            "{dist: uniform, low: 0.05, high: 0.25}",
            "{dist: uniform, low: 0.05, high: 1.25}",
            "test.yaml:35:24: parameters.merger_probability.prior: 'uniform(0.05, 1.25)' is a"
                + " probability and must lie in [0, 1]"),
        rule(
            "driver step parameter of rehabilitation above 1",
            "{dist: fixed, value: 0.6}",
            "{dist: fixed, value: 1.6}",
            "test.yaml:70:26: parameters.rehabilitation_later.prior: 'fixed(1.6)' is a"
                + " probability and must lie in [0, 1]"),
        rule(
            "border closure below 0",
            "{dist: uniform, low: 0.4, high: 0.8}",
            "{dist: uniform, low: -0.4, high: 0.8}",
            "test.yaml:66:20: parameters.border_closure.prior: 'uniform(-0.4, 0.8)' is a"
                + " probability and must lie in [0, 1]"),
        rule(
            "negative rate",
            "{dist: uniform, low: 0.01, high: 0.04}, assumption",
            "{dist: uniform, low: -0.01, high: 0.04}, assumption",
            "test.yaml:29:24: parameters.kill_rate_collapse.prior: 'uniform(-0.01, 0.04)' must"
                + " not be negative"),
        rule(
            "negative weight",
            "relocation_weight.libya: {prior: {dist: fixed, value: 1}",
            "relocation_weight.libya: {prior: {dist: fixed, value: -1}",
            "test.yaml:62:29: parameters.relocation_weight.libya.prior: 'fixed(-1.0)' must not be"
                + " negative"),
        rule(
            "negative count",
            "women: 200",
            "women: -3",
            "test.yaml:7:77: origins[0].women: '-3' must not be negative"),
        rule(
            "range with its ends swapped",
            "travelled: [1700, 1900]",
            "travelled: [1900, 1700]",
            "test.yaml:7:56: origins[0].travelled: '[1900, 1700]' has a low end above its high"
                + " end"),
        rule(
            "count above the number who travelled",
            "returned: 250}",
            "returned: 2500}",
            "test.yaml:7:141: origins[0].stocks.returned: '2500' exceeds the travelled figure"
                + " [1700, 1900]"),
        rule(
            "non-positive stronghold weight",
            "weight: 2",
            "weight: -2",
            "test.yaml:22:54: drivers.strongholds[1].weight: '-2' must be positive"),
        rule(
            "women and minors above 1 together",
            "{dist: uniform, low: 0.1, high: 0.2}, unit: share",
            "{dist: uniform, low: 0.1, high: 0.9}, unit: share",
            "test.yaml:59:18: parameters.share_minors.prior: 'uniform(0.05, 0.15)' and"
                + " share_women (uniform(0.1, 0.9)) can sum to more than 1: upper ends 0.9 + 0.15"
                + " = 1.05"),
        rule(
            "women and minors above 1 together in one region",
            "  relocation_weight.libya:",
            "  share_minors.europe: {prior: {dist: uniform, low: 0.5, high: 0.85}, assumption:"
                + " test}\n  relocation_weight.libya:",
            "test.yaml:62:25: parameters.share_minors.europe.prior: 'uniform(0.5, 0.85)' and"
                + " share_women (uniform(0.1, 0.2)) can sum to more than 1: upper ends 0.2 + 0.85"
                + " = 1.05"),
        rule(
            "killed and returned above 1 together",
            "{dist: uniform, low: 0.1, high: 0.3}",
            "{dist: uniform, low: 0.1, high: 0.9}",
            "test.yaml:61:29: parameters.share_returned_by_start.prior: 'uniform(0.1, 0.9)' and"
                + " share_killed_by_start (uniform(0.1, 0.2)) can sum to more than 1: upper ends"
                + " 0.2 + 0.9 = 1.1"),
        rule(
            "stronghold lost after the start month",
            "lost: 2015-01-27",
            "lost: 2017-03-01",
            "test.yaml:21:54: drivers.strongholds[0].lost: '2017-03-01' is after the start month"
                + " 2017-02; a stronghold still held at the start needs fall_parameter"),
        rule(
            "driver steps out of order",
            "{from: 6, parameter",
            "{from: 0, parameter",
            "test.yaml:26:72: drivers.rehabilitation[1].from: '0' must be later than the previous"
                + " step's month 0"),
        rule(
            "driver series not starting at month 0",
            "border_closure: [{from: 0",
            "border_closure: [{from: 1",
            "test.yaml:23:27: drivers.border_closure[0].from: '1' must be 0: the first step starts"
                + " the series"),
        rule(
            "start not a month",
            "start: 2017-02",
            "start: 2017-13",
            "test.yaml:4:8: start: '2017-13' must be a month written YYYY-MM"),
        rule(
            "horizon too short",
            "months: 12",
            "months: 0",
            "test.yaml:5:9: months: '0' must be a whole number from 1 to 240"),
        rule(
            "horizon too long",
            "months: 12",
            "months: 241",
            "test.yaml:5:9: months: '241' must be a whole number from 1 to 240"),
        rule(
            "unknown parameter in the file",
            "  route_screening: {prior",
            "  kill_rate_bse: {prior: {dist: fixed, value: 0.5}, assumption: typo}\n"
                + "  route_screening: {prior",
            "test.yaml:67:3: parameters.kill_rate_bse: is not a parameter of this scenario"
                + " (allowed: kill_rate_base, exit_rate_base, kill_rate_collapse,"
                + " birth_rate, kill_rate_base.europe, ...)"),
        rule(
            "missing required parameter",
            "  group_weight.aq: {prior: {dist: fixed, value: 1}, assumption: test}\n",
            "",
            "test.yaml:27:1: parameters.group_weight.aq: is required: relative weight of al-Qaeda"
                + " for those joining another group"),
        rule(
            "unknown source id",
            "source: ICCT2016",
            "source: ICCT2061",
            "test.yaml:58:83: parameters.share_women.source[0]: 'ICCT2061' is not a known source"
                + " id (allowed: ICCT2016, ICSR2013, ICSR2015, EUCTC2016, HCSS2017, ...)"),
        rule(
            "unknown source id of a stronghold",
            "source: WIKI_KOBANI",
            "source: WIKI_KOBANE",
            "test.yaml:21:74: drivers.strongholds[0].source: 'WIKI_KOBANE' is not a known source"
                + " id (allowed: WIKI_KOBANI, WIKI_KONNA, WIKI_ALBAB, WIKI_DABIQ, WIKI_MARAWI,"
                + " ...)"),
        rule(
            "parameter with neither source nor assumption",
            "plot_rate: {prior: {dist: fixed, value: 0.1}, assumption: test}",
            "plot_rate: {prior: {dist: fixed, value: 0.1}}",
            "test.yaml:55:14: parameters.plot_rate: needs a source or an assumption"
                + " (allowed: source, assumption)"),
        rule(
            "near theatre that is not a third theatre",
            "near_theatres: [libya]",
            "near_theatres: [libya, syria]",
            "test.yaml:10:55: regions[0].near_theatres[1]: 'syria' is not a third theatre"
                + " (allowed: libya)"),
        rule(
            "origin in a region the scenario lacks",
            "name: Rest of Europe, region: europe",
            "name: Rest of Europe, region: asia",
            "test.yaml:8:55: origins[1].region: 'asia' is not a region of the scenario"
                + " (allowed: europe)"),
        rule(
            "duplicate origin",
            "{id: \"rest:europe\"",
            "{id: FRA",
            "test.yaml:8:10: origins[1].id: 'FRA' is used by an earlier entry; ids must be"
                + " unique"),
        rule(
            "duplicate place",
            "{id: turkey",
            "{id: libya",
            "test.yaml:14:10: places[2].id: 'libya' is used by an earlier entry; ids must be"
                + " unique"),
        rule(
            "duplicate stronghold",
            "    - {id: raqqa, name: Raqqa",
            "    - {id: kobani, name: Raqqa",
            "test.yaml:22:12: drivers.strongholds[1].id: 'kobani' is used by an earlier entry;"
                + " ids must be unique"),
        rule(
            "triangular prior the record rejects",
            "{dist: triangular, low: 0.01, mode: 0.02, high: 0.04}",
            "{dist: triangular, low: 0.01, mode: 0.01, high: 0.01}",
            "test.yaml:32:31: parameters.exit_rate_collapse.prior: '{dist: triangular, low: 0.01,"
                + " mode: 0.01, high: 0.01}' triangular needs finite low <= mode <= high, low <"
                + " high"),
        rule(
            "log-uniform prior the record rejects",
            "{dist: loguniform, low: 0.002, high: 0.008}",
            "{dist: loguniform, low: 0, high: 0.008}",
            "test.yaml:31:27: parameters.exit_rate_base.prior: '{dist: loguniform, low: 0, high:"
                + " 0.008}' log-uniform needs 0 < low <= high"),
        rule(
            "prior key that its distribution does not use",
            "detention_rate_collapse: {prior: {dist: fixed, value: 0.01}",
            "detention_rate_collapse: {prior: {dist: fixed, value: 0.01, low: 0}",
            "test.yaml:30:63: parameters.detention_rate_collapse.prior.low: is not a known key"
                + " (allowed: dist, value)"),
        rule(
            "unknown distribution",
            "detention_rate_collapse: {prior: {dist: fixed, value: 0.01}",
            "detention_rate_collapse: {prior: {dist: normal, value: 0.01}",
            "test.yaml:30:43: parameters.detention_rate_collapse.prior.dist: 'normal' is not a"
                + " distribution (allowed: uniform, triangular, loguniform, fixed)"),
        rule(
            "stronghold both lost and falling later",
            "SYR, weight: 2, fall_parameter",
            "SYR, lost: 2016-01-01, fall_parameter",
            "test.yaml:22:7: drivers.strongholds[1]: '{id: raqqa, name: Raqqa, country: SYR,"
                + " lost: 2016-01-01, ...' gives both lost and fall_parameter; give lost if it fell"
                + " before the start, fall_parameter if not"),
        rule(
            "stronghold lost without a source",
            "lost: 2015-01-27, source: WIKI_KOBANI",
            "lost: 2015-01-27",
            "test.yaml:21:7: drivers.strongholds[0]: '{id: kobani, name: Kobani, country: SYR,"
                + " lost: 2015-01-27}' gives a lost date without the source of the date"),
        rule(
            "origins neither shared data nor a list",
            "origins:\n",
            "origins: shared-dta\nx:\n",
            "test.yaml:6:10: origins: 'shared-dta' must be 'shared-data' or a list of origins"
                + " (allowed: shared-data, a list of origins)",
            "test.yaml:7:1: x: is not a known key " + TOP_KEYS));
  }

  private static Arguments rule(String name, String old, String replacement, String... lines) {
    return Arguments.of(name, old, replacement, List.of(lines));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleGivesItsExactProblems(
      String rule, String old, String replacement, List<String> expected) {
    assertThat(problems(minimal(old, replacement))).as(rule).containsExactlyElementsOf(expected);
  }

  @Test
  void missingRequiredKeysAreAllReported() {
    assertThat(problems("name: x\nstart: 2017-02\n"))
        .containsExactly(
            "test.yaml:1:1: months: is required",
            "test.yaml:1:1: origins: is required",
            "test.yaml:1:1: regions: is required",
            "test.yaml:1:1: places: is required",
            "test.yaml:1:1: groups: is required",
            "test.yaml:1:1: drivers: is required",
            "test.yaml:1:1: parameters: is required");
  }

  @Test
  void unknownParameterOnTheCommandLine() {
    assertThat(problems(minimal(), "kil_rate=0.1"))
        .containsExactly(
            "--set:1:1: parameters.kil_rate: is not a parameter of this scenario (allowed:"
                + " birth_rate, plot_rate, kill_rate_base, camp_trial_rate, exit_rate_base, ...)");
  }

  @Test
  void malformedOverridesAreEachReported() {
    assertThat(
            problems(
                minimal(),
                "share_women=0.3",
                "merger_month=2..8",
                "bogus",
                "plot_rate=normal(1, 2)",
                "kill_rate_base = uniform(0.3, 0.1)",
                "share_minors=1.5"))
        .containsExactly(
            "--set:3:1: 'bogus' must be NAME=VALUE " + FORMS,
            "--set:4:11: parameters.plot_rate: 'normal(1, 2)' is not a valid value " + FORMS,
            "--set:5:18: parameters.kill_rate_base: 'uniform(0.3, 0.1)' uniform needs finite low"
                + " <= high",
            "--set:6:14: parameters.share_minors.prior: 'fixed(1.5)' is a probability and must"
                + " lie in [0, 1]");
  }

  @Test
  void everyProblemIsFoundInOnePass() {
    String text =
        minimal()
            .replace("months: 12", "months: 0")
            .replace("{id: FRA, name", "{id: FRN, name")
            .replace("women: 200", "women: -3")
            .replace("countries: [LBY]", "countries: [LBX]")
            .replace("source: ICCT2016", "source: ICCT2061")
            .replace("{dist: uniform, low: 0.05, high: 0.25}", "{dist: uniform, low: 0, high: 2}");
    assertThat(problems(text, "nope=1"))
        .extracting(line -> line.substring(0, line.indexOf(": ", line.indexOf(": ") + 2)))
        .containsExactly(
            "test.yaml:5:9: months",
            "test.yaml:7:77: origins[0].women",
            "test.yaml:13:63: places[1].countries[0]",
            "test.yaml:35:24: parameters.merger_probability.prior",
            "test.yaml:58:83: parameters.share_women.source[0]",
            "--set:1:1: parameters.nope");
  }

  @Test
  void listItemsLeftOutDoNotShiftTheLinesOfLaterProblems() {
    String text =
        minimal()
            .replace("travelled: [1700, 1900]", "travelled: [1900, 1700]")
            .replace("name: Rest of Europe, region: europe", "name: Rest of Europe, region: asia");
    assertThat(problems(text))
        .containsExactly(
            "test.yaml:7:56: origins[0].travelled: '[1900, 1700]' has a low end above its high"
                + " end",
            "test.yaml:8:55: origins[1].region: 'asia' is not a region of the scenario"
                + " (allowed: europe)");
  }

  @Test
  void emptyAndNonMappingDocumentsAreProblems() {
    assertThat(problems("")).containsExactly("test.yaml:1:1: the file is empty");
    assertThat(problems("- a\n- b\n"))
        .containsExactly(
            "test.yaml:1:1: '[a, b]' must be a mapping of scenario sections " + TOP_KEYS);
    assertThat(problems("a: 1\n---\nb: 2\n"))
        .containsExactly("test.yaml:3:1: holds a second YAML document; a scenario is one document");
    assertThat(problems("a: " + "[".repeat(40) + "]".repeat(40) + "\n"))
        .containsExactly(
            "test.yaml:1:36: a[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
                + "[0][0][0][0][0][0][0][0][0]: nests deeper than 32 levels");
    assertThat(problems("a: &x 1\nb: *x\n"))
        .containsExactly("test.yaml:2:4: b: '*x' is a YAML alias; aliases are not supported here");
  }
}
