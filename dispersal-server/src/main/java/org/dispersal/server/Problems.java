package org.dispersal.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.server.ApiException.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes refusals and failures as RFC 9457 problem details ({@code application/problem+json}):
 * {@code type}, {@code title}, {@code status}, {@code detail} and, for invalid content, {@code
 * errors} with line, field and message. Unexpected failures give a 500 without internals; the stack
 * trace goes to the log only.
 */
public final class Problems {

  /** The problem content type. */
  public static final String CONTENT_TYPE = "application/problem+json";

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** Writes an {@link ApiException}. */
  public static void write(ApiException e, Context ctx) {
    if (e.retryAfter() != null) {
      ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds() + 1)));
    }
    write(ctx, e.status(), e.title(), e.getMessage(), e.errors());
  }

  /** Writes one of Javalin's own refusals (404 of an unknown route, 413 of a large body...). */
  public static void write(HttpResponseException e, Context ctx) {
    String title =
        switch (e.getStatus()) {
          case 400 -> "Bad request";
          case 404 -> "Not found";
          case 405 -> "Method not allowed";
          case 413 -> "Content too large";
          default -> "Error";
        };
    String detail =
        e.getStatus() == 413
            ? "the request body is larger than the limit"
            : e.getStatus() == 404 ? "no such resource: " + ctx.path() : e.getMessage();
    write(ctx, e.getStatus(), title, detail, List.of());
  }

  /** Writes a 500 for a failure the service did not expect. */
  public static void unexpected(Exception e, Context ctx) {
    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    write(ctx, 500, "Internal error", "the server failed; the log has the details", List.of());
  }

  /** Writes a problem. */
  public static void write(
      Context ctx, int status, String title, String detail, List<FieldError> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    try {
      ctx.status(status).contentType(CONTENT_TYPE).result(Json.MAPPER.writeValueAsString(body));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
