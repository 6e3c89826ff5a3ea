package org.dispersal.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dispersal.app.artifacts.Artifacts;
import org.dispersal.app.artifacts.FolderSink;
import org.dispersal.app.artifacts.MemorySink;
import org.dispersal.app.problem.InputProblem;
import org.dispersal.store.RunKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One manifest for every kind, sinks that keep every file a writer leaves (a sidecar next to a page
 * included), and the one-line form of an input problem.
 */
class SinksAndManifestTest {

  @TempDir Path tmp;

  private static RunResult<Void> withSidecar(ScenarioInput scenario) {
    Instant t = Instant.parse("2026-01-02T03:04:05Z");
    String manifest =
        ManifestBuilder.of(RunKind.COMPARISON, scenario)
            .put("runs", 3)
            .put("seed", 7L)
            .build(Scenarios.PROVENANCE, t, t.plusSeconds(2));
    return new RunResult<>(
        RunKind.COMPARISON,
        scenario,
        3,
        7L,
        null,
        null,
        manifest,
        null,
        dir -> {
          Files.writeString(dir.resolve("comparison.html"), "<html></html>");
          Files.writeString(dir.resolve("comparison.html.csp"), "sha256-abc");
        },
        t,
        t.plusSeconds(2));
  }

  @Test
  void theManifestBeginsWithKindAndScenarioAndEndsWithVersionsAndTimes() throws Exception {
    ScenarioInput s = Scenarios.builtIn("isis-2017", 6);
    JsonNode m = new ObjectMapper().readTree(withSidecar(s).manifestJson());
    assertThat(m.fieldNames())
        .toIterable()
        .containsExactly(
            "kind",
            "scenario",
            "runs",
            "seed",
            "data_version",
            "code_version",
            "started",
            "finished");
    assertThat(m.get("kind").asText()).isEqualTo("comparison");
    assertThat(m.get("scenario").get("name").asText()).isEqualTo("isis-2017");
    assertThat(m.get("scenario").get("sha256").asText())
        .isEqualTo(ManifestBuilder.sha256(Scenarios.text("isis-2017")));
    assertThat(m.get("data_version").asText()).isEqualTo("data-test");
    assertThat(m.get("finished").asText()).isEqualTo("2026-01-02T03:04:07Z");
  }

  @Test
  void folderAndMemoryKeepEveryFileAWriterLeaves() throws Exception {
    RunResult<Void> r = withSidecar(Scenarios.builtIn("isis-2017", 6));
    Path dir = r.keep(new FolderSink(tmp.resolve("new/folder")));
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .containsExactly("comparison.html", "comparison.html.csp", "manifest.json");
    }
    Artifacts a = new MemorySink().keep(r);
    assertThat(a.files().keySet())
        .containsExactly("comparison.html", "comparison.html.csp", "manifest.json");
    assertThat(a.rows()).isEmpty();
  }

  @Test
  void anInputProblemIsOneLineWithWhatIsKnown() {
    assertThat(new InputProblem("events.csv", 4, 3, "date", "2017-04-31", "is not a date"))
        .hasToString("events.csv:4:3: date: '2017-04-31' is not a date");
    assertThat(InputProblem.field("replications", "must be at least 1, not 0"))
        .hasToString("replications: must be at least 1, not 0");
    assertThat(new InputProblem("a.yaml", 0, 0, null, null, "line\nbreak"))
        .hasToString("a.yaml: line break");
    assertThat(List.of(new InputProblem(null, 0, 0, "x", "v", "m").valueAndMessage()))
        .containsExactly("'v' m");
  }
}
