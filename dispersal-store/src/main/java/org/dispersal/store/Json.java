package org.dispersal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks JSON text before it is stored, so what the store hands back always parses. The mapper is a
 * plain one for reading only; it is not the output module's because the store depends on no other
 * Dispersal module.
 */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** Throws {@link StoreException} unless the text is null or a JSON object. */
  static void requireObjectOrNull(String json, String what) {
    if (json == null) {
      return;
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StoreException(
          what
              + " is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    }
    if (node == null || !node.isObject()) {
      throw new StoreException(what + " must be a JSON object");
    }
  }
}
