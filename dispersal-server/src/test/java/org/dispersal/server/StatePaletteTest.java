package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dispersal.model.State;
import org.dispersal.output.report.Palette;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's states come from the report's palette: {@code GET /api/states} serves, for every
 * headline state in order, exactly the label, short label and colour that the report uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatePaletteTest {

  @TempDir static Path folder;
  DispersalServer server;
  Api viewer;

  @BeforeAll
  void start() {
    server = TestServers.start(TestDatabases.duckDb(folder), c -> c);
    Api admin = TestServers.admin(server);
    viewer = TestServers.user(server, admin, "viewer1", "viewer");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void theApiServesTheReportsColoursAndLabels() {
    JsonNode states = viewer.get("/api/states").json();
    List<String> ids = new ArrayList<>();
    for (JsonNode s : states) {
      State state = State.byId(s.get("id").asText());
      assertThat(state).as(s.toString()).isNotNull();
      ids.add(state.id());
      assertThat(s.get("colour").asText()).as(state.id()).isEqualTo(Palette.colour(state));
      assertThat(s.get("label").asText()).as(state.id()).isEqualTo(Palette.label(state));
      assertThat(s.get("shortLabel").asText()).as(state.id()).isEqualTo(Palette.shortLabel(state));
      assertThat(s.get("pathway").asInt()).isEqualTo(state.pathway());
    }
    assertThat(ids).isEqualTo(State.HEADLINE.stream().map(State::id).toList());
  }

  @Test
  void theApiServesThePlacesWithTheirCountries() {
    JsonNode places = viewer.get("/api/places").json();
    JsonNode sahel = null;
    for (JsonNode p : places) {
      if (p.get("id").asText().equals("sahel")) {
        sahel = p;
      }
    }
    assertThat(sahel).as(places.toString()).isNotNull();
    assertThat(sahel.get("kind").asText()).isEqualTo("third_theatre");
    assertThat(sahel.get("countries").toString()).isEqualTo("[\"MLI\",\"NER\",\"BFA\"]");
  }

  @Test
  void everyStateHasItsOwnColourAndLabel() {
    Set<String> colours = new HashSet<>();
    Set<String> labels = new HashSet<>();
    for (State s : State.values()) {
      assertThat(Palette.colour(s)).matches("#[0-9a-f]{6}");
      assertThat(colours.add(Palette.colour(s))).as("colour of " + s.id()).isTrue();
      assertThat(labels.add(Palette.label(s))).as("label of " + s.id()).isTrue();
    }
  }
}
