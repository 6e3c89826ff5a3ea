package org.dispersal.server;

import io.javalin.http.Context;

/** Reads path and query parameters, refusing malformed ones with a 400. */
final class Paths {

  private Paths() {}

  /** A positive whole-number id from the path. */
  static long id(Context ctx, String name) {
    String raw = ctx.pathParam(name);
    try {
      long v = Long.parseLong(raw);
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest(name + " must be a positive whole number");
  }

  /** An optional whole number from the query. */
  static Integer queryInt(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(raw);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number");
    }
  }

  /** A required positive whole number from the query. */
  static long queryId(Context ctx, String name) {
    Integer v = queryInt(ctx, name);
    if (v == null || v < 1) {
      throw ApiException.badRequest(name + " must be given as a positive whole number");
    }
    return v;
  }

  /** An optional text from the query; empty counts as absent. */
  static String query(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    return raw == null || raw.isEmpty() ? null : raw;
  }
}
