package org.dispersal.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;
import org.dispersal.app.problem.InputException;
import org.dispersal.app.problem.InputProblem;

/**
 * A refusal that becomes an RFC 9457 problem response: the HTTP status, a short title, a one-line
 * detail and, for invalid content, the field errors with their lines.
 */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final transient List<FieldError> errors;
  private final Duration retryAfter;

  /**
   * Creates the refusal.
   *
   * @param status the HTTP status
   * @param title the kind of problem, the same for every occurrence
   * @param detail this occurrence, in one line
   * @param errors field errors (may be empty)
   * @param retryAfter when to try again (429, 503), or null
   */
  public ApiException(
      int status, String title, String detail, List<FieldError> errors, Duration retryAfter) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.retryAfter = retryAfter;
  }

  /** 400: the request cannot be read. */
  public static ApiException badRequest(String detail) {
    return new ApiException(400, "Bad request", detail, List.of(), null);
  }

  /** 401: not logged in or wrong credentials. */
  public static ApiException unauthorized(String detail) {
    return new ApiException(401, "Unauthorized", detail, List.of(), null);
  }

  /** 403: not allowed. */
  public static ApiException forbidden(String detail) {
    return new ApiException(403, "Forbidden", detail, List.of(), null);
  }

  /** 404: no such thing. */
  public static ApiException notFound(String detail) {
    return new ApiException(404, "Not found", detail, List.of(), null);
  }

  /** 409: a conflict with the current state. */
  public static ApiException conflict(String detail) {
    return new ApiException(409, "Conflict", detail, List.of(), null);
  }

  /** 413: too large. */
  public static ApiException tooLarge(String detail) {
    return new ApiException(413, "Content too large", detail, List.of(), null);
  }

  /** 422: well-formed but invalid, with the field errors. */
  public static ApiException invalid(String detail, List<FieldError> errors) {
    return new ApiException(422, "Invalid content", detail, errors, null);
  }

  /** 422 about one field. */
  public static ApiException invalidField(String field, String message) {
    return invalid(field + ": " + message, List.of(new FieldError(null, field, message)));
  }

  /** 429: too many requests. */
  public static ApiException tooMany(String detail, Duration retryAfter) {
    return new ApiException(429, "Too many requests", detail, List.of(), retryAfter);
  }

  /** 503: the service cannot take this now. */
  public static ApiException unavailable(String detail, Duration retryAfter) {
    return new ApiException(503, "Service unavailable", detail, List.of(), retryAfter);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The problem's title. */
  public String title() {
    return title;
  }

  /** The field errors. */
  public List<FieldError> errors() {
    return errors;
  }

  /** When to retry, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** 422 for input the application layer refused, with each problem as a field error. */
  public static ApiException invalid(InputException e) {
    return invalid(e.getMessage(), e.problems().stream().map(FieldError::of).toList());
  }

  /**
   * One problem with a field of the content: an {@link InputProblem} as JSON.
   *
   * @param line the 1-based line in the scenario YAML or posted text, or null when unknown
   * @param field the field's path or column's name, or null for the whole content
   * @param message what is wrong, with the offending value first when there is one
   * @param source the posted text or scenario file the line is in, or null (left out of the JSON)
   * @param column the 1-based column, or null (left out of the JSON)
   * @param value the offending value, or null (left out of the JSON)
   */
  public record FieldError(
      Integer line,
      String field,
      String message,
      @JsonInclude(JsonInclude.Include.NON_NULL) String source,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer column,
      @JsonInclude(JsonInclude.Include.NON_NULL) String value) {

    /** A problem with a line (or null) and a field (or null). */
    public FieldError(Integer line, String field, String message) {
      this(line, field, message, null, null, null);
    }

    /** The field error of an input problem. */
    public static FieldError of(InputProblem p) {
      return new FieldError(
          p.line() > 0 ? p.line() : null,
          p.field(),
          p.valueAndMessage(),
          p.source(),
          p.column() > 0 ? p.column() : null,
          p.value());
    }
  }
}
