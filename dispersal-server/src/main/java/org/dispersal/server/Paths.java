package org.dispersal.server;

import io.javalin.http.Context;

/** Reads path and query parameters, refusing malformed ones with a 400. */
final class Paths {

  private Paths() {}

  /** One to eighteen ASCII digits: no signs, no other scripts' digits (which Java would read). */
  private static final java.util.regex.Pattern DIGITS =
      java.util.regex.Pattern.compile("[0-9]{1,18}");

  /** A positive whole-number id from the path, in ASCII digits only. */
  static long id(Context ctx, String name) {
    return positive(ctx.pathParam(name), name);
  }

  /** A positive whole number in ASCII digits only, or a 400 naming the parameter. */
  static long positive(String raw, String name) {
    try {
      if (raw == null || !DIGITS.matcher(raw).matches()) {
        throw new NumberFormatException();
      }
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
      if (!raw.matches("-?[0-9]{1,10}")) {
        throw new NumberFormatException();
      }
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
