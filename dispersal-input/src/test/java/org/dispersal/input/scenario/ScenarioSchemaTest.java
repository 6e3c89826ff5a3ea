package org.dispersal.input.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dispersal.model.ModelParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON Schema that editors use agrees with the files the reader accepts. */
class ScenarioSchemaTest {

  private static final String SCHEMA = "/org/dispersal/scenarios/scenario.schema.json";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream(SCHEMA)) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(JSON.readTree(in));
    }
  }

  private static List<Error> errors(String yaml) throws IOException {
    return schema.validate(YAML.readTree(yaml));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theBuiltInScenarioFollowsTheSchema() throws IOException {
    assertThat(errors(resource("/org/dispersal/scenarios/isis-2017.yaml"))).isEmpty();
  }

  @Test
  void theTestScenarioAndAnExtendingFileFollowTheSchema() throws IOException {
    assertThat(errors(Fixtures.minimal())).isEmpty();
    assertThat(errors("extends: isis-2017\nmonths: 24\n")).isEmpty();
  }

  @Test
  void brokenFilesDoNotFollowTheSchema() throws IOException {
    assertThat(errors(Fixtures.minimal("months: 12", "months: 12\ncolour: red")))
        .extracting(Error::getMessage)
        .containsExactly(
            "property 'colour' is not defined in the schema and the schema does"
                + " not allow additional properties");
    assertThat(errors(Fixtures.minimal("months: 12", "months: 0"))).isNotEmpty();
    assertThat(errors(Fixtures.minimal("months: 12\n", ""))).isNotEmpty();
    assertThat(errors(Fixtures.minimal("{dist: fixed, value: 0.6}", "{dist: fixed, low: 0.6}")))
        .isNotEmpty();
    assertThat(errors(Fixtures.minimal("travelled: [1700, 1900]", "travelled: [1700]")))
        .isNotEmpty();
    assertThat(
            errors(
                Fixtures.minimal(
                    "lost: 2015-01-27, source: WIKI_KOBANI",
                    "lost: 2015-01-27, source: WIKI_KOBANI, fall_parameter: x")))
        .isNotEmpty();
    assertThat(
            errors(
                Fixtures.minimal(
                    "plot_rate: {prior: {dist: fixed, value: 0.1}, assumption: test}",
                    "plot_rate: {prior: {dist: fixed, value: 0.1}}")))
        .isNotEmpty();
  }

  @Test
  void theSchemaOffersEveryBaseParameterForCompletion() throws IOException {
    JsonNode parameters;
    try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream(SCHEMA)) {
      parameters = JSON.readTree(in).at("/properties/parameters/properties");
    }
    for (ModelParameters.Base b : ModelParameters.Base.values()) {
      assertThat(parameters.has(b.id())).as(b.id()).isTrue();
    }
    assertThat(parameters.size()).isEqualTo(ModelParameters.Base.values().length);
  }

  @Test
  void theDocsCopyOfTheSchemaIsTheSameAsTheShippedOne() throws IOException {
    Path docs = Path.of("..", "docs", "scenario.schema.json");
    assertThat(Files.readString(docs)).isEqualTo(resource(SCHEMA));
  }
}
