package org.dispersal.server;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.dispersal.io.analyst.HypothesesJson;
import org.dispersal.io.scenario.HypothesisScenario;
import org.dispersal.server.runs.ScenarioLibrary;
import org.dispersal.server.security.Access;
import org.dispersal.store.ScenarioStore;
import org.dispersal.store.StoredScenario;

/**
 * A scenario's competing hypotheses and indicators at the prior weights, before any events: the
 * document of update.json with no evidence, for the dashboard to show what an update would weigh.
 */
final class HypothesisRoutes {

  private final ScenarioStore scenarios;
  private final ScenarioLibrary library;

  HypothesisRoutes(ScenarioStore scenarios, ScenarioLibrary library) {
    this.scenarios = scenarios;
    this.library = library;
  }

  void register(JavalinDefaultRoutingApi r) {
    r.get("/api/scenarios/{id}/hypotheses", this::hypotheses, Access.VIEWER);
  }

  private void hypotheses(Context ctx) {
    long id = Paths.id(ctx, "id");
    StoredScenario s =
        scenarios.find(id).orElseThrow(() -> ApiException.notFound("no scenario " + id));
    HypothesisScenario read = library.parseWithHypotheses(s.yaml(), s.name());
    if (read.hypotheses() == null) {
      throw ApiException.notFound("scenario " + s.name() + " declares no hypotheses");
    }
    ctx.contentType("application/json")
        .result(HypothesesJson.atPrior(s.name(), read.hypotheses()).toString());
  }
}
