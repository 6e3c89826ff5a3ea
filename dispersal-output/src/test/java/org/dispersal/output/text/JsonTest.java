package org.dispersal.output.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

  @TempDir Path tmp;

  @Test
  void writesMarkupCharactersAsUnicodeEscapesAndReadsThemBack() throws Exception {
    ObjectNode n = Json.MAPPER.createObjectNode().put("name", "<script>a & b's</script>");
    String text = Json.MAPPER.writeValueAsString(n);
    assertThat(text)
        .doesNotContain("<")
        .doesNotContain(">")
        .doesNotContain("&")
        .doesNotContain("'")
        .contains("\\u003Cscript\\u003E");
    assertThat(Json.MAPPER.readTree(text)).isEqualTo(n);
  }

  @Test
  void writesTimesAsIsoText() throws Exception {
    assertThat(Json.MAPPER.writeValueAsString(Map.of("at", Instant.parse("2017-02-13T09:30:00Z"))))
        .isEqualTo("{\"at\":\"2017-02-13T09:30:00Z\"}");
  }

  @Test
  void writesAFileIndented() throws Exception {
    Path f = tmp.resolve("x.json");
    Json.write(Json.MAPPER.createObjectNode().put("a", 1), f);
    assertThat(Files.readString(f)).contains("\n").contains("\"a\" : 1");
  }
}
