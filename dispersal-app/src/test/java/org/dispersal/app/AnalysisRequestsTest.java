package org.dispersal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dispersal.app.artifacts.Artifacts;
import org.dispersal.app.artifacts.MemorySink;
import org.dispersal.app.calibration.CalibrationRequest;
import org.dispersal.app.comparison.ComparisonRequest;
import org.dispersal.app.hindcast.HindcastRequest;
import org.dispersal.app.problem.InputException;
import org.dispersal.app.screening.ScreeningRequest;
import org.dispersal.app.sensitivity.OutputSpec;
import org.dispersal.app.sensitivity.SensitivityRequest;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.input.observations.ObservationsReader;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.sensitivity.SensitivityAnalysis;
import org.dispersal.sensitivity.Sobol;
import org.dispersal.store.RunKind;
import org.junit.jupiter.api.Test;

/**
 * The analysis kinds (calibration, hindcast, comparison, sensitivity, screening) validate their
 * settings naming the field, execute with tiny budgets and leave their files and a manifest.
 */
class AnalysisRequestsTest {

  /** The as-of date of the hindcast and calibration tests. */
  private static final LocalDate AS_OF = LocalDate.of(2017, 2, 13);

  private static final List<ObservationRecord> KNOWN =
      ObservationsReader.read(Path.of("../data/observations/known-2017-02.csv"));

  private static Artifacts run(RunRequest<?> request) throws Exception {
    RunResult<?> r = request.execute(Scenarios.PROVENANCE, done -> {}, Cancellation.NEVER);
    assertThat(r.kind()).isEqualTo(request.kind());
    return new MemorySink().keep(r);
  }

  @Test
  void aScreeningLeavesItsTableAndPage() throws Exception {
    ScenarioInput s = Scenarios.builtIn("isis-2017", 12);
    Artifacts a = run(new ScreeningRequest(s, "fra", 6, 12, 0.8, 0.95, 8, 1L, 2));
    assertThat(a.files().keySet())
        .containsExactly("manifest.json", "screening.csv", "screening.html", "screening.html.csp");
    assertThatThrownBy(() -> new ScreeningRequest(s, "XXX", 6, 12, 0.8, 0.95, 8, 1L, 2))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("country: XXX is not an origin");
    assertThatThrownBy(() -> new ScreeningRequest(s, "FRA", 6, 12, 1.5, 0.95, 8, 1L, 2))
        .hasMessage("sensitivity: must be between 0 and 1, not 1.5");
  }

  @Test
  void aComparisonNeedsTwoVariantsOverOneHorizon() throws Exception {
    ScenarioInput s = Scenarios.builtIn("isis-2017", 6);
    var base = new ComparisonRequest.Variant("isis-2017", s, "");
    var request = new ComparisonRequest(List.of(base, base), List.of(3, 1, 3), 4, 2L, 2);
    assertThat(request.months()).containsExactly(1, 3);
    assertThat(ComparisonRequest.defaultMonths(List.of(base))).containsExactly(6);
    Artifacts a = run(request);
    assertThat(a.files().keySet()).contains("compare.csv", "compare.html", "manifest.json");
    assertThat(a.manifestJson()).containsPattern("\"months\" ?: ?\\[ ?1, ?3 ?\\]");
    assertThatThrownBy(() -> new ComparisonRequest(List.of(base, base), List.of(7), 4, 2L, 2))
        .hasMessage("months: must each be between 0 and the horizon 6, not 7");
    assertThatThrownBy(() -> new ComparisonRequest(List.of(base), List.of(3), 4, 2L, 2))
        .hasMessageStartingWith("variants:");
    var longer = new ComparisonRequest.Variant("long", Scenarios.builtIn("isis-2017", 9), "");
    assertThatThrownBy(() -> new ComparisonRequest(List.of(base, longer), List.of(3), 4, 2L, 2))
        .hasMessageContaining("long starts");
  }

  @Test
  void aSensitivityAnalysisExplainsEachOutput() throws Exception {
    ScenarioInput s = Scenarios.builtIn("isis-2017", 6);
    var settings =
        new SensitivityAnalysis.Settings(2, 4, 1, 4, 1, 10, 3L, 2, Sobol.Sampling.SOBOL_SEQUENCE);
    OutputSpec out = OutputSpec.parse("returned:region=Western Europe:month=2", s.scenario());
    Artifacts a = run(new SensitivityRequest(s, List.of(out), settings, "test", null));
    assertThat(a.files().keySet()).contains("sensitivity.csv", "sensitivity.html");
    assertThatThrownBy(() -> OutputSpec.parse("returned:planet:month=2", s.scenario()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("outputs: 'returned:planet:month=2' scope must be");
  }

  @Test
  void aHindcastFromThePriorsScoresLaterFigures() throws Exception {
    LocalDate asOf = AS_OF;
    ScenarioInput s = isisAsOf();
    var request =
        new HindcastRequest(s, KNOWN, new Hindcast.Settings(asOf, 10, 5L, 2, 20, 0), "test");
    assertThat(request.kind()).isEqualTo(RunKind.HINDCAST);
    Artifacts a = run(request);
    assertThat(a.files().keySet())
        .contains("hindcast.csv", "scorecard.json", "hindcast.html", "manifest.json");
    assertThatThrownBy(
            () ->
                new HindcastRequest(
                    s, List.of(), new Hindcast.Settings(asOf, 10, 5L, 2, 20, 0), "test"))
        .hasMessageStartingWith("observations:");
  }

  /**
   * The hindcast's floors under the initial dead come from the death tolls public by the date
   * (Morocco's 553 of December 2016: at least 553-908 after the confirmed share), and a toll
   * published after it, even one describing an earlier month, changes no stock and no score.
   */
  @Test
  void aHindcastSetsFloorsUnderTheDeadFromTollsPublishedByTheDateOnly() throws Exception {
    ScenarioInput s = isisAsOf();
    var settings = new Hindcast.Settings(AS_OF, 10, 5L, 2, 20, 0);
    ObservationRecord late =
        new ObservationRecord(
            "late.csv",
            2,
            "2016-12",
            LocalDate.of(2016, 12, 1),
            LocalDate.of(2016, 12, 31),
            "2017-03",
            LocalDate.of(2017, 3, 31),
            "country",
            "MAR",
            "all",
            ObservedMeasure.KILLED,
            1200,
            1200,
            "LATE");
    List<ObservationRecord> withLate = new ArrayList<>(KNOWN);
    withLate.add(late);
    Hindcast.Result known = hindcast(new HindcastRequest(s, KNOWN, settings, "test"));
    Hindcast.Result more = hindcast(new HindcastRequest(s, withLate, settings, "test"));
    Origin mar =
        known.scenario().origins().stream()
            .filter(o -> o.id().equals("MAR"))
            .findFirst()
            .orElseThrow();
    assertThat(mar.killedAtLeast()).isEqualTo(new Range(553, 908));
    assertThat(mar.killed()).isNull();
    // The manifest lists every floor.
    assertThat(run(new HindcastRequest(s, KNOWN, settings, "test")).manifestJson())
        .containsPattern("\"deathTollFloors\" ?: ?\\[[^\\]]*\"MAR 553-908\"");
    assertThat(more.scenario().origins()).isEqualTo(known.scenario().origins());
    assertThat(more.scored()).hasSameSizeAs(known.scored());
    for (int i = 0; i < known.scored().size(); i++) {
      assertThat(more.scored().get(i).sample()).isEqualTo(known.scored().get(i).sample());
    }
  }

  private static Hindcast.Result hindcast(HindcastRequest request) {
    return request.execute(Scenarios.PROVENANCE, done -> {}, Cancellation.NEVER).value();
  }

  @Test
  void aCalibrationWritesItsPosterior() throws Exception {
    LocalDate asOf = AS_OF;
    ScenarioInput s = isisAsOf();
    Artifacts a = run(new CalibrationRequest(s, KNOWN, asOf, 20, 40, 4, 9L, 2, "test", null));
    assertThat(a.files().keySet()).contains("posterior.csv", "calibration.html");
    // Issue #13: the manifest says each figure was compared under its definition.
    assertThat(a.manifestJson())
        .containsPattern("\"definitions\" ?: ?\"on: each figure compared under its definition")
        .containsPattern("figures not a plain count");
    assertThatThrownBy(() -> new CalibrationRequest(s, KNOWN, asOf, 20, 10, 4, 9L, 2, "test", null))
        .hasMessage("simulations: must be at least the particles (20), not 10");
  }

  /** The shipped ISIS scenario with its origins' stocks estimated as of {@link #AS_OF}. */
  private static ScenarioInput isisAsOf() {
    return new ScenarioInput(
        Scenarios.reader().withAsOf(AS_OF).read("isis-2017"), Scenarios.text("isis-2017"));
  }
}
