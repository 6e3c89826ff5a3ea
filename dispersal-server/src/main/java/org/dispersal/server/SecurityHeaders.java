package org.dispersal.server;

import io.javalin.http.Context;

/**
 * The headers every response carries: a Content-Security-Policy that allows only this origin's own
 * scripts, styles and data (no inline code), no framing, no MIME sniffing, no referrer, and no
 * caching of API responses.
 */
public final class SecurityHeaders {

  /**
   * The Content-Security-Policy of every response except a downloaded report, which gets its own
   * ({@link ReportPolicy}).
   */
  public static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  /** Adds the headers, for a {@code before} handler. */
  public static void add(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (ctx.path().startsWith("/api/")) {
      ctx.header("Cache-Control", "no-store");
    }
  }
}
