package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dispersal.server.security.Access;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written OpenAPI document and the routes the service registers agree: the same methods
 * and paths under /api, and the same public routes (those with {@code security: []}).
 */
class OpenApiRoutesTest {

  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  @TempDir Path folder;

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
    try (DispersalServer server = TestServers.start(TestDatabases.duckDb(folder), c -> c)) {
      Api api = new Api(server.port());
      Api.Reply yaml = api.get("/api/openapi.yaml");
      assertThat(yaml.status()).isEqualTo(200);
      JsonNode doc = new YAMLMapper().readTree(yaml.body());
      assertThat(api.get("/api/openapi.json").json()).isEqualTo(doc);
      assertThat(doc.get("openapi").asText()).startsWith("3.");

      Map<String, Boolean> documented = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
          paths.hasNext(); ) {
        Map.Entry<String, JsonNode> path = paths.next();
        for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            ops.hasNext(); ) {
          Map.Entry<String, JsonNode> op = ops.next();
          if (METHODS.contains(op.getKey())) {
            JsonNode security = op.getValue().get("security");
            boolean open = security != null && security.isArray() && security.isEmpty();
            documented.put(op.getKey().toUpperCase() + " " + path.getKey(), open);
          }
        }
      }
      Map<String, Boolean> registered = new TreeMap<>();
      Set<String> others = new TreeSet<>();
      for (DispersalServer.Route r : server.routes()) {
        if (r.path().startsWith("/api/")) {
          assertThat(r.access()).as(r.toString()).isNotNull();
          registered.put(r.method() + " " + r.path(), r.access() == Access.PUBLIC);
        } else {
          others.add(r.method() + " " + r.path());
        }
      }
      assertThat(registered).isEqualTo(documented);
      assertThat(others).containsExactlyInAnyOrder("GET /", "GET /<path>");
    }
  }
}
