package org.dispersal.server;

import io.javalin.http.Context;
import io.javalin.http.SameSite;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.dispersal.server.security.Access;
import org.dispersal.server.security.Caller;
import org.dispersal.server.security.Gate;
import org.dispersal.server.security.LoginThrottle;
import org.dispersal.server.security.PasswordHasher;
import org.dispersal.server.security.Secrets;
import org.dispersal.server.security.Session;
import org.dispersal.server.security.Sessions;
import org.dispersal.store.AuditLog;
import org.dispersal.store.Role;
import org.dispersal.store.User;
import org.dispersal.store.UserStore;

/** Logging in and out, the first admin's setup, API tokens, user management and the audit log. */
final class AccountRoutes {

  /** Shortest password accepted for a new account. */
  static final int MIN_PASSWORD = 12;

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  private static final Pattern TOKEN_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** A team name: a lower-case slug of 1 to 32 letters, digits and inner hyphens. */
  static final Pattern TEAM = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");

  /** Longest password accepted, also at login (a longer one is refused before hashing). */
  static final int MAX_PASSWORD = 1024;

  /** Longest user name a login may send; no account has a longer one. */
  static final int MAX_LOGIN_NAME = 64;

  /** Most audit entries in one page. */
  static final int MAX_AUDIT_PAGE = 1000;

  private final UserStore users;
  private final AuditLog audit;
  private final Sessions sessions;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final boolean secureCookies;
  private final AtomicReference<String> setupToken;

  /** Checked against when the user is unknown, so that a login takes as long either way. */
  private final String decoyHash;

  record LoginRequest(String username, String password) {}

  record SetupRequest(String token, String username, String password) {}

  /** Who is logged in; team is null for a user in no team, csrfToken null for a token. */
  record SessionView(String username, String role, String team, String csrfToken) {}

  record TokenRequest(String name) {}

  record TokenView(String name, String token) {}

  record UserRequest(String username, String password, String role, String team) {}

  record UserView(long id, String username, String role, String team, Instant created) {
    static UserView of(User u) {
      return new UserView(u.id(), u.username(), u.role().id(), u.team(), u.created());
    }
  }

  AccountRoutes(
      UserStore users,
      AuditLog audit,
      Sessions sessions,
      PasswordHasher hasher,
      LoginThrottle throttle,
      boolean secureCookies,
      AtomicReference<String> setupToken) {
    this.users = users;
    this.audit = audit;
    this.sessions = sessions;
    this.hasher = hasher;
    this.throttle = throttle;
    this.secureCookies = secureCookies;
    this.setupToken = setupToken;
    this.decoyHash = hasher.hash(Secrets.random256());
  }

  void register(JavalinDefaultRoutingApi r) {
    r.post("/api/setup", this::setup, Access.PUBLIC);
    r.post("/api/session", this::login, Access.PUBLIC);
    r.get("/api/session", this::session, Access.VIEWER);
    r.delete("/api/session", this::logout, Access.VIEWER);
    r.post("/api/tokens", this::createToken, Access.VIEWER);
    r.delete("/api/tokens/{name}", this::revokeToken, Access.VIEWER);
    r.get(
        "/api/users",
        ctx -> ctx.json(users.list().stream().map(UserView::of).toList()),
        Access.ADMIN);
    r.post("/api/users", this::createUser, Access.ADMIN);
    r.put("/api/users/{name}", this::changeUser, Access.ADMIN);
    r.delete("/api/users/{name}", this::deleteUser, Access.ADMIN);
    r.get("/api/audit", this::audit, Access.ADMIN);
  }

  private void setup(Context ctx) {
    SetupRequest req = Bodies.read(ctx, SetupRequest.class);
    String expected = setupToken.get();
    if (expected == null || !Secrets.same(req.token(), expected)) {
      throw ApiException.forbidden("no setup is pending, or the setup token is wrong");
    }
    String username = checkUsername(Bodies.required(req.username(), "username"));
    String password = checkPassword(req.password());
    if (!setupToken.compareAndSet(expected, null)) {
      throw ApiException.forbidden("the setup token has been used");
    }
    User u = users.create(username, hasher.hash(password), Role.ADMIN, null);
    audit.record(username, "setup", "user:" + username, "first admin created with the setup link");
    ctx.status(201).json(UserView.of(u));
  }

  private void login(Context ctx) {
    LoginRequest req = Bodies.read(ctx, LoginRequest.class);
    String username = Bodies.required(req.username(), "username").trim();
    String password = Bodies.required(req.password(), "password");
    if (username.length() > MAX_LOGIN_NAME) {
      throw ApiException.invalidField(
          "username", "must be at most " + MAX_LOGIN_NAME + " characters long");
    }
    if (password.length() > MAX_PASSWORD) {
      throw ApiException.invalidField(
          "password", "must be at most " + MAX_PASSWORD + " characters long");
    }
    String address = ctx.ip();
    throttle
        .retryAfter(username, address)
        .ifPresent(
            wait -> {
              audit.record(username, "login.throttled", "address:" + address, null);
              throw ApiException.tooMany("too many failed logins; wait and try again", wait);
            });
    Optional<User> user = users.find(username);
    String hash = user.flatMap(u -> users.passwordHash(u.username())).orElse(decoyHash);
    boolean ok = hasher.verify(password, hash) && user.isPresent();
    if (!ok) {
      throttle.failed(username, address);
      audit.record(username, "login.failed", "address:" + address, null);
      throw ApiException.unauthorized("wrong user name or password");
    }
    throttle.succeeded(username, address);
    sessions.close(ctx.cookie(Gate.COOKIE));
    Session s = sessions.open(user.get().username(), user.get().role());
    io.javalin.http.Cookie cookie =
        new io.javalin.http.Cookie(
            Gate.COOKIE,
            s.id(),
            "/",
            -1,
            secureCookies || "https".equalsIgnoreCase(ctx.scheme()),
            true,
            null,
            SameSite.STRICT);
    ctx.cookie(cookie);
    audit.record(s.username(), "login", "address:" + address, null);
    ctx.json(new SessionView(s.username(), s.role().id(), s.team(), s.csrfToken()));
  }

  private void session(Context ctx) {
    Caller c = Gate.caller(ctx);
    ctx.json(
        new SessionView(
            c.username(), c.role().id(), c.team(), c.byToken() ? null : c.session().csrfToken()));
  }

  private void logout(Context ctx) {
    Caller c = Gate.caller(ctx);
    if (!c.byToken()) {
      sessions.close(c.session().id());
    }
    ctx.removeCookie(Gate.COOKIE, "/");
    audit.record(c.username(), "logout", "user:" + c.username(), null);
    ctx.status(204);
  }

  private void createToken(Context ctx) {
    Caller c = Gate.caller(ctx);
    String name = Bodies.required(Bodies.read(ctx, TokenRequest.class).name(), "name");
    if (!TOKEN_NAME.matcher(name).matches()) {
      throw ApiException.invalidField("name", "use 1 to 64 letters, digits, '.', '_' or '-'");
    }
    String token = "dsp_" + Secrets.random256();
    users.saveToken(c.username(), name, Secrets.sha256(token));
    audit.record(c.username(), "token.create", "token:" + name, null);
    ctx.status(201).json(new TokenView(name, token));
  }

  private void revokeToken(Context ctx) {
    Caller c = Gate.caller(ctx);
    String name = ctx.pathParam("name");
    if (!users.revokeToken(c.username(), name)) {
      throw ApiException.notFound("you have no token named " + name);
    }
    audit.record(c.username(), "token.revoke", "token:" + name, null);
    ctx.status(204);
  }

  private void createUser(Context ctx) {
    Caller c = Gate.caller(ctx);
    UserRequest req = Bodies.read(ctx, UserRequest.class);
    String username = checkUsername(Bodies.required(req.username(), "username"));
    String password = checkPassword(req.password());
    Role role = role(Bodies.required(req.role(), "role"));
    if (users.find(username).isPresent()) {
      throw ApiException.conflict("the user " + username + " exists");
    }
    User u = users.create(username, hasher.hash(password), role, team(req.team()));
    audit.record(c.username(), "user.create", "user:" + username, "role " + role.id());
    ctx.status(201).json(UserView.of(u));
  }

  /**
   * Changes a user's role, team or both: {@code {"role": "analyst"}}, {@code {"team": "alpha"}},
   * {@code {"team": null}} (no team). A field left out stays as it is; an unknown field is refused,
   * so that a misspelt change is not answered 200 with nothing done.
   */
  private void changeUser(Context ctx) {
    Caller c = Gate.caller(ctx);
    String name = ctx.pathParam("name");
    com.fasterxml.jackson.databind.node.ObjectNode body =
        Bodies.read(ctx, com.fasterxml.jackson.databind.node.ObjectNode.class);
    java.util.Iterator<String> fields = body.fieldNames();
    while (fields.hasNext()) {
      String f = fields.next();
      if (!f.equals("role") && !f.equals("team")) {
        throw ApiException.invalidField(f, "is not a field of a user; send role, team or both");
      }
    }
    if (!body.has("role") && !body.has("team")) {
      throw ApiException.invalidField("role", "send role, team or both");
    }
    if (users.find(name).isEmpty()) {
      throw ApiException.notFound("no user " + name);
    }
    Role role = null;
    if (body.has("role")) {
      role = role(textField(body, "role"));
      if (name.equals(c.username()) && role != Role.ADMIN) {
        throw ApiException.conflict("you cannot take the admin role from yourself");
      }
    }
    String team = null;
    if (body.has("team")) {
      team = body.get("team").isNull() ? null : team(textField(body, "team"));
    }
    if (role != null) {
      users.setRole(name, role);
      sessions.changeRole(name, role);
      audit.record(c.username(), "user.role", "user:" + name, "role " + role.id());
    }
    if (body.has("team")) {
      users.setTeam(name, team);
      sessions.changeTeam(name, team);
      audit.record(
          c.username(), "user.team", "user:" + name, team == null ? "no team" : "team " + team);
    }
    ctx.json(UserView.of(users.find(name).orElseThrow()));
  }

  /** A text field of a JSON object, or a 400 naming it when it is of another type. */
  private static String textField(com.fasterxml.jackson.databind.JsonNode body, String field) {
    com.fasterxml.jackson.databind.JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      throw ApiException.invalidField(field, "is required");
    }
    if (!v.isTextual()) {
      throw ApiException.badRequest("field " + field + " has the wrong type");
    }
    return v.asText();
  }

  /** A team name as given (null or blank: no team), or a 422 when it is not a lower-case slug. */
  private static String team(String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (!TEAM.matcher(raw).matches()) {
      throw ApiException.invalidField(
          "team",
          "use 1 to 32 lower-case letters, digits and hyphens, starting and ending with a letter"
              + " or digit");
    }
    return raw;
  }

  private void deleteUser(Context ctx) {
    Caller c = Gate.caller(ctx);
    String name = ctx.pathParam("name");
    if (name.equals(c.username())) {
      throw ApiException.conflict("you cannot delete yourself");
    }
    if (!users.delete(name)) {
      throw ApiException.notFound("no user " + name);
    }
    sessions.closeAll(name);
    audit.record(c.username(), "user.delete", "user:" + name, null);
    ctx.status(204);
  }

  /**
   * A page of the audit log, newest first: {@code limit} entries (100 by default, at most 1,000)
   * with ids below {@code before} (absent: the newest). The next page passes the smallest id of
   * this one as {@code before}.
   */
  private void audit(Context ctx) {
    String limit = ctx.queryParam("limit");
    long n = limit == null || limit.isEmpty() ? 100 : Paths.positive(limit, "limit");
    if (n > MAX_AUDIT_PAGE) {
      throw ApiException.badRequest("limit must be between 1 and " + MAX_AUDIT_PAGE + ", not " + n);
    }
    String before = ctx.queryParam("before");
    long below =
        before == null || before.isEmpty() ? Long.MAX_VALUE : Paths.positive(before, "before");
    ctx.json(audit.before(below, (int) n));
  }

  private static String checkUsername(String username) {
    if (!USERNAME.matcher(username).matches()) {
      throw ApiException.invalidField(
          "username",
          "use 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return username;
  }

  private static String checkPassword(String password) {
    Bodies.required(password, "password");
    if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      throw ApiException.invalidField(
          "password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
    }
    if (password.codePoints().anyMatch(Character::isISOControl)) {
      throw ApiException.invalidField("password", "must not hold control characters");
    }
    if (password.isBlank()) {
      throw ApiException.invalidField("password", "must not be only spaces");
    }
    return password;
  }

  private static Role role(String id) {
    for (Role r : Role.values()) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    throw ApiException.invalidField("role", "must be viewer, analyst or admin, not " + id);
  }

  /** The users with the admin role. */
  static List<User> admins(UserStore users) {
    return users.list().stream().filter(u -> u.role() == Role.ADMIN).toList();
  }
}
