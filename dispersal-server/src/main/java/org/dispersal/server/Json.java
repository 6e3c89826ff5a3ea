package org.dispersal.server;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON mapper of the service: the output module's one configured mapper ({@link
 * org.dispersal.output.text.Json}), with ISO-8601 times and {@code <}, {@code >}, {@code &} and
 * {@code '} written as unicode escapes, so that text from users (a scenario named {@code <script>})
 * can never be read as markup even by a client that mishandles the content type.
 */
public final class Json {

  /** The shared mapper; thread-safe, configure nothing on it. */
  public static final ObjectMapper MAPPER = org.dispersal.output.text.Json.MAPPER;

  private Json() {}
}
