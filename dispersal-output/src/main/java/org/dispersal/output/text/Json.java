package org.dispersal.output.text;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one configured JSON mapper of the output module, which the service shares: ISO-8601 times;
 * {@code <}, {@code >}, {@code &} and {@code '} written as unicode escapes, so that text from a
 * scenario (a name such as {@code <script>}) can never be read as markup even by a client that
 * mishandles the content type; unknown properties ignored, nulls refused for primitives and no
 * value converted to another JSON type when reading. Configure nothing on it: it is shared and
 * thread-safe once built.
 */
public final class Json {

  /** The shared mapper. */
  public static final ObjectMapper MAPPER = create();

  private Json() {}

  /** Writes a document to a file, indented, in UTF-8, replacing the file if it exists. */
  public static void write(JsonNode document, Path file) throws IOException {
    MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
  }

  private static ObjectMapper create() {
    ObjectMapper m = new ObjectMapper();
    m.registerModule(new JavaTimeModule());
    m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    strictTypes(m);
    m.getFactory().setCharacterEscapes(new HtmlSafe());
    return m;
  }

  /**
   * Refuses a JSON value of another type instead of converting it (issue #18, finding 6): no {@code
   * 1.5} or {@code "10"} for a whole number, no number or boolean for a text, no {@code 1} or
   * {@code "true"} for a boolean. Numbers too large for their field fail as well (Jackson's
   * default).
   */
  private static void strictTypes(ObjectMapper m) {
    m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    fail(m, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float);
    fail(m, LogicalType.Integer, CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
    fail(m, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
    fail(m, LogicalType.Float, CoercionInputShape.EmptyString);
    fail(m, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer);
    fail(m, LogicalType.Boolean, CoercionInputShape.Float, CoercionInputShape.EmptyString);
    fail(m, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float);
    fail(m, LogicalType.Textual, CoercionInputShape.Boolean);
  }

  private static void fail(ObjectMapper m, LogicalType type, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      m.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
    }
  }

  /** Escapes the characters that matter in HTML. */
  private static final class HtmlSafe extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] escapes;

    HtmlSafe() {
      escapes = standardAsciiEscapesForJSON();
      escapes['<'] = ESCAPE_STANDARD;
      escapes['>'] = ESCAPE_STANDARD;
      escapes['&'] = ESCAPE_STANDARD;
      escapes['\''] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return new SerializedString(String.format("\\u%04x", ch));
    }
  }
}
