package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dispersal.calibration.Posterior;
import org.dispersal.model.Prior;
import org.dispersal.model.Scenario;
import org.dispersal.output.validation.PosteriorCsv;
import org.dispersal.server.runs.ScenarioLibrary;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored files of a run by name ({@code GET /api/runs/{id}/files/{name}}) and a calibration's
 * posterior against its priors ({@code GET /api/runs/{id}/calibration}), on the embedded DuckDB
 * store: what a viewer reads is exactly what the run stored, and the document's quantiles are those
 * of the stored posterior and of the scenario's priors.
 */
class DuckDbRunFilesTest extends ServerContract {

  private static final Path KNOWN = Path.of("../data/observations/known-2017-02.csv");

  @TempDir static Path folder;
  @TempDir Path tmp;

  Api analyst;
  Api viewer;

  @Override
  String databaseUrl() {
    return TestDatabases.duckDb(folder);
  }

  @Override
  void setUp() {
    analyst = TestServers.user(server, admin, "ana", "analyst");
    viewer = TestServers.user(server, admin, "vic", "viewer");
  }

  private long scenario() {
    return TestServers.listed(analyst, "isis-2017").get("id").asLong();
  }

  private long submitAndFinish(String body) {
    Api.Reply r = analyst.post("/api/runs", body);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    long id = r.json().get("id").asLong();
    assertThat(TestServers.finished(analyst, id).get("status").asText()).isEqualTo("succeeded");
    return id;
  }

  @Test
  void aCalibrationsPosteriorIsSetAgainstItsPriors() throws Exception {
    long run =
        submitAndFinish(
            Api.json(
                "scenarioId",
                scenario(),
                "kind",
                "calibration",
                "observations",
                Files.readString(KNOWN),
                "asOf",
                "2017-02-13",
                "particles",
                20,
                "simulations",
                60,
                "checkRuns",
                4,
                "seed",
                3));
    HttpResponse<byte[]> csv = viewer.download("/api/runs/" + run + "/files/posterior.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    Path file = tmp.resolve("posterior.csv");
    Files.write(file, csv.body());
    Posterior posterior = PosteriorCsv.read(file);
    Scenario s =
        new ScenarioLibrary()
            .parse(
                analyst.get("/api/scenarios/" + scenario()).json().get("yaml").asText(),
                "isis-2017",
                LocalDate.parse("2017-02-13"),
                List.of());

    JsonNode doc = viewer.getOk("/api/runs/" + run + "/calibration").json();
    assertThat(doc.get("kind").asText()).isEqualTo("calibration");
    assertThat(doc.get("particles").asInt()).isEqualTo(posterior.size());
    double[] quantiles = {0.05, 0.25, 0.5, 0.75, 0.95};
    assertThat(doc.get("parameters")).hasSize(posterior.names().size());
    for (int j = 0; j < posterior.names().size(); j++) {
      JsonNode p = doc.get("parameters").get(j);
      String name = posterior.names().get(j);
      assertThat(p.get("name").asText()).isEqualTo(name);
      Prior prior = s.parameters().get(name).prior();
      assertThat(p.get("prior").asText()).isEqualTo(prior.describe());
      for (int q = 0; q < quantiles.length; q++) {
        assertThat(p.get("posterior").get(q).asDouble())
            .isEqualTo(posterior.quantile(j, quantiles[q]));
        assertThat(p.get("priorQuantiles").get(q).asDouble())
            .isEqualTo(prior.quantile(quantiles[q]));
      }
      double kept =
          (posterior.quantile(j, 0.95) - posterior.quantile(j, 0.05))
              / (prior.quantile(0.95) - prior.quantile(0.05));
      assertThat(p.get("kept").asDouble()).isEqualTo(kept);
      assertThat(sum(p.get("posteriorHistogram"))).isCloseTo(1, within(1e-9));
      assertThat(sum(p.get("priorHistogram"))).isCloseTo(1, within(1e-9));
      assertThat(p.get("edges")).hasSize(RunFileRoutes.BINS + 1);
    }
    // Kish's effective sample size lies between 1 and the number of particles.
    assertThat(doc.get("effectiveParticles").asDouble()).isBetween(1.0, (double) posterior.size());
  }

  @Test
  void aRunsFilesAreServedByNameAndNothingElseIs() {
    long run =
        submitAndFinish(
            Api.json(
                "scenarioId",
                scenario(),
                "kind",
                "screening",
                "country",
                "FRA",
                "sensitivity",
                0.8,
                "specificity",
                0.95,
                "replications",
                6,
                "month",
                6));
    JsonNode detail = viewer.getOk("/api/runs/" + run).json();
    assertThat(detail.get("artifacts").toString()).contains("screening.csv", "screening.html.csp");

    // The CSV is the run's table, the same bytes as its CSV export.
    Api.Reply csv = viewer.getOk("/api/runs/" + run + "/files/screening.csv");
    assertThat(csv.body()).startsWith("country,month,window_months,");
    assertThat(csv.body())
        .isEqualTo(viewer.getOk("/api/runs/" + run + "/export?format=csv").body());
    Api.Reply manifest = viewer.getOk("/api/runs/" + run + "/files/manifest.json");
    assertThat(manifest.json().get("kind").asText()).isEqualTo("screening");

    // A report goes out as an attachment under its own policy.
    HttpResponse<byte[]> html = viewer.download("/api/runs/" + run + "/files/screening.html");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"run-" + run + "-screening.html\"");
    assertThat(html.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("sandbox")
        .contains("default-src 'none'");
    assertThat(new String(html.body(), StandardCharsets.UTF_8)).contains("<html");

    // Sidecars, names the run did not store and paths out of the folder: 404.
    for (String name : List.of("screening.html.csp", "summary.csv", "..%2Fmanifest.json")) {
      Api.Reply missing = viewer.get("/api/runs/" + run + "/files/" + name);
      assertThat(missing.status()).as(name).isEqualTo(404);
    }
    // A run without a posterior has no calibration document; an unknown run is 404 too.
    Api.Reply none = viewer.get("/api/runs/" + run + "/calibration");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.json().get("detail").asText())
        .isEqualTo("run " + run + " (screening) has no posterior.csv");
    assertThat(viewer.get("/api/runs/999999/files/screening.csv").status()).isEqualTo(404);
  }

  private static double sum(JsonNode values) {
    double s = 0;
    for (JsonNode v : values) {
      s += v.asDouble();
    }
    return s;
  }
}
