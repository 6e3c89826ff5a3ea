package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dispersal.app.forecast.DefaultMixture;
import org.dispersal.app.forecast.MixtureRequest;
import org.dispersal.hypotheses.HypothesisSet;
import org.junit.jupiter.api.Test;

/**
 * The thin slice end to end over real HTTP, on each kind of store: log in, list scenarios, submit a
 * small forecast, follow its progress stream to the end, read summary rows, the report, exports,
 * and a comparison; then cancel a run.
 */
abstract class ServiceFlowContract extends ServerContract {

  Api analyst;

  @Override
  void setUp() {
    analyst = TestServers.user(server, admin, "ana", "analyst");
  }

  long builtIn(String name) {
    JsonNode s = TestServers.listed(analyst, name);
    assertThat(s.get("builtIn").asBoolean()).isTrue();
    return s.get("id").asLong();
  }

  long submit(long scenario, int replications, int months) {
    Api.Reply r = TestServers.submit(analyst, scenario, replications, months);
    assertThat(r.json().get("status").asText()).isIn("queued", "running");
    return r.json().get("id").asLong();
  }

  /** Reads the run's progress stream until the server ends it; returns the events' data. */
  List<JsonNode> events(long run) throws IOException, InterruptedException {
    HttpResponse<Stream<String>> r =
        Api.HTTP.send(analyst.events(run).build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    List<JsonNode> out = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (Stream<String> lines = r.body()) {
      lines.forEach(
          line -> {
            if (line.startsWith("event:")) {
              names.add(line.substring(6).trim());
            } else if (line.startsWith("data:")) {
              out.add(Api.Reply.parse(line.substring(5).trim()));
            }
          });
    }
    assertThat(names).containsOnly("progress");
    return out;
  }

  /** The dashboard's "How good is this forecast?" box reads the shipped scorecard (#13). */
  @Test
  void aRunTellsHowGoodItsScenariosForecastsAre() throws Exception {
    long isisRun = submit(builtIn("isis-2017"), 2, 2);
    events(isisRun); // to its end: the caller's share of the queue is two runs
    JsonNode isis = analyst.get("/api/runs/" + isisRun + "/track-record").json();
    assertThat(isis.get("scenario").asText()).isEqualTo("isis-2017");
    assertThat(isis.get("scored").asBoolean()).isTrue();
    assertThat(isis.get("text").asText())
        .startsWith("Frozen at 2017-02-13")
        .contains("the figures the sources would publish");
    assertThat(isis.get("coverage90").asDouble()).isBetween(0.0, 1.0);
    assertThat(isis.get("met").asInt()).isLessThanOrEqualTo(isis.get("measurable").asInt());
    long maliRun = submit(builtIn("mali-2013"), 2, 2);
    events(maliRun);
    JsonNode mali = analyst.get("/api/runs/" + maliRun + "/track-record").json();
    assertThat(mali.get("scored").asBoolean()).isFalse();
    assertThat(mali.get("text").asText()).startsWith("No hindcast has scored mali-2013");
    assertThat(analyst.get("/api/runs/999999/track-record").status()).isEqualTo(404);
  }

  @Test
  void forecastRunsToTheEndWithProgressAndResults() throws Exception {
    long scenario = builtIn("isis-2017");
    long run = submit(scenario, 5, 6);
    List<JsonNode> events = events(run);
    assertThat(events).isNotEmpty();
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.get("status").asText()).as(last.toString()).isEqualTo("succeeded");
    assertThat(last.get("done").asInt()).isEqualTo(5);
    assertThat(last.get("total").asInt()).isEqualTo(5);
    for (JsonNode e : events.subList(0, events.size() - 1)) {
      assertThat(e.get("status").asText()).isIn("queued", "running");
    }

    JsonNode detail = analyst.get("/api/runs/" + run).json();
    assertThat(detail.get("status").asText()).isEqualTo("succeeded");
    assertThat(detail.get("manifest").get("runs").asInt()).isEqualTo(5);
    assertThat(detail.get("manifest").get("scenario").get("months").asInt()).isEqualTo(6);
    assertThat(detail.get("artifacts").toString()).contains("report.html", "summary.csv");

    JsonNode world =
        analyst
            .get("/api/runs/" + run + "/summary?scope=world&state=killed&demographic=all")
            .json();
    JsonNode rows = world.get("rows");
    assertThat(rows).hasSize(7); // months 0..6
    for (JsonNode row : rows) {
      assertThat(row.get("scope").asText()).isEqualTo("world");
      assertThat(row.get("p05").asLong()).isLessThanOrEqualTo(row.get("p50").asLong());
      assertThat(row.get("p50").asLong()).isLessThanOrEqualTo(row.get("p95").asLong());
    }
    // A repeated read carries the same entity tag; sending it back gives 304 without a body.
    String worldPath = "/api/runs/" + run + "/summary?scope=world&state=killed&demographic=all";
    Api.Reply tagged = analyst.getOk(worldPath);
    String etag = tagged.header("ETag");
    assertThat(etag).startsWith("\"").endsWith("\"");
    assertThat(analyst.getOk(worldPath).header("ETag")).isEqualTo(etag);
    Api.Reply notModified =
        Api.exchange(analyst.request(worldPath).header("If-None-Match", etag).GET().build());
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();
    Api.Reply otherTag =
        Api.exchange(analyst.request(worldPath).header("If-None-Match", "\"stale\"").GET().build());
    assertThat(otherTag.status()).isEqualTo(200);
    assertThat(otherTag.body()).isEqualTo(tagged.body());

    JsonNode month3 = analyst.get("/api/runs/" + run + "/summary?month=3&scope=region").json();
    assertThat(month3.get("rows")).isNotEmpty();
    month3.get("rows").forEach(row -> assertThat(row.get("month").asInt()).isEqualTo(3));

    JsonNode france =
        analyst.get("/api/runs/" + run + "/summary?scope=origin&scopeId=FRA&month=6").json();
    assertThat(france.get("rows")).isNotEmpty();
    france.get("rows").forEach(row -> assertThat(row.get("scope").asText()).isEqualTo("country"));

    Api.Reply report = analyst.getOk("/api/runs/" + run + "/report");
    assertThat(report.header("Content-Type")).startsWith("text/html");
    assertThat(report.header("Content-Disposition")).startsWith("attachment");
    assertThat(report.body()).contains("<html");
    assertThat(report.header("Content-Security-Policy"))
        .as("the report's own inline code is allowed by hash, nothing else")
        .contains("script-src 'sha256-")
        .contains("style-src-attr 'unsafe-hashes' 'sha256-")
        .contains("sandbox allow-scripts")
        .doesNotContain("unsafe-inline");

    Api.Reply csv = analyst.get("/api/runs/" + run + "/export?format=csv");
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.body()).startsWith("month,date,scope,scope_id");
    assertThat(csv.header("Content-Disposition")).contains("run-" + run + ".csv");

    long second = submit(scenario, 5, 6);
    events(second);
    JsonNode cmp = analyst.get("/api/compare?a=" + run + "&b=" + second + "&month=6").json();
    assertThat(cmp.get("rows")).isNotEmpty();
    JsonNode first = cmp.get("rows").get(0);
    assertThat(first.get("diffMedian").asLong())
        .isEqualTo(first.get("b").get("p50").asLong() - first.get("a").get("p50").asLong());
    // same scenario, seed and replications: the same numbers
    cmp.get("rows").forEach(row -> assertThat(row.get("diffMedian").asLong()).isZero());

    JsonNode audit = admin.get("/api/audit?limit=50").json();
    assertThat(audit.toString()).contains("run.submit", "export");
  }

  /**
   * The service's default forecast of a scenario with hypotheses and shipped stacking weights is
   * their mixture, as the command line's is; {@code "single": true} runs the scenario alone, and a
   * scenario without hypotheses always runs alone.
   */
  @Test
  void theDefaultForecastIsTheMixtureOfTheHypothesesAndSingleRunsTheScenarioAlone()
      throws Exception {
    long isis = builtIn("isis-2017");
    HypothesisSet set =
        new org.dispersal.server.runs.ScenarioLibrary()
            .parseWithHypotheses(
                org.dispersal.server.runs.ScenarioLibrary.builtIns().get("isis-2017"), "isis-2017")
            .hypotheses();
    assertThat(DefaultMixture.weights("isis-2017", set))
        .as("shipped stacking weights for exactly the hypotheses of isis-2017")
        .isPresent();
    long mixed = submit(isis, 16, 3);
    events(mixed);
    JsonNode detail = analyst.get("/api/runs/" + mixed).json();
    assertThat(detail.get("status").asText()).as(detail.toString()).isEqualTo("succeeded");
    JsonNode manifest = detail.get("manifest");
    assertThat(manifest.get("engine").asText()).isEqualTo(MixtureRequest.ENGINE);
    assertThat(manifest.get("mixture")).hasSize(set.hypotheses().size());
    assertThat(manifest.get("mixture").get(0).asText()).startsWith("hypothesis baseline at weight");
    assertThat(manifest.get("mixtureWeights").asText()).contains("stacking weights as of");
    assertThat(manifest.get("runs").asInt()).isEqualTo(16);
    assertThat(detail.get("artifacts").toString()).contains("mixture-weights.csv");

    Api.Reply r =
        analyst.post(
            "/api/runs",
            Api.json("scenarioId", isis, "replications", 16, "months", 3, "single", true));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    long single = r.json().get("id").asLong();
    events(single);
    JsonNode alone = analyst.get("/api/runs/" + single).json();
    assertThat(alone.get("status").asText()).as(alone.toString()).isEqualTo("succeeded");
    assertThat(alone.get("manifest").get("engine").asText()).isNotEqualTo(MixtureRequest.ENGINE);
    assertThat(alone.get("manifest").has("mixture")).isFalse();
    assertThat(alone.get("artifacts").toString()).doesNotContain("mixture-weights.csv");

    long mali = submit(builtIn("mali-2013"), 4, 3);
    events(mali);
    JsonNode maliRun = analyst.get("/api/runs/" + mali).json();
    assertThat(maliRun.get("status").asText()).as(maliRun.toString()).isEqualTo("succeeded");
    assertThat(maliRun.get("manifest").has("mixture")).isFalse();

    Api.Reply bad =
        analyst.post("/api/runs", Api.json("scenarioId", isis, "replications", 4, "single", "yes"));
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
  }

  @Test
  void aRunCanBeCancelled() throws Exception {
    long scenario = builtIn("isis-2017");
    // The default forecast is the mixture, a summary more than a single forecast: 6,000 fit.
    long run = submit(scenario, 6_000, 36);
    Api.Reply cancel = analyst.post("/api/runs/" + run + "/cancel", null);
    assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
    List<JsonNode> events = events(run);
    assertThat(events.get(events.size() - 1).get("status").asText()).isEqualTo("cancelled");
    JsonNode after = analyst.get("/api/runs/" + run).json();
    assertThat(after.get("status").asText()).isEqualTo("cancelled");
    assertThat(after.get("done").asInt()).isLessThan(6_000);
    assertThat(analyst.post("/api/runs/" + run + "/cancel", null).status()).isEqualTo(409);
  }
}
