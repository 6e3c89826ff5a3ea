package org.dispersal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dispersal.model.Origin;
import org.dispersal.model.State;
import org.dispersal.server.runs.ScenarioLibrary;
import org.dispersal.server.security.Access;

/**
 * Routes about the service itself and reference lists: health, the OpenAPI document, the headline
 * states and the origin countries.
 */
final class ServiceRoutes {

  /** Where the hand-written OpenAPI document lives on the classpath. */
  static final String OPENAPI = "/org/dispersal/server/openapi.yaml";

  private final String openApiYaml;
  private final String openApiJson;
  private final List<StateView> states;
  private final List<OriginView> origins;

  record Health(String status, String version) {}

  record StateView(String id, String label) {}

  record OriginView(String id, String name, String iso3, String region) {}

  ServiceRoutes(ScenarioLibrary library) {
    this.openApiYaml = resource(OPENAPI);
    try {
      JsonNode doc = new YAMLMapper().readTree(openApiYaml);
      this.openApiJson = Json.MAPPER.writeValueAsString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.states = State.HEADLINE.stream().map(s -> new StateView(s.id(), s.label())).toList();
    this.origins =
        library.referenceOrigins().stream()
            .map(
                (Origin o) ->
                    new OriginView(o.id(), o.name(), o.country() ? o.id() : null, o.region()))
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
