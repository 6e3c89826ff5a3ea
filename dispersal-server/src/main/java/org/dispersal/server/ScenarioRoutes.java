package org.dispersal.server;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.List;
import org.dispersal.server.ApiException.FieldError;
import org.dispersal.server.runs.ScenarioLibrary;
import org.dispersal.server.security.Access;
import org.dispersal.server.security.Caller;
import org.dispersal.server.security.Gate;
import org.dispersal.store.AuditLog;
import org.dispersal.store.Role;
import org.dispersal.store.ScenarioStore;
import org.dispersal.store.StoredScenario;

/**
 * The scenario library: built-in scenarios (read-only) and analysts' own, with validation that
 * reports every problem with its line and field. Analysts change and delete their own scenarios;
 * admins any that is not built in.
 */
final class ScenarioRoutes {

  /** Longest scenario name. */
  static final int MAX_NAME = 100;

  private final ScenarioStore scenarios;
  private final ScenarioLibrary library;
  private final AuditLog audit;

  record ScenarioRequest(String name, String yaml) {}

  record ValidateRequest(String yaml) {}

  record ValidationView(boolean valid, List<FieldError> errors) {}

  record ScenarioItem(long id, String name, String owner, boolean builtIn, Instant updated) {}

  record ScenarioView(
      long id,
      String name,
      String owner,
      boolean builtIn,
      Instant created,
      Instant updated,
      String yaml) {
    static ScenarioView of(StoredScenario s) {
      return new ScenarioView(
          s.id(), s.name(), s.owner(), s.builtIn(), s.created(), s.updated(), s.yaml());
    }
  }

  ScenarioRoutes(ScenarioStore scenarios, ScenarioLibrary library, AuditLog audit) {
    this.scenarios = scenarios;
    this.library = library;
    this.audit = audit;
  }

  void register(JavalinDefaultRoutingApi r) {
    r.get("/api/scenarios", this::list, Access.VIEWER);
    r.post("/api/scenarios", this::create, Access.ANALYST);
    r.post("/api/scenarios/validate", this::validate, Access.VIEWER);
    r.get("/api/scenarios/{id}", ctx -> ctx.json(ScenarioView.of(find(ctx))), Access.VIEWER);
    r.put("/api/scenarios/{id}", this::update, Access.ANALYST);
    r.delete("/api/scenarios/{id}", this::delete, Access.ANALYST);
  }

  private void list(Context ctx) {
    ctx.json(
        scenarios.list().stream()
            .map(s -> new ScenarioItem(s.id(), s.name(), owner(s), s.builtIn(), s.updated()))
            .toList());
  }

  private void validate(Context ctx) {
    String yaml = Bodies.required(Bodies.read(ctx, ValidateRequest.class).yaml(), "yaml");
    List<FieldError> errors = library.check(yaml, "scenario");
    ctx.json(new ValidationView(errors.isEmpty(), errors));
  }

  private void create(Context ctx) {
    Caller c = Gate.caller(ctx);
    ScenarioRequest req = Bodies.read(ctx, ScenarioRequest.class);
    String name = checkName(req.name());
    String yaml = Bodies.required(req.yaml(), "yaml");
    if (scenarios.findByName(name).isPresent()) {
      throw ApiException.conflict("a scenario named " + name + " exists");
    }
    library.parse(yaml, name);
    StoredScenario s = scenarios.create(name, yaml, c.username());
    audit.record(c.username(), "scenario.create", "scenario:" + s.id(), name);
    ctx.status(201).json(ScenarioView.of(s));
  }

  private void update(Context ctx) {
    Caller c = Gate.caller(ctx);
    StoredScenario old = writable(ctx, c);
    ScenarioRequest req = Bodies.read(ctx, ScenarioRequest.class);
    String name = checkName(req.name());
    String yaml = Bodies.required(req.yaml(), "yaml");
    scenarios
        .findByName(name)
        .filter(other -> other.id() != old.id())
        .ifPresent(
            other -> {
              throw ApiException.conflict("a scenario named " + name + " exists");
            });
    library.parse(yaml, name);
    StoredScenario s = scenarios.update(old.id(), name, yaml);
    audit.record(c.username(), "scenario.update", "scenario:" + s.id(), name);
    ctx.json(ScenarioView.of(s));
  }

  private void delete(Context ctx) {
    Caller c = Gate.caller(ctx);
    StoredScenario s = writable(ctx, c);
    scenarios.delete(s.id());
    audit.record(c.username(), "scenario.delete", "scenario:" + s.id(), s.name());
    ctx.status(204);
  }

  private StoredScenario find(Context ctx) {
    long id = Paths.id(ctx, "id");
    return scenarios.find(id).orElseThrow(() -> ApiException.notFound("no scenario " + id));
  }

  /** The scenario of the path if the caller may change it. */
  private StoredScenario writable(Context ctx, Caller c) {
    StoredScenario s = find(ctx);
    if (s.builtIn()) {
      throw ApiException.forbidden(
          "built-in scenarios are read-only; create your own that starts with 'extends: "
              + s.name()
              + "'");
    }
    if (c.role() != Role.ADMIN && !c.username().equals(s.owner())) {
      throw ApiException.forbidden("only its owner or an admin may change scenario " + s.id());
    }
    return s;
  }

  private static String owner(StoredScenario s) {
    return s.owner() == null ? (s.builtIn() ? "built-in" : "") : s.owner();
  }

  /** A name of 1 to 100 characters without control characters; any other text is allowed. */
  private static String checkName(String raw) {
    String name = Bodies.required(raw, "name").strip();
    if (name.length() > MAX_NAME) {
      throw ApiException.invalidField("name", "must be at most " + MAX_NAME + " characters long");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.invalidField("name", "must not hold control characters");
    }
    return name;
  }
}
