package org.dispersal.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.javalin.http.Context;

/** Reads JSON request bodies into records, turning every mistake into a one-line 400 or 422. */
public final class Bodies {

  private Bodies() {}

  /**
   * The body as a value of the type.
   *
   * @throws ApiException 400 when the body is empty or not JSON of that shape; 413 (from Javalin)
   *     when it is over the size limit
   */
  public static <T> T read(Context ctx, Class<T> type) {
    String body = ctx.body();
    if (body.isBlank()) {
      throw ApiException.badRequest("the request needs a JSON body");
    }
    try {
      T value = Json.MAPPER.readValue(body, type);
      if (value == null) {
        throw ApiException.badRequest("the request body is JSON null");
      }
      return value;
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof StreamReadException
          && !(e.getCause() instanceof InputCoercionException)) {
        throw ApiException.badRequest("malformed JSON" + at(e.getLocation()));
      }
      String field =
          e.getPath().isEmpty() ? "" : e.getPath().get(e.getPath().size() - 1).getFieldName();
      String what =
          e.getCause() instanceof InputCoercionException || e instanceof InvalidFormatException
              ? " is out of range or has the wrong type"
              : " has the wrong type";
      throw ApiException.badRequest(
          (field == null || field.isEmpty() ? "the body" : "field " + field)
              + what
              + at(e.getLocation()));
    } catch (InputCoercionException e) {
      throw ApiException.badRequest("a number is out of range" + at(e.getLocation()));
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("malformed JSON" + at(e.getLocation()));
    }
  }

  /** The value, or a 422 naming the missing field. */
  public static <T> T required(T value, String field) {
    if (value == null || value instanceof String s && s.isBlank()) {
      throw ApiException.invalidField(field, "is required");
    }
    return value;
  }

  private static String at(JsonLocation where) {
    return where == null || where.getLineNr() < 0
        ? ""
        : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
  }
}
