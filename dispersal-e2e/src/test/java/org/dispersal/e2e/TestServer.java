package org.dispersal.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.dispersal.server.DispersalServer;
import org.dispersal.server.ServerConfig;

/**
 * The real Dispersal service started in-process for the browser tests: 127.0.0.1 on a free port, a
 * DuckDB store in a temporary folder, the first admin created from a password, and a small JSON
 * client that signs in like the dashboard does (cookie and CSRF header) to prepare users and runs.
 */
final class TestServer implements AutoCloseable {

  static final String ADMIN_PASSWORD = "e2e-admin-secret-42";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path home;
  private final DispersalServer server;

  private TestServer(Path home, DispersalServer server) {
    this.home = home;
    this.server = server;
  }

  /** Starts the service on a fresh store. */
  static TestServer start() throws IOException {
    Path home = Files.createTempDirectory("dispersal-e2e");
    ServerConfig config =
        ServerConfig.defaults("jdbc:duckdb:" + home.resolve("dispersal.duckdb"))
            .withAddress("127.0.0.1", 0)
            .withAdminPassword(ADMIN_PASSWORD)
            .withRequestRate(0, 1000);
    return new TestServer(home, DispersalServer.start(config));
  }

  /** The dashboard's address. */
  String url() {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  /** A JSON client signed in as a user. */
  Client signIn(String username, String password) throws IOException, InterruptedException {
    Client c = new Client();
    JsonNode session =
        c.send(
            "POST",
            "api/session",
            JSON.createObjectNode().put("username", username).put("password", password));
    c.csrf = session.get("csrfToken").asText();
    return c;
  }

  /** The status of a GET with an API token instead of a session. */
  int getWithToken(String path, String token) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Override
  public void close() throws IOException {
    server.close();
    try (var paths = Files.walk(home)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Calls the API with a session cookie and the CSRF header, as the dashboard does. */
  final class Client {
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private String csrf;

    /** Sends a request; a status of 400 or more throws with the problem's text. */
    JsonNode send(String method, String path, JsonNode body)
        throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url() + path))
              .timeout(Duration.ofSeconds(30))
              .header("Accept", "application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (csrf != null) {
        request.header("X-CSRF-Token", csrf);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 400) {
        throw new IllegalStateException(
            method + " " + path + " -> " + response.statusCode() + ": " + response.body());
      }
      return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** Creates a user. */
    void createUser(String username, String password, String role)
        throws IOException, InterruptedException {
      send(
          "POST",
          "api/users",
          JSON.createObjectNode()
              .put("username", username)
              .put("password", password)
              .put("role", role));
    }

    /** Creates a scenario and returns its id. */
    long createScenario(String name, String yaml) throws IOException, InterruptedException {
      return send(
              "POST", "api/scenarios", JSON.createObjectNode().put("name", name).put("yaml", yaml))
          .get("id")
          .asLong();
    }

    /** The id of a scenario by name. */
    long scenarioId(String name) throws IOException, InterruptedException {
      for (JsonNode s : send("GET", "api/scenarios", null)) {
        if (s.get("name").asText().equals(name)) {
          return s.get("id").asLong();
        }
      }
      throw new IllegalStateException("no scenario " + name);
    }

    /**
     * Submits the default forecast (for isis-2017 the mixture of its hypotheses) and waits up to
     * two minutes for it to succeed; returns its id.
     */
    long runAndWait(long scenarioId, int replications, int months)
        throws IOException, InterruptedException {
      return runAndWait(scenarioId, replications, months, false);
    }

    /**
     * Submits a forecast, of the scenario alone when {@code single}, and waits up to two minutes
     * for it to succeed; returns its id.
     */
    long runAndWait(long scenarioId, int replications, int months, boolean single)
        throws IOException, InterruptedException {
      long id =
          send(
                  "POST",
                  "api/runs",
                  JSON.createObjectNode()
                      .put("scenarioId", scenarioId)
                      .put("replications", replications)
                      .put("seed", 11)
                      .put("months", months)
                      .put("single", single))
              .get("id")
              .asLong();
      String status =
          await("run " + id + " to finish")
              .atMost(Duration.ofMinutes(2))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> send("GET", "api/runs/" + id, null).get("status").asText(),
                  st -> !st.equals("queued") && !st.equals("running"));
      if (!status.equals("succeeded")) {
        throw new IllegalStateException("run " + id + " ended " + status);
      }
      return id;
    }
  }
}
