package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.dispersal.server.security.Secrets;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Browser sessions across restarts of the service, over real HTTP and a real store (a DuckDB file,
 * and PostgreSQL when DISPERSAL_TEST_PG_URL is set): the same cookie and CSRF token work after a
 * restart, a logout is final, an expired session is refused, two servers sharing a PostgreSQL store
 * agree at once, and the database never holds a session id.
 */
class SessionRestartTest {

  @TempDir Path folder;

  private String url(String engine) {
    return engine.equals("duckdb") ? TestDatabases.duckDb(folder) : TestDatabases.postgres();
  }

  /** A client of another server with the cookie and CSRF token of {@code from}. */
  private static Api sameBrowser(Api from, DispersalServer server) {
    Api api = new Api(server.port());
    api.cookie = from.cookie;
    api.csrf = from.csrf;
    return api;
  }

  private static String sessionId(Api api) {
    return api.cookie.substring(api.cookie.indexOf('=') + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgresql"})
  void theSameCookieAndCsrfTokenWorkAfterARestartUntilLogout(String engine) throws Exception {
    String url = url(engine);
    Api admin;
    Api vera;
    try (DispersalServer first = TestServers.start(url, c -> c)) {
      admin = TestServers.admin(first);
      vera = TestServers.user(first, admin, "vera", "viewer");
      assertThat(admin.get("/api/session").status()).isEqualTo(200);
    }
    try (DispersalServer second = TestServers.start(url, c -> c)) {
      Api admin2 = sameBrowser(admin, second);
      Api.Reply session = admin2.get("/api/session");
      assertThat(session.status()).as(session.body()).isEqualTo(200);
      assertThat(session.json().get("username").asText()).isEqualTo("admin");
      assertThat(session.json().get("role").asText()).isEqualTo("admin");
      assertThat(session.json().get("csrfToken").asText()).isEqualTo(admin.csrf);
      assertThat(admin2.post("/api/tokens", Api.json("name", "after-restart")).status())
          .isEqualTo(201);
      Api noCsrf = sameBrowser(admin, second);
      noCsrf.csrf = null;
      assertThat(noCsrf.post("/api/tokens", Api.json("name", "forged")).status()).isEqualTo(403);
      Api wrongCsrf = sameBrowser(admin, second);
      wrongCsrf.csrf = vera.csrf;
      assertThat(wrongCsrf.post("/api/tokens", Api.json("name", "forged")).status()).isEqualTo(403);

      assertThat(admin2.delete("/api/session").status()).isEqualTo(204);
      assertThat(admin2.get("/api/session").status()).isEqualTo(401);
      assertThat(sameBrowser(vera, second).get("/api/session").status()).isEqualTo(200);
    }
    try (DispersalServer third = TestServers.start(url, c -> c)) {
      assertThat(sameBrowser(admin, third).get("/api/session").status()).isEqualTo(401);
      assertThat(sameBrowser(vera, third).get("/api/session").status()).isEqualTo(200);
    }
    List<String> values = everyTextInTheDatabase(url);
    assertThat(values).contains(Secrets.sha256(sessionId(vera))); // the scan does see the table
    for (Api browser : List.of(admin, vera)) {
      assertThat(values).noneMatch(v -> v.contains(sessionId(browser)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgresql"})
  void anExpiredSessionIsRefusedAfterARestart(String engine) throws Exception {
    String url = url(engine);
    Api idle;
    Api old;
    try (DispersalServer first = TestServers.start(url, c -> c)) {
      Api admin = TestServers.admin(first);
      idle = TestServers.user(first, admin, "idle", "viewer");
      old = TestServers.user(first, admin, "old", "viewer");
    }
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement p =
            c.prepareStatement(
                "UPDATE sessions SET created = ?, last_seen = ?, expires = ? WHERE id_hash = ?")) {
      // unused for 2 hours and a minute: past the idle end the store itself recorded
      p.setObject(1, now.minusHours(3));
      p.setObject(2, now.minusMinutes(121));
      p.setObject(3, now.minusMinutes(1));
      p.setString(4, Secrets.sha256(sessionId(idle)));
      assertThat(p.executeUpdate()).isEqualTo(1);
      // in use, but logged in 13 hours ago: past the 12-hour lifetime, whatever the row says
      p.setObject(1, now.minusHours(13));
      p.setObject(2, now.minusMinutes(1));
      p.setObject(3, now.plusHours(1));
      p.setString(4, Secrets.sha256(sessionId(old)));
      assertThat(p.executeUpdate()).isEqualTo(1);
    }
    try (DispersalServer second = TestServers.start(url, c -> c)) {
      assertThat(sameBrowser(idle, second).get("/api/session").status()).isEqualTo(401);
      assertThat(sameBrowser(old, second).get("/api/session").status()).isEqualTo(401);
      assertThat(TestServers.admin(second).get("/api/session").status()).isEqualTo(200);
    }
    assertThat(everyTextInTheDatabase(url))
        .doesNotContain(Secrets.sha256(sessionId(idle)), Secrets.sha256(sessionId(old)));
  }

  /** Two servers at once over one PostgreSQL store: what one does, the other applies at once. */
  @Tag("postgresql")
  @Test
  void twoServersSharingAPostgreSqlStoreAgreeAtOnce() {
    String url = TestDatabases.postgres();
    try (DispersalServer a = TestServers.start(url, c -> c);
        DispersalServer b = TestServers.start(url, c -> c)) {
      Api adminOnA = TestServers.admin(a);
      Api veraOnA = TestServers.user(a, adminOnA, "vera", "viewer");
      Api veraOnB = sameBrowser(veraOnA, b);
      Api adminOnB = sameBrowser(adminOnA, b);
      assertThat(veraOnB.get("/api/session").json().get("role").asText()).isEqualTo("viewer");

      assertThat(adminOnA.put("/api/users/vera", Api.json("role", "analyst")).status())
          .isEqualTo(200);
      assertThat(veraOnB.get("/api/session").json().get("role").asText()).isEqualTo("analyst");

      assertThat(adminOnB.delete("/api/users/vera").status()).isEqualTo(204);
      assertThat(veraOnA.get("/api/session").status()).isEqualTo(401);

      assertThat(adminOnA.get("/api/session").status()).isEqualTo(200);
      assertThat(adminOnB.delete("/api/session").status()).isEqualTo(204);
      assertThat(adminOnA.get("/api/session").status()).isEqualTo(401);
    }
  }

  /** Every non-null value of every column of every table, as text. */
  private static List<String> everyTextInTheDatabase(String url) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url)) {
      List<String> tables = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT table_name FROM information_schema.tables"
                      + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertThat(tables).contains("sessions", "users", "audit_log");
      for (String table : tables) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              Object v = rs.getObject(i);
              if (v instanceof byte[] bytes) {
                out.add(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
              } else if (v != null) {
                out.add(v.toString());
              }
            }
          }
        }
      }
    }
    return out;
  }
}
