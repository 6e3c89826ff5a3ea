package org.dispersal.server;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.dispersal.input.scenario.HypothesisScenario;
import org.dispersal.output.analyst.HypothesesJson;
import org.dispersal.server.runs.ScenarioLibrary;
import org.dispersal.server.security.Access;
import org.dispersal.server.security.Gate;
import org.dispersal.server.security.VisibilityRule;
import org.dispersal.store.StoredScenario;

/**
 * A scenario's competing hypotheses and indicators at the prior weights, before any events: the
 * document of update.json with no evidence, for the dashboard to show what an update would weigh.
 * Only for scenarios the {@link VisibilityRule} lets the caller see.
 */
final class HypothesisRoutes {

  private final VisibilityRule rule;
  private final ScenarioLibrary library;

  HypothesisRoutes(VisibilityRule rule, ScenarioLibrary library) {
    this.rule = rule;
    this.library = library;
  }

  void register(JavalinDefaultRoutingApi r) {
    r.get("/api/scenarios/{id}/hypotheses", this::hypotheses, Access.VIEWER);
  }

  private void hypotheses(Context ctx) {
    StoredScenario s = rule.scenario(Gate.caller(ctx), Paths.id(ctx, "id"));
    HypothesisScenario read = library.parseWithHypotheses(s.yaml(), s.name());
    if (read.hypotheses() == null) {
      throw ApiException.notFound("scenario " + s.name() + " declares no hypotheses");
    }
    ctx.contentType("application/json")
        .result(HypothesesJson.atPrior(s.name(), read.hypotheses()).toString());
  }
}
