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
import org.dispersal.server.security.VisibilityRule;
import org.dispersal.store.AuditLog;
import org.dispersal.store.Role;
import org.dispersal.store.ScenarioStore;
import org.dispersal.store.StoredScenario;
import org.dispersal.store.User;
import org.dispersal.store.UserStore;
import org.dispersal.store.Visibility;

/**
 * The scenario library: built-in scenarios (read-only) and analysts' own, with validation that
 * reports every problem with its line and field. Analysts change and delete their own scenarios;
 * admins any that is not built in. A scenario is shared with every user or private to its team; the
 * {@link VisibilityRule} decides which ones a caller sees at all.
 */
final class ScenarioRoutes {

  /** Longest scenario name. */
  static final int MAX_NAME = 100;

  /** What a caller without a team is told when asking for a team scenario. */
  private static final String NO_TEAM = "you belong to no team; ask an admin";

  private final ScenarioStore scenarios;
  private final UserStore users;
  private final VisibilityRule rule;
  private final ScenarioLibrary library;
  private final AuditLog audit;

  /**
   * A scenario to store.
   *
   * @param visibility "shared" or "team"; null for shared on create and unchanged on update
   */
  record ScenarioRequest(String name, String yaml, String visibility) {}

  record ValidateRequest(String yaml) {}

  record ValidationView(boolean valid, List<FieldError> errors) {}

  record ScenarioItem(
      long id,
      String name,
      String owner,
      boolean builtIn,
      String visibility,
      String team,
      Instant updated) {
    static ScenarioItem of(StoredScenario s) {
      return new ScenarioItem(
          s.id(), s.name(), ownerLabel(s), s.builtIn(), s.visibility().id(), s.team(), s.updated());
    }
  }

  record ScenarioView(
      long id,
      String name,
      String owner,
      boolean builtIn,
      String visibility,
      String team,
      Instant created,
      Instant updated,
      String yaml) {
    static ScenarioView of(StoredScenario s) {
      return new ScenarioView(
          s.id(),
          s.name(),
          s.owner(),
          s.builtIn(),
          s.visibility().id(),
          s.team(),
          s.created(),
          s.updated(),
          s.yaml());
    }
  }

  ScenarioRoutes(
      ScenarioStore scenarios,
      UserStore users,
      VisibilityRule rule,
      ScenarioLibrary library,
      AuditLog audit) {
    this.scenarios = scenarios;
    this.users = users;
    this.rule = rule;
    this.library = library;
    this.audit = audit;
  }

  void register(JavalinDefaultRoutingApi r) {
    r.get("/api/scenarios", this::list, Access.VIEWER);
    r.post("/api/scenarios", this::create, Access.ANALYST);
    r.post("/api/scenarios/validate", this::validate, Access.VIEWER);
    r.get(
        "/api/scenarios/{id}",
        ctx -> ctx.json(ScenarioView.of(find(ctx, Gate.caller(ctx)))),
        Access.VIEWER);
    r.put("/api/scenarios/{id}", this::update, Access.ANALYST);
    r.delete("/api/scenarios/{id}", this::delete, Access.ANALYST);
  }

  private void list(Context ctx) {
    ctx.json(rule.scenarios(Gate.caller(ctx)).stream().map(ScenarioItem::of).toList());
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
    Visibility v = req.visibility() == null ? Visibility.SHARED : visibility(req.visibility());
    String team = v == Visibility.TEAM ? teamOrRefuse(c.team(), NO_TEAM) : null;
    if (scenarios.findByName(name).isPresent()) {
      throw ApiException.conflict("a scenario named " + name + " exists");
    }
    library.parse(yaml, name);
    StoredScenario s = scenarios.create(name, yaml, c.username(), v, team);
    audit.record(c.username(), "scenario.create", "scenario:" + s.id(), name + seenBy(s));
    ctx.status(201).json(ScenarioView.of(s));
  }

  private void update(Context ctx) {
    Caller c = Gate.caller(ctx);
    StoredScenario old = writable(ctx, c);
    ScenarioRequest req = Bodies.read(ctx, ScenarioRequest.class);
    String name = checkName(req.name());
    String yaml = Bodies.required(req.yaml(), "yaml");
    Visibility v = req.visibility() == null ? old.visibility() : visibility(req.visibility());
    String team = v == Visibility.SHARED ? null : teamFor(old, c);
    scenarios
        .findByName(name)
        .filter(other -> other.id() != old.id())
        .ifPresent(
            other -> {
              throw ApiException.conflict("a scenario named " + name + " exists");
            });
    library.parse(yaml, name);
    StoredScenario s = scenarios.update(old.id(), name, yaml, v, team);
    audit.record(c.username(), "scenario.update", "scenario:" + s.id(), name + seenBy(s));
    ctx.json(ScenarioView.of(s));
  }

  private void delete(Context ctx) {
    Caller c = Gate.caller(ctx);
    StoredScenario s = writable(ctx, c);
    scenarios.delete(s.id());
    audit.record(c.username(), "scenario.delete", "scenario:" + s.id(), s.name());
    ctx.status(204);
  }

  /** The scenario of the path if the caller may see it. */
  private StoredScenario find(Context ctx, Caller c) {
    return rule.scenario(c, Paths.id(ctx, "id"));
  }

  /** The scenario of the path if the caller may see and change it. */
  private StoredScenario writable(Context ctx, Caller c) {
    StoredScenario s = find(ctx, c);
    if (s.builtIn()) {
      throw ApiException.forbidden(
          "built-in scenarios are read-only; create your own that starts with 'extends: "
              + s.name()
              + "'");
    }
    if (c.role() != Role.ADMIN && !owns(c, s)) {
      throw ApiException.forbidden("only its owner or an admin may change scenario " + s.id());
    }
    return s;
  }

  /**
   * True when the caller's account owns the scenario: compared by user id, never by name, so an
   * account created later under a deleted user's name owns nothing of theirs.
   */
  private boolean owns(Caller c, StoredScenario s) {
    java.util.Optional<Long> owner = scenarios.ownerId(s.id());
    return owner.isPresent()
        && users.find(c.username()).map(User::id).filter(owner.get()::equals).isPresent();
  }

  /**
   * The team of a scenario that is or becomes a team scenario: its team if it is one already, else
   * its owner's current team.
   */
  private String teamFor(StoredScenario s, Caller c) {
    if (s.visibility() == Visibility.TEAM) {
      return s.team();
    }
    if (owns(c, s)) {
      return teamOrRefuse(c.team(), NO_TEAM);
    }
    String team = s.owner() == null ? null : users.find(s.owner()).map(User::team).orElse(null);
    return teamOrRefuse(team, "the owner " + s.owner() + " belongs to no team; ask an admin");
  }

  /** The team, or a 422 on the field visibility saying why there is none. */
  private static String teamOrRefuse(String team, String why) {
    if (team == null) {
      throw ApiException.invalidField("visibility", why);
    }
    return team;
  }

  private static Visibility visibility(String id) {
    return Visibility.named(id)
        .orElseThrow(
            () -> ApiException.invalidField("visibility", "must be shared or team, not " + id));
  }

  /** ", visible to team alpha" for a team scenario, for the audit log; empty when shared. */
  private static String seenBy(StoredScenario s) {
    return s.visibility() == Visibility.TEAM ? ", visible to team " + s.team() : "";
  }

  /** The owner as listed: "built-in" for a built-in scenario, empty when there is none. */
  private static String ownerLabel(StoredScenario s) {
    return s.owner() == null ? (s.builtIn() ? "built-in" : "") : s.owner();
  }

  /**
   * A name of 1 to 100 characters without control, bidirectional formatting or separator
   * characters; any other text is allowed.
   */
  private static String checkName(String raw) {
    String name = Bodies.required(raw, "name").strip();
    if (name.length() > MAX_NAME) {
      throw ApiException.invalidField("name", "must be at most " + MAX_NAME + " characters long");
    }
    return Text.checkName("name", name);
  }
}
