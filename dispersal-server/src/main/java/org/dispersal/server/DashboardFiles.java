package org.dispersal.server;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.dispersal.server.security.Access;

/**
 * Serves the web dashboard from the classpath folder {@code /org/dispersal/web/dashboard/} (put
 * there by the {@code dispersal-web} jar) at {@code /}, and the first admin's setup page at {@code
 * /setup}. A path without a file extension is a dashboard view and gets {@code index.html}. When
 * the dashboard is not on the classpath, {@code /} says so in a plain page instead of failing.
 *
 * <p>Paths are checked before any lookup: only letters, digits, {@code - _ . /} and no {@code ..}
 * segment, so no request can reach other classpath resources.
 */
final class DashboardFiles {

  /** The dashboard's classpath folder. */
  static final String DASHBOARD = "/org/dispersal/web/dashboard/";

  private static final String SETUP = "/org/dispersal/server/setup/";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9_\\-./]*");
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("map", "application/json"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("webmanifest", "application/manifest+json"));

  private static final String NOT_BUILT =
      "Dispersal: the web dashboard is not built into this program.\n"
          + "Build it with: ./mvnw -pl dispersal-web -am install, then start the server again.\n"
          + "The JSON API is at /api/ (see /api/openapi.yaml).\n";

  private final boolean present =
      DashboardFiles.class.getResource(DASHBOARD + "index.html") != null;

  void register(JavalinDefaultRoutingApi r) {
    r.get("/", this::serve, Access.PUBLIC);
    r.get("/<path>", this::serve, Access.PUBLIC);
  }

  /** True when the dashboard is on the classpath. */
  boolean present() {
    return present;
  }

  private void serve(Context ctx) {
    String path = ctx.path();
    if (path.startsWith("/api/") || path.equals("/api")) {
      throw ApiException.notFound("no such API route: " + ctx.method() + " " + path);
    }
    String rel = path.substring(1);
    if (!rel.isEmpty()
        && (!SAFE.matcher(rel).matches() || rel.contains("..") || rel.contains("//"))) {
      throw ApiException.notFound("no such file");
    }
    if (rel.equals("setup") || rel.equals("setup/")) {
      send(ctx, SETUP + "index.html", "no-cache");
      return;
    }
    if (rel.startsWith("setup/")) {
      send(ctx, SETUP + rel.substring(6), "no-cache");
      return;
    }
    boolean view = rel.isEmpty() || !rel.substring(rel.lastIndexOf('/') + 1).contains(".");
    if (!present) {
      if (!view) {
        throw ApiException.notFound("no such file");
      }
      ctx.contentType("text/plain; charset=utf-8").result(NOT_BUILT);
      return;
    }
    if (view) {
      send(ctx, DASHBOARD + "index.html", "no-cache");
    } else {
      send(
          ctx,
          DASHBOARD + rel,
          rel.startsWith("assets/")
              ? "public, max-age=31536000, immutable"
              : "public, max-age=300");
    }
  }

  private static void send(Context ctx, String resource, String cache) {
    String ext = resource.substring(resource.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    String type = TYPES.get(ext);
    if (type == null) {
      throw ApiException.notFound("no such file");
    }
    try (InputStream in = DashboardFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw ApiException.notFound("no such file");
      }
      ctx.header("Cache-Control", cache).contentType(type).result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
