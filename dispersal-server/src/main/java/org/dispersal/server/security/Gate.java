package org.dispersal.server.security;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.dispersal.server.ApiException;
import org.dispersal.store.User;
import org.dispersal.store.UserStore;

/**
 * Decides, before a matched route runs, whether the request may proceed: it finds the caller from
 * the bearer token or the session cookie, checks the route's {@link Access}, the CSRF token of
 * cookie requests with unsafe methods, and the caller's request rate.
 */
public final class Gate {

  /** The session cookie's name. */
  public static final String COOKIE = "dispersal_session";

  /** The header that must echo the session's CSRF token on unsafe methods. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final String CALLER = "dispersal.caller";
  private static final Set<HandlerType> SAFE =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  private final Sessions sessions;
  private final UserStore users;
  private final RateLimiter limiter;

  /**
   * Creates the gate.
   *
   * @param sessions the browser sessions
   * @param users the accounts and token hashes
   * @param limiter the per-user request limiter
   */
  public Gate(Sessions sessions, UserStore users, RateLimiter limiter) {
    this.sessions = sessions;
    this.users = users;
    this.limiter = limiter;
  }

  /** The check, for {@code beforeMatched}. */
  public void check(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.contains(Access.PUBLIC)) {
      return;
    }
    if (roles.isEmpty()) {
      if (ctx.path().startsWith("/api/")) {
        throw ApiException.forbidden("this route declares no access rule");
      }
      return;
    }
    Access need = (Access) roles.iterator().next();
    Caller caller =
        identify(ctx).orElseThrow(() -> ApiException.unauthorized("log in or send an API token"));
    if (!caller.role().atLeast(need.least())) {
      throw ApiException.forbidden(
          "this needs the role "
              + need.least().id()
              + "; "
              + caller.username()
              + " is "
              + caller.role().id());
    }
    if (!caller.byToken() && !SAFE.contains(ctx.method())) {
      String sent = ctx.header(CSRF_HEADER);
      if (!Secrets.same(sent, caller.session().csrfToken())) {
        throw ApiException.forbidden(
            "missing or wrong " + CSRF_HEADER + " header (take it from GET /api/session)");
      }
    }
    limiter
        .acquire(caller.username())
        .ifPresent(
            wait -> {
              throw ApiException.tooMany(
                  "more than the allowed requests per minute for " + caller.username(), wait);
            });
    ctx.attribute(CALLER, caller);
  }

  /** The caller of a request that passed the gate. */
  public static Caller caller(Context ctx) {
    Caller c = ctx.attribute(CALLER);
    if (c == null) {
      throw ApiException.unauthorized("log in or send an API token");
    }
    return c;
  }

  private Optional<Caller> identify(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = auth.substring(7).trim();
      Optional<User> u =
          token.isEmpty() ? Optional.empty() : users.userForToken(Secrets.sha256(token));
      if (u.isEmpty()) {
        throw ApiException.unauthorized("unknown or revoked API token");
      }
      return Optional.of(new Caller(u.get().username(), u.get().role(), u.get().team(), null));
    }
    if (auth != null && !auth.isBlank()) {
      throw ApiException.unauthorized(
          "unsupported Authorization scheme "
              + auth.split(" ", 2)[0].toLowerCase(Locale.ROOT)
              + "; use Bearer");
    }
    return sessions
        .find(ctx.cookie(COOKIE))
        .map(s -> new Caller(s.username(), s.role(), s.team(), s));
  }
}
