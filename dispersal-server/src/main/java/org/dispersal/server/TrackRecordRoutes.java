package org.dispersal.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import org.dispersal.output.validation.PublishedScorecard;
import org.dispersal.server.security.Access;
import org.dispersal.server.security.Gate;
import org.dispersal.server.security.VisibilityRule;

/**
 * The track record of a run's scenario for the dashboard's "How good is this forecast?" box: the
 * shipped scorecard of the scenario's hindcast in the report's words (found by the scenario's name,
 * as the report finds it), or that none has scored it. Only for runs the {@link VisibilityRule}
 * lets the caller see.
 */
final class TrackRecordRoutes {

  private final VisibilityRule rule;

  TrackRecordRoutes(VisibilityRule rule) {
    this.rule = rule;
  }

  void register(JavalinDefaultRoutingApi r) {
    r.get("/api/runs/{id}/track-record", this::trackRecord, Access.VIEWER);
  }

  private void trackRecord(Context ctx) {
    String scenario = rule.run(Gate.caller(ctx), Paths.id(ctx, "id")).scenarioName();
    var card = PublishedScorecard.shipped(scenario);
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("scenario", scenario);
    out.put("scored", card.isPresent());
    out.put("text", PublishedScorecard.boxText(scenario));
    card.ifPresent(
        c -> {
          out.put("coverage90", c.coverage90());
          out.put("coverage50", c.coverage50());
          out.put("figures", c.figures());
          out.put("met", c.met().size());
          out.put("measurable", c.met().size() + c.missed().size());
          out.put("publishedFigures", c.publishedFigures());
          out.put("command", c.command());
        });
    out.put("details", "docs/VALIDATION.md (section Scorecard)");
    ctx.contentType("application/json").result(out.toString());
  }
}
