package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.dispersal.store.SummaryFilter;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cached read path of issue #19 on the embedded store, where tokens and succeeded runs are kept
 * in memory: a cached answer is the same bytes the store's rows serialise to, its gzip copy
 * inflates to them, and no security rule is weakened by the caches (a revoked token, a logged-out
 * session, a deleted user are refused by the next request; a team's run stays hidden from other
 * teams, also after a member leaves the team).
 */
class CachedReadsTest {

  @TempDir static Path folder;

  static DispersalServer server;
  static Api admin;
  static Api ana;
  static long run;
  static long scenario;

  @BeforeAll
  static void start() {
    server = TestServers.start(TestDatabases.duckDb(folder), c -> c);
    admin = TestServers.admin(server);
    ana = TestServers.user(server, admin, "ana", "analyst", "alpha");
    Api.Reply made =
        ana.post(
            "/api/scenarios",
            Api.json(
                "name",
                "alpha-only",
                "yaml",
                "extends: isis-2017\nname: alpha-only\n",
                "visibility",
                "team"));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    scenario = made.json().get("id").asLong();
    run = TestServers.submit(ana, scenario, 4, 6).json().get("id").asLong();
    assertThat(TestServers.finished(ana, run).get("status").asText()).isEqualTo("succeeded");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<byte[]> summary(Api api, String query, String acceptEncoding) {
    var b = api.request("/api/runs/" + run + "/summary" + query).GET();
    if (acceptEncoding != null) {
      b.header("Accept-Encoding", acceptEncoding);
    }
    try {
      return Api.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] inflate(byte[] gzip) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Api bearer(Api session, String name) {
    Api.Reply t = session.post("/api/tokens", Api.json("name", name));
    assertThat(t.status()).as(t.body()).isEqualTo(201);
    Api api = new Api(server.port());
    api.bearer = t.json().get("token").asText();
    return api;
  }

  @Test
  void theCachedAnswerIsTheStoredRowsAndItsGzipCopyInflatesToThem() throws Exception {
    String q = "?scope=world&demographic=all";
    byte[] uncached =
        Json.MAPPER.writeValueAsBytes(
            Map.of(
                "rows",
                server
                    .store()
                    .runs()
                    .summary(run, new SummaryFilter("world", null, null, null, "all"))));
    HttpResponse<byte[]> first = summary(ana, q, "gzip, deflate, br");
    for (int i = 0; i < 3; i++) {
      HttpResponse<byte[]> packed = summary(ana, q, "gzip, deflate, br");
      assertThat(packed.statusCode()).isEqualTo(200);
      assertThat(packed.headers().firstValue("Content-Encoding")).hasValue("gzip");
      assertThat(packed.headers().firstValue("Vary")).hasValue("Accept-Encoding");
      assertThat(packed.body()).isEqualTo(first.body());
      assertThat(inflate(packed.body())).isEqualTo(uncached);
      assertThat(packed.body().length).isLessThan(uncached.length / 4);
    }
    for (String none : new String[] {null, "identity", "gzip;q=0", "br"}) {
      HttpResponse<byte[]> plain = summary(ana, q, none);
      assertThat(plain.statusCode()).isEqualTo(200);
      assertThat(plain.headers().firstValue("Content-Encoding")).as(none).isEmpty();
      assertThat(plain.headers().firstValue("Vary")).hasValue("Accept-Encoding");
      assertThat(plain.body()).as(none).isEqualTo(uncached);
    }
    String tag = summary(ana, q, null).headers().firstValue("ETag").orElseThrow();
    String gzipTag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(gzipTag).isEqualTo(tag.substring(0, tag.length() - 1) + "-gzip\"").isNotEqualTo(tag);
    for (String sent : new String[] {tag, gzipTag, "W/" + gzipTag, "\"other\", " + tag}) {
      HttpResponse<byte[]> again =
          Api.HTTP.send(
              ana.request("/api/runs/" + run + "/summary" + q)
                  .header("If-None-Match", sent)
                  .header("Accept-Encoding", "gzip")
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(again.statusCode()).as(sent).isEqualTo(304);
      assertThat(again.body()).isEmpty();
    }
  }

  @Test
  void aKeptAnswerGoesOutWithItsLengthAndTheUsualHeadersOnAKeptConnection() throws Exception {
    String q = "?scope=world&demographic=all";
    summary(ana, q, "gzip");
    try (KeepAliveClient raw = new KeepAliveClient("127.0.0.1", server.port(), 30_000)) {
      String auth = "Authorization: Bearer " + bearer(ana, "raw-client").bearer;
      for (String encoding : new String[] {"gzip", "identity"}) {
        // twice on one connection: the first answer ends where its length says
        for (int i = 0; i < 2; i++) {
          KeepAliveClient.Reply r =
              raw.get("/api/runs/" + run + "/summary" + q, auth, "Accept-Encoding: " + encoding);
          HttpResponse<byte[]> same = summary(ana, q, encoding);
          assertThat(r.status()).isEqualTo(200);
          assertThat(r.body()).as(encoding).isEqualTo(same.body());
          assertThat(r.contentEncoding()).isEqualTo(encoding.equals("gzip") ? "gzip" : null);
          assertThat(same.headers().firstValue("Content-Length"))
              .hasValue(String.valueOf(same.body().length));
          assertThat(same.headers().firstValue("Transfer-Encoding")).isEmpty();
          assertThat(same.headers().firstValue("Content-Type")).hasValue("application/json");
          assertThat(same.headers().firstValue("Cache-Control")).hasValue("no-store");
          assertThat(same.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
      }
    }
    Api.Reply head = ana.head("/api/runs/" + run + "/summary" + q);
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void theDestinationFilterSplitsTheWorldIntoTotalsAndDestinations() throws Exception {
    var all = Json.MAPPER.readTree(summary(ana, "?scope=world&demographic=all", null).body());
    var totals =
        Json.MAPPER.readTree(
            summary(ana, "?scope=world&demographic=all&destination=total", null).body());
    int withoutDestination = 0;
    String someDestination = null;
    for (var row : all.get("rows")) {
      if (row.get("destination").isNull() || row.get("destination").asText().isEmpty()) {
        withoutDestination++;
      } else if (someDestination == null) {
        someDestination = row.get("destination").asText();
      }
    }
    assertThat(withoutDestination).isPositive();
    assertThat(totals.get("rows").size()).isEqualTo(withoutDestination);
    for (var row : totals.get("rows")) {
      assertThat(row.get("destination").isNull() || row.get("destination").asText().isEmpty())
          .isTrue();
    }
    assertThat(someDestination).as("a world row with a destination").isNotNull();
    var one =
        Json.MAPPER.readTree(
            summary(ana, "?scope=world&demographic=all&destination=" + someDestination, null)
                .body());
    assertThat(one.get("rows")).isNotEmpty();
    for (var row : one.get("rows")) {
      assertThat(row.get("destination").asText()).isEqualTo(someDestination);
    }
  }

  @Test
  void aRevokedTokenIsRefusedByTheNextRequest() {
    Api token = bearer(ana, "revoked-next");
    for (int i = 0; i < 3; i++) {
      assertThat(summary(token, "?scope=world", "gzip").statusCode()).isEqualTo(200);
    }
    assertThat(ana.delete("/api/tokens/revoked-next").status()).isEqualTo(204);
    HttpResponse<byte[]> after = summary(token, "?scope=world", "gzip");
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(new String(after.body())).contains("unknown or revoked API token");
  }

  @Test
  void aLoggedOutSessionIsRefusedByTheNextRequest() {
    Api session = new Api(server.port());
    assertThat(session.login("ana", TestServers.PASSWORD).status()).isEqualTo(200);
    assertThat(summary(session, "?scope=world", "gzip").statusCode()).isEqualTo(200);
    assertThat(session.delete("/api/session").status()).isEqualTo(204);
    assertThat(summary(session, "?scope=world", "gzip").statusCode()).isEqualTo(401);
  }

  @Test
  void aDeletedUsersTokenIsRefusedByTheNextRequest() {
    Api gone = TestServers.user(server, admin, "gone", "viewer", "alpha");
    Api token = bearer(gone, "gone-token");
    assertThat(summary(token, "?scope=world", "gzip").statusCode()).isEqualTo(200);
    assertThat(admin.delete("/api/users/gone").status()).isEqualTo(204);
    assertThat(summary(token, "?scope=world", "gzip").statusCode()).isEqualTo(401);
  }

  @Test
  void aTeamRunStaysPrivateWithTheCaches() {
    Api ben = TestServers.user(server, admin, "ben", "viewer", "beta");
    Api benToken = bearer(ben, "ben-token");
    Api vic = TestServers.user(server, admin, "vic", "viewer", "alpha");
    Api vicToken = bearer(vic, "vic-token");
    for (Api member : new Api[] {ana, vic, vicToken, admin}) {
      assertThat(summary(member, "?scope=world&demographic=all", "gzip").statusCode())
          .isEqualTo(200);
      assertThat(member.get("/api/runs/" + run).status()).isEqualTo(200);
    }
    for (Api other : new Api[] {ben, benToken}) {
      HttpResponse<byte[]> r = summary(other, "?scope=world&demographic=all", "gzip");
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(new String(r.body())).contains("no run " + run);
      assertThat(r.headers().firstValue("ETag")).isEmpty();
    }
    // vic leaves the team: the next request, by session or by token, no longer sees the run
    Api.Reply moved = admin.put("/api/users/vic", Api.json("team", "beta"));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    for (Api former : new Api[] {vic, vicToken}) {
      assertThat(summary(former, "?scope=world&demographic=all", "gzip").statusCode())
          .isEqualTo(404);
    }
    // and ben joins it: seen at once
    assertThat(admin.put("/api/users/ben", Api.json("team", "alpha")).status()).isEqualTo(200);
    assertThat(summary(benToken, "?scope=world&demographic=all", "gzip").statusCode())
        .isEqualTo(200);
  }
}
