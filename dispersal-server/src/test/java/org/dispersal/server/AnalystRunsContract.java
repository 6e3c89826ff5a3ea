package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dispersal.analyst.ThreatOutlook;
import org.dispersal.app.forecast.DefaultMixture;
import org.dispersal.engine.CompiledModel;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.hypotheses.Updater;
import org.dispersal.input.events.EventFile;
import org.dispersal.input.scenario.HypothesisScenario;
import org.dispersal.model.Origin;
import org.dispersal.model.Scenario;
import org.dispersal.output.analyst.HypothesesJson;
import org.dispersal.output.analyst.ThreatOutputs;
import org.dispersal.server.runs.ScenarioLibrary;
import org.junit.jupiter.api.Test;

/**
 * Threat-outlook and hypothesis-update runs over real HTTP: who may start and read them, a threat
 * run whose threat.json is what {@link ThreatOutlook} gives for the same seed, an update whose
 * weights are what {@link Updater} gives for the same events, and the refusals (a broken event row
 * with its line and column, a scenario without hypotheses, events over the size limit).
 */
abstract class AnalystRunsContract extends ServerContract {

  /** The command line's event fixture: invented rows in our format. */
  private static final Path EVENTS =
      Path.of("../dispersal-cli/src/test/resources/org/dispersal/cli/events-2017.csv");

  Api analyst;
  Api viewer;
  final ScenarioLibrary library = new ScenarioLibrary();

  @Override
  void setUp() {
    analyst = TestServers.user(server, admin, "ana", "analyst");
    viewer = TestServers.user(server, admin, "vic", "viewer");
  }

  private JsonNode scenario(String name) {
    for (JsonNode s : analyst.get("/api/scenarios").json()) {
      if (s.get("name").asText().equals(name)) {
        return analyst.get("/api/scenarios/" + s.get("id").asLong()).json();
      }
    }
    throw new AssertionError("no built-in scenario " + name);
  }

  private static String update(long scenario, String events, String asOf) {
    return Api.json("scenarioId", scenario, "kind", "update", "events", events, "asOf", asOf);
  }

  @Test
  void aThreatRunTellsProgressAndStopsWhenCancelled() throws Exception {
    long id = scenario("isis-2017").get("id").asLong();
    Api.Reply r =
        analyst.post(
            "/api/runs",
            Api.json("scenarioId", id, "kind", "threat", "replications", 2000, "months", 36));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    long run = r.json().get("id").asLong();
    JsonNode seen =
        await("the threat run to report progress or end")
            .atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofMillis(50))
            .until(
                () -> analyst.get("/api/runs/" + run).json(),
                d ->
                    d.get("done").asInt() > 0
                        || !d.get("status").asText().matches("queued|running"));
    assertThat(seen.get("status").asText()).as(seen.toString()).isEqualTo("running");
    assertThat(seen.get("done").asInt()).isBetween(1, 1999);
    Api.Reply cancel = analyst.post("/api/runs/" + run + "/cancel", null);
    assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
    JsonNode after = finished(run);
    assertThat(after.get("status").asText()).isEqualTo("cancelled");
    assertThat(after.get("done").asInt()).isLessThan(2000);
    assertThat(after.get("artifacts")).isEmpty();
  }

  @Test
  void aThreatRunGivesTheOutlookOfThreatOutlookForTheSameSeed() throws Exception {
    JsonNode isis = scenario("isis-2017");
    long id = isis.get("id").asLong();
    SecurityTest.assertProblem(
        viewer.post("/api/runs", Api.json("scenarioId", id, "kind", "threat", "replications", 20)),
        403);
    Api.Reply r =
        analyst.post(
            "/api/runs",
            Api.json(
                "scenarioId", id, "kind", "threat", "replications", 20, "seed", 7, "months", 12));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.json().get("kind").asText()).isEqualTo("threat");
    long run = r.json().get("id").asLong();
    JsonNode detail = finished(run);
    assertThat(detail.get("status").asText()).as(detail.toString()).isEqualTo("succeeded");
    assertThat(detail.get("done").asInt()).isEqualTo(20);
    assertThat(detail.get("manifest").get("kind").asText()).isEqualTo("threat");
    assertThat(detail.get("manifest").get("runs").asInt()).isEqualTo(20);
    assertThat(detail.get("artifacts").toString())
        .contains("threat.json", "threat.csv", "threat.html", "manifest.json");

    Scenario s = library.parse(isis.get("yaml").asText(), "isis-2017").withMonths(12);
    ThreatOutlook.Outlook o = ThreatOutlook.run(new CompiledModel(s), 20, 7L, 1);
    Map<String, String> names = new LinkedHashMap<>();
    for (Origin origin : s.origins()) {
      names.put(origin.id(), origin.name());
    }
    JsonNode expected =
        Api.Reply.parse(ThreatOutputs.json(o, "isis-2017", names, s.start(), 7L).toString());
    Api.Reply threat = viewer.get("/api/runs/" + run + "/threat");
    assertThat(threat.status()).as(threat.body()).isEqualTo(200);
    assertThat(threat.header("Content-Type")).startsWith("application/json");
    assertThat(threat.json()).isEqualTo(expected);
    assertThat(threat.json().get("destinations").get(0).get("series").get("plots").get("p50"))
        .hasSize(13);

    SecurityTest.assertProblem(viewer.get("/api/runs/" + run + "/update"), 404);
    Api.Reply report = viewer.getOk("/api/runs/" + run + "/report");
    assertThat(report.body()).contains("Ranked destinations");
    Api.Reply csv = viewer.getOk("/api/runs/" + run + "/export?format=csv");
    assertThat(csv.body()).startsWith("rank,destination,name,month,date,measure,mean");
    // Every run kind exports its own table (issue #16): the threat table as JSON rows too.
    Api.Reply json = viewer.getOk("/api/runs/" + run + "/export?format=json");
    assertThat(json.json().get("table").asText()).isEqualTo("threat.csv");
    assertThat(json.json().get("rows").size()).isPositive();
    assertThat(admin.get("/api/audit?limit=50").body())
        .contains("threat outlook, isis-2017, 20 replications, seed 7", "threat.csv");
  }

  @Test
  void anUpdateRunGivesTheWeightsOfTheUpdater() throws Exception {
    JsonNode isis = scenario("isis-2017");
    long id = isis.get("id").asLong();
    String text = Files.readString(EVENTS);
    SecurityTest.assertProblem(viewer.post("/api/runs", update(id, text, "2017-09-30")), 403);
    Api.Reply r = analyst.post("/api/runs", update(id, text, "2017-09-30"));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.json().get("kind").asText()).isEqualTo("update");
    assertThat(r.json().get("replications").asInt()).isZero();
    long run = r.json().get("id").asLong();
    JsonNode detail = finished(run);
    assertThat(detail.get("status").asText()).as(detail.toString()).isEqualTo("succeeded");
    assertThat(detail.get("artifacts").toString())
        .contains(
            "update.json",
            "weights.csv",
            "update.csv",
            "events.csv",
            "indicators.csv",
            "update.html",
            "events-input.csv");

    HypothesisScenario read = library.parseWithHypotheses(isis.get("yaml").asText(), "isis-2017");
    HypothesisSet set = read.hypotheses();
    EventFile events = EventFile.Format.OURS.read(EVENTS, HypothesesJson.DEFAULT_RELIABILITY);
    // The service's update starts from the shipped stacking weights, as the command line's does.
    HypothesisSet start = DefaultMixture.startingWeights("isis-2017", set);
    assertThat(start.priorWeights()).isNotEqualTo(set.priorWeights());
    Updater.Result direct = Updater.run(start, events.events(), LocalDate.of(2017, 9, 30), 1);

    Api.Reply u = viewer.get("/api/runs/" + run + "/update");
    assertThat(u.status()).as(u.body()).isEqualTo(200);
    JsonNode doc = u.json();
    assertThat(doc.get("asOf").asText()).isEqualTo("2017-09-30");
    assertThat(doc.get("hypotheses")).hasSize(set.hypotheses().size());
    for (int i = 0; i < set.hypotheses().size(); i++) {
      JsonNode h = doc.get("hypotheses").get(i);
      assertThat(h.get("id").asText()).isEqualTo(set.hypotheses().get(i).id());
      assertThat(h.get("posterior").asDouble()).isEqualTo(direct.posterior()[i]);
    }
    assertThat(doc.get("trail")).hasSize(direct.trail().size());
    assertThat(doc.get("events")).hasSize(11);
    assertThat(doc.get("events").get(0).get("origin").asText()).isEqualTo("events-input.csv:2");
    assertThat(doc.get("sources").get(0).asText()).isEqualTo("events-input.csv (ours, 11 rows)");

    Api.Reply report = viewer.getOk("/api/runs/" + run + "/report");
    assertThat(report.body()).contains("Audit trail");
    Api.Reply csv = viewer.getOk("/api/runs/" + run + "/export?format=csv");
    assertThat(csv.body()).startsWith("step,date,indicator,outcome");
    // Every run kind exports its own table (issue #16): the audit trail as Parquet too.
    Api.Reply parquet = viewer.getOk("/api/runs/" + run + "/export?format=parquet");
    assertThat(parquet.body()).startsWith("PAR1");
    SecurityTest.assertProblem(viewer.get("/api/runs/" + run + "/threat"), 404);

    Api.Reply prior = viewer.get("/api/scenarios/" + id + "/hypotheses");
    assertThat(prior.status()).as(prior.body()).isEqualTo(200);
    assertThat(prior.json().get("asOf").isNull()).isTrue();
    double[] weights = set.priorWeights();
    for (int i = 0; i < weights.length; i++) {
      JsonNode h = prior.json().get("hypotheses").get(i);
      assertThat(h.get("prior").asDouble()).isEqualTo(weights[i]);
      assertThat(h.get("posterior").asDouble()).isEqualTo(weights[i]);
    }
    assertThat(prior.json().get("watch")).hasSize(set.indicators().size());
  }

  @Test
  void aBrokenEventRowIsRefusedWithItsLineAndColumn() throws Exception {
    long id = scenario("isis-2017").get("id").asLong();
    List<String> lines = Files.readAllLines(EVENTS);
    assertThat(lines.get(3)).startsWith("T03,,2017-04-23,");
    lines.set(3, lines.get(3).replace("2017-04-23", "2017-04-31"));
    Api.Reply r = analyst.post("/api/runs", update(id, String.join("\n", lines), null));
    SecurityTest.assertProblem(r, 422);
    JsonNode error = r.json().get("errors").get(0);
    assertThat(error.get("line").asInt()).isEqualTo(4);
    assertThat(error.get("field").asText()).isEqualTo("date");
    assertThat(error.get("message").asText()).contains("'2017-04-31' is not a date");
    assertThat(r.json().get("detail").asText())
        .startsWith("the events cannot be read: line 4, date");
  }

  @Test
  void aScenarioWithoutHypothesesHasNoUpdateAndNoHypotheses() throws Exception {
    long id = scenario("mali-2013").get("id").asLong();
    Api.Reply r = analyst.post("/api/runs", update(id, Files.readString(EVENTS), null));
    SecurityTest.assertProblem(r, 422);
    assertThat(r.json().get("detail").asText())
        .startsWith("scenario mali-2013 declares no hypotheses");
    Api.Reply h = viewer.get("/api/scenarios/" + id + "/hypotheses");
    SecurityTest.assertProblem(h, 404);
    assertThat(h.json().get("detail").asText())
        .isEqualTo("scenario mali-2013 declares no hypotheses");
  }

  @Test
  void eventsOverTheRequestSizeLimitAreRefused() throws Exception {
    long id = scenario("isis-2017").get("id").asLong();
    String header = Files.readAllLines(EVENTS).get(0) + "\n";
    StringBuilder big = new StringBuilder(header);
    String row = "X,,2017-03-18,LBY,Sabratha,attack,bombing,Islamic State,2,invented,0.9,pad\n";
    while (big.length() <= (1 << 20)) {
      big.append(row);
    }
    SecurityTest.assertProblem(analyst.post("/api/runs", update(id, big.toString(), null)), 413);
  }

  @Test
  void badSettingsAreRefusedWithTheirField() {
    long id = scenario("isis-2017").get("id").asLong();
    Api.Reply kind = analyst.post("/api/runs", Api.json("scenarioId", id, "kind", "guess"));
    SecurityTest.assertProblem(kind, 422);
    assertThat(kind.json().get("errors").get(0).get("field").asText()).isEqualTo("kind");
    Api.Reply none =
        analyst.post("/api/runs", Api.json("scenarioId", id, "kind", "threat", "replications", 0));
    SecurityTest.assertProblem(none, 422);
    Api.Reply large =
        analyst.post(
            "/api/runs", Api.json("scenarioId", id, "kind", "threat", "replications", 8000));
    SecurityTest.assertProblem(large, 413);
    assertThat(large.json().get("errors").get(0).get("field").asText()).isEqualTo("replications");
    assertThat(large.json().get("detail").asText())
        .matches(".*MiB, over the limit of .*ask for at most \\d{3,4} replications");
    Api.Reply format =
        analyst.post(
            "/api/runs",
            Api.json("scenarioId", id, "kind", "update", "events", "x", "format", "csv"));
    SecurityTest.assertProblem(format, 422);
    assertThat(format.json().get("errors").get(0).get("field").asText()).isEqualTo("format");
  }

  /** Observations the calibration and hindcast runs read: the command line's data file. */
  private static final Path KNOWN = Path.of("../data/observations/known-2017-02.csv");

  /** Waits until the run is finished and returns its detail as the analyst sees it. */
  private JsonNode finished(long run) {
    return TestServers.finished(analyst, run);
  }

  private JsonNode submitAndFinish(String body) throws Exception {
    Api.Reply r = analyst.post("/api/runs", body);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    JsonNode d = finished(r.json().get("id").asLong());
    assertThat(d.get("status").asText()).as(d.toString()).isEqualTo("succeeded");
    return d;
  }

  @Test
  void aFinishedForecastGivesItsBriefAsAPdfOfTwoToFourPages() throws Exception {
    long id = scenario("isis-2017").get("id").asLong();
    JsonNode forecast =
        submitAndFinish(
            Api.json("scenarioId", id, "kind", "forecast", "replications", 8, "seed", 5));
    long run = forecast.get("id").asLong();
    HttpResponse<byte[]> brief = viewer.download("/api/runs/" + run + "/brief.pdf");
    assertThat(brief.statusCode()).isEqualTo(200);
    assertThat(brief.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(brief.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"run-" + run + "-brief.pdf\"");
    try (PDDocument pdf = Loader.loadPDF(brief.body())) {
      assertThat(pdf.getNumberOfPages()).isBetween(2, 4);
      assertThat(new PDFTextStripper().getText(pdf)).contains("Stored run " + run);
    }

    Api.Reply missing = viewer.get("/api/runs/999999/brief.pdf");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("detail").asText()).isNotBlank();
    // A forecast still running has no brief yet: 409, then it is cancelled.
    Api.Reply big =
        analyst.post(
            "/api/runs", Api.json("scenarioId", id, "kind", "forecast", "replications", 2000));
    assertThat(big.status()).as(big.body()).isEqualTo(202);
    long running = big.json().get("id").asLong();
    Api.Reply early = viewer.get("/api/runs/" + running + "/brief.pdf");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("detail").asText())
        .startsWith("run " + running + " has not succeeded (");
    assertThat(analyst.post("/api/runs/" + running + "/cancel", null).status()).isEqualTo(202);
    assertThat(finished(running).get("status").asText()).isEqualTo("cancelled");
  }

  @Test
  void everyKindOfTheCommandLineRunsThroughTheService() throws Exception {
    long id = scenario("isis-2017").get("id").asLong();
    JsonNode screening =
        submitAndFinish(
            Api.json(
                "scenarioId",
                id,
                "kind",
                "screening",
                "country",
                "FRA",
                "sensitivity",
                0.8,
                "specificity",
                0.95,
                "replications",
                10,
                "month",
                6));
    assertThat(screening.get("kind").asText()).isEqualTo("screening");
    assertThat(screening.get("manifest").get("kind").asText()).isEqualTo("screening");
    assertThat(screening.get("artifacts").toString())
        .contains("screening.csv", "screening.html", "manifest.json");

    JsonNode comparison =
        submitAndFinish(
            Api.json(
                "scenarioId",
                id,
                "kind",
                "comparison",
                "replications",
                6,
                "compareMonths",
                List.of(4, 2),
                "variants",
                List.of(
                    java.util.Map.of("scenarioId", id),
                    java.util.Map.of("scenarioId", id, "set", List.of("border_closure=0.95")))));
    assertThat(comparison.get("artifacts").toString()).contains("compare.csv", "compare.html");
    assertThat(comparison.get("manifest").get("months").toString()).isEqualTo("[2,4]");
    // A brief needs a forecast (issue #16).
    long compared = comparison.get("id").asLong();
    Api.Reply notForecast = viewer.get("/api/runs/" + compared + "/brief.pdf");
    assertThat(notForecast.status()).isEqualTo(422);
    assertThat(notForecast.json().get("detail").asText())
        .isEqualTo("run: run " + compared + " is a comparison run; a brief needs a forecast");

    JsonNode sensitivity =
        submitAndFinish(
            Api.json(
                "scenarioId",
                id,
                "kind",
                "sensitivity",
                "outputs",
                List.of("returned:region=Western Europe:month=2"),
                "trajectories",
                2,
                "baseSamples",
                4,
                "replications",
                1,
                "top",
                1,
                "bootstrap",
                10));
    assertThat(sensitivity.get("artifacts").toString())
        .contains("sensitivity.csv", "sensitivity.html");

    String observations = Files.readString(KNOWN);
    JsonNode hindcast = submitAndFinish(hindcastBody(id, observations));
    assertThat(hindcast.get("artifacts").toString()).contains("hindcast.csv", "hindcast.html");

    JsonNode calibration =
        submitAndFinish(
            Api.json(
                "scenarioId",
                id,
                "kind",
                "calibration",
                "observations",
                observations,
                "asOf",
                "2017-02-13",
                "particles",
                20,
                "simulations",
                40,
                "checkRuns",
                4));
    assertThat(calibration.get("artifacts").toString())
        .contains("posterior.csv", "calibration.html");
    assertThat(calibration.get("manifest").get("definitions").asText()).startsWith("on:");

    // definitions: false compares every figure with the count of its measure, as
    // calibrate --no-definitions does, and the manifest says so.
    JsonNode plain =
        submitAndFinish(
            Api.json(
                "scenarioId",
                id,
                "kind",
                "calibration",
                "observations",
                observations,
                "asOf",
                "2017-02-13",
                "particles",
                20,
                "simulations",
                40,
                "checkRuns",
                4,
                "definitions",
                false));
    assertThat(plain.get("manifest").get("definitions").asText()).startsWith("off:");
    Api.Reply wrongType =
        analyst.post(
            "/api/runs",
            Api.json(
                "scenarioId",
                id,
                "kind",
                "calibration",
                "observations",
                observations,
                "definitions",
                List.of(1)));
    assertThat(wrongType.status()).isEqualTo(400);
  }

  /**
   * A forecast as of a date with posted observation files: the manifest (in the run's detail) lists
   * the figures used and those set aside with the reason, none published after the date is used,
   * and assimilation.csv is kept; bad dates, names and rows are 422 naming the field.
   */
  @Test
  void aForecastAsOfADateShowsTheFiguresItUsed() throws Exception {
    long id = scenario("isis-2017").get("id").asLong();
    String validation = Files.readString(Path.of("../data/observations/validation-2017.csv"));
    JsonNode run =
        submitAndFinish(
            Api.json(
                "scenarioId",
                id,
                "kind",
                "forecast",
                "replications",
                8,
                "months",
                12,
                "asOf",
                "2017-08-31",
                "observations",
                List.of(Map.of("name", "validation-2017.csv", "text", validation))));
    assertThat(run.get("artifacts").toString()).contains("assimilation.csv", "report.html");
    JsonNode a = run.get("manifest").get("assimilation");
    assertThat(a.get("as_of").asText()).isEqualTo("2017-08-31");
    assertThat(a.get("effective_sample_size").asDouble()).isBetween(1.0, 8.0);
    assertThat(a.get("used").size()).isPositive();
    for (JsonNode u : a.get("used")) {
      assertThat(u.get("file").asText()).isEqualTo("validation-2017.csv");
      assertThat(LocalDate.parse(lastDay(u.get("published").asText())))
          .isBeforeOrEqualTo(LocalDate.of(2017, 8, 31));
      assertThat(u.has("line") && u.has("source") && u.has("target") && u.has("value")).isTrue();
    }
    assertThat(a.get("set_aside").toString()).contains("after the as-of date 2017-08-31");
    a.get("set_aside").forEach(s -> assertThat(s.get("reason").asText()).isNotBlank());
    // The default filter is the monthly one: a step per figure month, in order, every used figure
    // in one step.
    assertThat(a.get("filter").asText()).isEqualTo("monthly");
    assertThat(a.get("steps").size()).isGreaterThan(1);
    int figures = 0;
    String previous = "";
    for (JsonNode step : a.get("steps")) {
      assertThat(step.get("month").asText()).matches("\\d{4}-\\d{2}").isGreaterThan(previous);
      previous = step.get("month").asText();
      assertThat(step.get("ess").asDouble()).isBetween(1.0, 8.0);
      assertThat(step.get("distinct").asInt()).isBetween(1, 8);
      figures += step.get("figures").asInt();
    }
    assertThat(figures).isEqualTo(a.get("used").size());
    // The Liu-West move is on by default, with the command line's discount, and each step then
    // keeps a distinct parameter vector per particle.
    assertThat(a.get("parameter_move").get("method").asText()).isEqualTo("liu-west");
    assertThat(a.get("parameter_move").get("discount").asDouble()).isEqualTo(0.98);
    a.get("steps").forEach(step -> assertThat(step.get("parameter_vectors").asInt()).isEqualTo(8));

    Api.Reply outside =
        analyst.post(
            "/api/runs", Api.json("scenarioId", id, "replications", 8, "asOf", "2021-01-01"));
    SecurityTest.assertProblem(outside, 422);
    assertThat(outside.json().get("errors").get(0).get("field").asText()).isEqualTo("asOf");
    assertThat(outside.json().get("detail").asText()).contains("2015-01-01 to 2019-12-31");

    Api.Reply badName =
        analyst.post(
            "/api/runs",
            Api.json(
                "scenarioId",
                id,
                "replications",
                8,
                "asOf",
                "2017-08-31",
                "observations",
                List.of(Map.of("name", "../x.csv", "text", validation))));
    SecurityTest.assertProblem(badName, 422);
    assertThat(badName.json().get("errors").get(0).get("field").asText())
        .isEqualTo("observations[0].name");

    Api.Reply badRow =
        analyst.post(
            "/api/runs",
            Api.json(
                "scenarioId",
                id,
                "replications",
                8,
                "asOf",
                "2017-08-31",
                "observations",
                List.of(
                    Map.of(
                        "name",
                        "mine.csv",
                        "text",
                        "date,published,scope,scope_id,demographic,measure,low,high,source_id\n"
                            + "2017-05,2017-06,country,FRA,all,returned,lots,1,X\n"))));
    SecurityTest.assertProblem(badRow, 422);
    JsonNode error = badRow.json().get("errors").get(0);
    assertThat(error.get("source").asText()).isEqualTo("mine.csv");
    assertThat(error.get("line").asInt()).isEqualTo(2);
  }

  /**
   * A forecast as of a date takes {@code filter} as {@code --filter} does: {@code one-step} gives
   * one step over every used figure in the manifest; a value of the wrong type is a 400, an unknown
   * or huge one a 422 naming the field and the allowed values in one short line, and a forecast
   * without {@code asOf} refuses it.
   */
  @Test
  void aForecastAsOfADateTakesTheFilter() throws Exception {
    long id = scenario("isis-2017").get("id").asLong();
    List<Map<String, String>> files = validationFiles();
    JsonNode a = finishAsOf(id, files, "filter", "one-step");
    assertThat(a.get("filter").asText()).isEqualTo("one-step");
    assertThat(a.get("steps").size()).isEqualTo(1);
    JsonNode step = a.get("steps").get(0);
    // One step over every month: its month, when given, is the last figure's.
    if (step.has("month")) {
      assertThat(step.get("month").asText()).matches("\\d{4}-\\d{2}");
    }
    assertThat(step.get("figures").asInt()).isEqualTo(a.get("used").size()).isPositive();
    assertThat(step.get("ess").asDouble()).isEqualTo(a.get("effective_sample_size").asDouble());

    for (Object wrongType : new Object[] {5, true, List.of("monthly"), Map.of("id", "monthly")}) {
      Api.Reply r = postAsOf(id, files, "filter", wrongType);
      SecurityTest.assertProblem(r, 400);
      assertThat(r.json().get("detail").asText()).as(r.body()).contains("filter");
    }
    for (String bad : new String[] {"kalman", "x".repeat(200_000)}) {
      Api.Reply r = postAsOf(id, files, "filter", bad);
      SecurityTest.assertProblem(r, 422);
      assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("filter");
      String detail = r.json().get("detail").asText();
      assertThat(detail).startsWith("filter: must be monthly or one-step, not '");
      assertThat(detail.length()).isLessThan(120);
    }
    refusedWithoutDate(id, "filter", "one-step");
  }

  /** The observations file validation-2017.csv, posted under its name. */
  private static List<Map<String, String>> validationFiles() throws java.io.IOException {
    String validation = Files.readString(Path.of("../data/observations/validation-2017.csv"));
    return List.of(Map.of("name", "validation-2017.csv", "text", validation));
  }

  /**
   * The manifest's assimilation entry of a forecast as of 31 August 2017 on {@code files} with one
   * more field (8 replications, 6 months), run to its end.
   */
  private JsonNode finishAsOf(long id, List<Map<String, String>> files, String field, Object value)
      throws Exception {
    JsonNode run = submitAndFinish(asOfBody(id, files, "months", 6, field, value));
    return run.get("manifest").get("assimilation");
  }

  /** A forecast without {@code asOf} given this field: a 422 naming it and asking for asOf. */
  private void refusedWithoutDate(long id, String field, Object value) {
    Api.Reply r =
        analyst.post("/api/runs", Api.json("scenarioId", id, "replications", 8, field, value));
    SecurityTest.assertProblem(r, 422);
    assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
    assertThat(r.json().get("detail").asText()).contains("asOf");
  }

  /**
   * A forecast as of a date posted with one more field to the figures of {@code files}: 8
   * replications as of 31 August 2017.
   */
  private Api.Reply postAsOf(long id, List<Map<String, String>> files, String field, Object value) {
    return analyst.post("/api/runs", asOfBody(id, files, field, value));
  }

  /**
   * The body of a small hindcast of scenario {@code id} from 13 February 2017 (10 replications, no
   * calibration simulations, 20 particles) on {@code observations}, and the further names and
   * values {@code more}.
   */
  private static String hindcastBody(long id, String observations, Object... more) {
    List<Object> pairs =
        new java.util.ArrayList<>(
            List.of(
                "scenarioId",
                id,
                "kind",
                "hindcast",
                "observations",
                observations,
                "asOf",
                "2017-02-13",
                "replications",
                10,
                "simulations",
                0,
                "particles",
                20));
    pairs.addAll(List.of(more));
    return Api.json(pairs.toArray());
  }

  /**
   * The body of a forecast of scenario {@code id} as of 31 August 2017 with 8 replications on the
   * figures of {@code files}, and the further names and values {@code more}.
   */
  private static String asOfBody(long id, List<Map<String, String>> files, Object... more) {
    List<Object> pairs =
        new java.util.ArrayList<>(
            List.of(
                "scenarioId", id, "replications", 8, "asOf", "2017-08-31", "observations", files));
    pairs.addAll(List.of(more));
    return Api.json(pairs.toArray());
  }

  /**
   * A forecast as of a date takes {@code filterDiscount} as {@code --filter-discount} does: {@code
   * off} keeps each particle's parameters (the manifest's {@code parameter_move} says so, and no
   * step has more parameter vectors than particles chosen); a number outside (1/3, 1], a string
   * other than {@code off}, a boolean, list or object is a 422 naming the field in one short line,
   * as are a move with the one-step filter and the field without {@code asOf}.
   */
  @Test
  void aForecastAsOfADateTakesTheFilterDiscount() throws Exception {
    long id = scenario("isis-2017").get("id").asLong();
    List<Map<String, String>> files = validationFiles();
    JsonNode a = finishAsOf(id, files, "filterDiscount", "off");
    assertThat(a.get("filter").asText()).isEqualTo("monthly");
    assertThat(a.get("parameter_move").get("method").asText()).isEqualTo("off");
    assertThat(a.get("parameter_move").has("discount")).isFalse();
    for (JsonNode step : a.get("steps")) {
      // Without the move a step keeps no more parameter vectors than the roots it has kept.
      assertThat(step.get("parameter_vectors").asInt()).isBetween(1, 8);
    }

    for (Object bad :
        new Object[] {
          0, -0.5, 1.5, 0.2, 1.0000001, "0.98", "Off", "", true, List.of(0.98), Map.of("d", 0.98)
        }) {
      Api.Reply r = postAsOf(id, files, "filterDiscount", bad);
      SecurityTest.assertProblem(r, 422);
      assertThat(r.json().get("errors").get(0).get("field").asText())
          .as(r.body())
          .isEqualTo("filterDiscount");
      String detail = r.json().get("detail").asText();
      assertThat(detail).startsWith("filterDiscount: ").doesNotContain("\n");
      assertThat(detail.length()).isLessThan(160);
    }
    Api.Reply huge = postAsOf(id, files, "filterDiscount", "y".repeat(200_000));
    SecurityTest.assertProblem(huge, 422);
    assertThat(huge.json().get("detail").asText().length()).isLessThan(160);

    Api.Reply oneStep =
        analyst.post(
            "/api/runs", asOfBody(id, files, "filter", "one-step", "filterDiscount", 0.97));
    SecurityTest.assertProblem(oneStep, 422);
    assertThat(oneStep.json().get("errors").get(0).get("field").asText())
        .isEqualTo("filterDiscount");
    assertThat(oneStep.json().get("detail").asText()).contains("monthly filter only");

    refusedWithoutDate(id, "filterDiscount", 0.97);
  }

  /**
   * A hindcast and a forecast as of a date take {@code stocks} as {@code --stocks} does: {@code
   * pooled} is recorded in the manifest with the constants estimated at the date, {@code latest} is
   * the default; an unknown rule is a 422 naming the field and both rules in one short line, a
   * value of the wrong type a 400, and a forecast without {@code asOf} or a run of another kind
   * refuses the field (422).
   */
  @Test
  void aHindcastAndAForecastAsOfADateTakeTheStockRule() throws Exception {
    long id = scenario("isis-2017").get("id").asLong();
    List<Map<String, String>> files = validationFiles();
    JsonNode pooled = submitAndFinish(asOfBody(id, files, "months", 3, "stocks", "pooled"));
    assertThat(pooled.get("manifest").get("stocks").asText())
        .startsWith("pooled: latest figure of each series");
    JsonNode latest = submitAndFinish(asOfBody(id, files, "months", 3));
    assertThat(latest.get("manifest").get("stocks").asText()).isEqualTo("latest");

    String observations = Files.readString(KNOWN);
    JsonNode hindcast = submitAndFinish(hindcastBody(id, observations, "stocks", "pooled"));
    assertThat(hindcast.get("manifest").get("stocks").asText())
        .startsWith("pooled: ")
        .contains("revision trend");

    for (String bad : new String[] {"newest", "Pooled", "", "x".repeat(200_000)}) {
      Api.Reply r = postAsOf(id, files, "stocks", bad);
      SecurityTest.assertProblem(r, 422);
      assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("stocks");
      String detail = r.json().get("detail").asText();
      assertThat(detail)
          .startsWith(
              "stocks: must be latest (each quantity's latest figure, the default) or pooled")
          .doesNotContain("\n");
      assertThat(detail.length()).isLessThan(200);
    }
    for (Object wrongType : new Object[] {5, true, List.of("pooled"), Map.of("rule", "pooled")}) {
      Api.Reply r = postAsOf(id, files, "stocks", wrongType);
      SecurityTest.assertProblem(r, 400);
      assertThat(r.json().get("detail").asText()).as(r.body()).contains("stocks");
    }
    refusedWithoutDate(id, "stocks", "pooled");
    Api.Reply calibration =
        analyst.post(
            "/api/runs",
            Api.json(
                "scenarioId",
                id,
                "kind",
                "calibration",
                "observations",
                observations,
                "stocks",
                "pooled"));
    SecurityTest.assertProblem(calibration, 422);
    assertThat(calibration.json().get("errors").get(0).get("field").asText()).isEqualTo("stocks");
    assertThat(calibration.json().get("detail").asText())
        .isEqualTo(
            "stocks: applies to a hindcast or a forecast as of a date only, not to a run of kind"
                + " calibration");
  }

  /**
   * A hindcast starts at its date unless {@code startAt} is {@code scenario}, and the manifest says
   * which; an unknown start is a 422 naming the field in one short line, and a run of another kind
   * refuses the field.
   */
  @Test
  void aHindcastStartsAtItsDateOrAtTheScenarioStart() throws Exception {
    long id = scenario("isis-2017").get("id").asLong();
    String observations = Files.readString(KNOWN);
    JsonNode byDefault = submitAndFinish(hindcastBody(id, observations));
    assertThat(byDefault.get("manifest").get("startAt").asText())
        .startsWith("date: month 0 is the month of the forecast date");
    JsonNode fromStart = submitAndFinish(hindcastBody(id, observations, "startAt", "scenario"));
    assertThat(fromStart.get("manifest").get("startAt").asText())
        .startsWith("scenario: month 0 is the start of the scenario");
    for (String bad : new String[] {"Date", "", "x".repeat(200_000)}) {
      Api.Reply r = analyst.post("/api/runs", hindcastBody(id, observations, "startAt", bad));
      SecurityTest.assertProblem(r, 422);
      assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("startAt");
      String detail = r.json().get("detail").asText();
      assertThat(detail).startsWith("startAt: must be date (").doesNotContain("\n");
      assertThat(detail.length()).isLessThan(200);
    }
    Api.Reply forecast =
        analyst.post(
            "/api/runs",
            Api.json("scenarioId", id, "kind", "forecast", "replications", 10, "startAt", "date"));
    SecurityTest.assertProblem(forecast, 422);
    assertThat(forecast.json().get("errors").get(0).get("field").asText()).isEqualTo("startAt");
  }

  /** The last day a YYYY, YYYY-MM or YYYY-MM-DD date can mean. */
  private static String lastDay(String date) {
    return switch (date.length()) {
      case 4 -> date + "-12-31";
      case 7 -> java.time.YearMonth.parse(date).atEndOfMonth().toString();
      default -> date;
    };
  }

  @Test
  void aBrokenObservationRowIsRefusedWithItsSourceAndLine() {
    long id = scenario("isis-2017").get("id").asLong();
    Api.Reply r =
        analyst.post(
            "/api/runs",
            Api.json(
                "scenarioId",
                id,
                "kind",
                "calibration",
                "observations",
                "date,published,scope,scope_id,demographic,measure,low,high,source_id\n"
                    + "2017-10,2017-10-24,country,France,all,returned,1,1,X\n"));
    SecurityTest.assertProblem(r, 422);
    JsonNode error = r.json().get("errors").get(0);
    assertThat(error.get("source").asText()).isEqualTo("observations-input.csv");
    assertThat(error.get("line").asInt()).isEqualTo(2);
    Api.Reply screening =
        analyst.post(
            "/api/runs",
            Api.json(
                "scenarioId",
                id,
                "kind",
                "screening",
                "country",
                "XXX",
                "sensitivity",
                0.8,
                "specificity",
                0.9,
                "replications",
                5));
    SecurityTest.assertProblem(screening, 422);
    assertThat(screening.json().get("errors").get(0).get("field").asText()).isEqualTo("country");
  }
}
