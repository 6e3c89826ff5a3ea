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

  record RoleRequest(String role) {}

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
    r.put("/api/users/{name}", this::changeRole, Access.ADMIN);
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
    throttle.succeeded(username);
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
    User u = users.create(username, hasher.hash(password), role, blankToNull(req.team()));
    audit.record(c.username(), "user.create", "user:" + username, "role " + role.id());
    ctx.status(201).json(UserView.of(u));
  }

  private void changeRole(Context ctx) {
    Caller c = Gate.caller(ctx);
    String name = ctx.pathParam("name");
    Role role = role(Bodies.required(Bodies.read(ctx, RoleRequest.class).role(), "role"));
    if (name.equals(c.username()) && role != Role.ADMIN) {
      throw ApiException.conflict("you cannot take the admin role from yourself");
    }
    if (!users.setRole(name, role)) {
      throw ApiException.notFound("no user " + name);
    }
    sessions.changeRole(name, role);
    audit.record(c.username(), "user.role", "user:" + name, "role " + role.id());
    ctx.json(UserView.of(users.find(name).orElseThrow()));
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

  private void audit(Context ctx) {
    String limit = ctx.queryParam("limit");
    int n;
    try {
      n = limit == null ? 100 : Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("limit must be a whole number, not " + limit);
    }
    if (n < 1 || n > 1000) {
      throw ApiException.badRequest("limit must be between 1 and 1000, not " + n);
    }
    ctx.json(audit.latest(n));
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
    if (password.length() < MIN_PASSWORD || password.length() > 1024) {
      throw ApiException.invalidField(
          "password", "must be " + MIN_PASSWORD + " to 1024 characters long");
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

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** The users with the admin role. */
  static List<User> admins(UserStore users) {
    return users.list().stream().filter(u -> u.role() == Role.ADMIN).toList();
  }
}
