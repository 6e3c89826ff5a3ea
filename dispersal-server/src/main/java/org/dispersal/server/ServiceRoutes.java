package org.dispersal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.dispersal.model.Origin;
import org.dispersal.model.Place;
import org.dispersal.model.State;
import org.dispersal.output.report.Palette;
import org.dispersal.server.runs.ScenarioLibrary;
import org.dispersal.server.security.Access;

/**
 * Routes about the service itself and reference lists: health, the OpenAPI document, the headline
 * states (with the report's labels and colours), the origin countries and the places.
 */
final class ServiceRoutes {

  /** Where the hand-written OpenAPI document lives on the classpath. */
  static final String OPENAPI = "/org/dispersal/server/openapi.yaml";

  private final String openApiYaml;
  private final String openApiJson;
  private final List<StateView> states;
  private final List<OriginView> origins;
  private final List<PlaceView> places;

  record Health(String status, String version) {}

  /**
   * A headline state as the dashboard shows it: the report's label, short label and colour, all
   * from {@link Palette}, so the dashboard and the report cannot disagree.
   *
   * @param id the state's identifier (a contract)
   * @param label the report's label for tables and charts
   * @param shortLabel a one- or two-word label for narrow columns
   * @param colour the report's colour, {@code #rrggbb}
   * @param pathway the pathway 1 to 5, or 0 outside the pathways
   */
  record StateView(String id, String label, String shortLabel, String colour, int pathway) {

    static StateView of(State s) {
      return new StateView(
          s.id(), Palette.label(s), Palette.shortLabel(s), Palette.colour(s), s.pathway());
    }
  }

  record OriginView(String id, String name, String iso3, String region) {}

  /**
   * A place of the reference scenario: a third theatre where relocators go, a core theatre or a
   * transit place, with the ISO alpha-3 codes of the countries it covers (for the map).
   */
  record PlaceView(String id, String name, String kind, List<String> countries) {}

  ServiceRoutes(ScenarioLibrary library) {
    this.openApiYaml = resource(OPENAPI);
    try {
      JsonNode doc = new YAMLMapper().readTree(openApiYaml);
      this.openApiJson = Json.MAPPER.writeValueAsString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.states = State.HEADLINE.stream().map(StateView::of).toList();
    this.origins =
        library.referenceOrigins().stream()
            .map(
                (Origin o) ->
                    new OriginView(o.id(), o.name(), o.country() ? o.id() : null, o.region()))
            .toList();
    this.places =
        library.referencePlaces().stream()
            .map(
                (Place p) ->
                    new PlaceView(
                        p.id(), p.name(), p.kind().name().toLowerCase(Locale.ROOT), p.countries()))
            .toList();
  }

  void register(JavalinDefaultRoutingApi r) {
    r.get("/api/health", ctx -> ctx.json(new Health("ok", ServiceVersion.get())), Access.PUBLIC);
    r.get(
        "/api/openapi.yaml",
        ctx -> ctx.contentType("application/yaml; charset=utf-8").result(openApiYaml),
        Access.PUBLIC);
    r.get(
        "/api/openapi.json",
        ctx -> ctx.contentType("application/json").result(openApiJson),
        Access.PUBLIC);
    r.get("/api/states", ctx -> ctx.json(states), Access.VIEWER);
    r.get("/api/origins", ctx -> ctx.json(origins), Access.VIEWER);
    r.get("/api/places", ctx -> ctx.json(places), Access.VIEWER);
  }

  static String resource(String path) {
    try (InputStream in = ServiceRoutes.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path + " (a build error)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
