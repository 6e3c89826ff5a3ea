package org.dispersal.server;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

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

  /** The headers of every response, the server's own error pages included. */
  static final Map<String, String> HEADERS = headers();

  private SecurityHeaders() {}

  private static Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Security-Policy", CSP);
    h.put("X-Content-Type-Options", "nosniff");
    h.put("X-Frame-Options", "DENY");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Cross-Origin-Opener-Policy", "same-origin");
    h.put("Cross-Origin-Resource-Policy", "same-origin");
    h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    return Map.copyOf(h);
  }

  /** Adds the headers, for a {@code before} handler. */
  public static void add(Context ctx) {
    HEADERS.forEach(ctx::header);
    if (ctx.path().startsWith("/api/")) {
      ctx.header("Cache-Control", "no-store");
    }
  }

  /**
   * Jetty's own error pages (a 400 for a malformed request line or URI, which never reaches
   * Javalin) with the same headers as every other response.
   */
  static final class ErrorPages extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      HEADERS.forEach((name, value) -> response.getHeaders().put(name, value));
      return super.handle(request, response, callback);
    }
  }
}
