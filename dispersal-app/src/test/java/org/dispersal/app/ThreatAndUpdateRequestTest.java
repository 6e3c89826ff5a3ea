package org.dispersal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dispersal.analyst.ThreatOutlook;
import org.dispersal.app.artifacts.Artifacts;
import org.dispersal.app.artifacts.MemorySink;
import org.dispersal.app.problem.InputException;
import org.dispersal.app.problem.InputProblem;
import org.dispersal.app.threat.ThreatRequest;
import org.dispersal.app.update.Evidence;
import org.dispersal.app.update.UpdateRequest;
import org.dispersal.input.events.EventFile;
import org.dispersal.input.scenario.HypothesisScenario;
import org.junit.jupiter.api.Test;

/** The threat and update requests validate, execute and leave their files. */
class ThreatAndUpdateRequestTest {

  private static final Path EVENTS =
      Path.of("src/test/resources/org/dispersal/app/events-2017.csv");

  @Test
  void aThreatOutlookLeavesItsThreeFilesAndAManifest() throws Exception {
    ThreatRequest request = new ThreatRequest(Scenarios.builtIn("isis-2017", 6), 5, 3L, 2);
    RunResult<ThreatOutlook.Outlook> r =
        request.execute(Scenarios.PROVENANCE, done -> {}, Cancellation.NEVER);
    assertThat(r.summaryRows()).isEmpty();
    Artifacts a = new MemorySink().keep(r);
    assertThat(a.files().keySet())
        .containsExactly(
            "manifest.json", "threat.csv", "threat.html", "threat.html.csp", "threat.json");
    assertThatThrownBy(() -> new ThreatRequest(Scenarios.builtIn("isis-2017", 6), 0, 3L, 2))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("replications:");
  }

  @Test
  void anUpdateOnPostedEventsKeepsTheTextAndItsFiles() throws Exception {
    HypothesisScenario read = Scenarios.withHypotheses("isis-2017");
    ScenarioInput in = new ScenarioInput(read.scenario(), Scenarios.text("isis-2017"));
    String text = Files.readString(EVENTS);
    UpdateRequest request =
        UpdateRequest.of(
            in,
            read.hypotheses(),
            Evidence.posted(text, EventFile.Format.OURS, 0.8),
            null,
            null,
            null);
    assertThat(request.replications()).isZero();
    RunResult<UpdateRequest.Outcome> r =
        request.execute(Scenarios.PROVENANCE, done -> {}, Cancellation.NEVER);
    Artifacts a = new MemorySink().keep(r);
    assertThat(a.files().keySet())
        .contains(
            "events-input.csv",
            "update.json",
            "update.csv",
            "update.html",
            "weights.csv",
            "manifest.json");
    assertThat(new String(a.files().get("events-input.csv"), "UTF-8")).isEqualTo(text);
  }

  @Test
  void aBrokenPostedRowNamesItsLineColumnAndValue() throws Exception {
    List<String> lines = Files.readAllLines(EVENTS);
    lines.set(3, lines.get(3).replace("2017-04-23", "2017-04-31"));
    assertThatThrownBy(() -> Evidence.posted(String.join("\n", lines), EventFile.Format.OURS, 0.8))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("the events cannot be read: line 4, date: '2017-04-31'")
        .satisfies(
            e -> {
              InputProblem p = ((InputException) e).problems().get(0);
              assertThat(p.source()).isEqualTo("events-input.csv");
              assertThat(p.line()).isEqualTo(4);
              assertThat(p.field()).isEqualTo("date");
              assertThat(p.value()).isEqualTo("2017-04-31");
            });
  }

  @Test
  void aScenarioWithoutHypothesesIsRefused() {
    ScenarioInput in = Scenarios.builtIn("isis-2017", 6);
    assertThatThrownBy(
            () ->
                UpdateRequest.of(
                    in,
                    null,
                    new Evidence(List.of(), null, List.of(), List.of(), null),
                    null,
                    null,
                    null))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("scenario isis-2017 declares no hypotheses");
  }
}
