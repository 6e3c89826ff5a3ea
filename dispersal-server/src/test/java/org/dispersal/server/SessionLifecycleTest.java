package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.dispersal.server.security.Secrets;
import org.dispersal.server.security.Session;
import org.dispersal.server.security.Sessions;
import org.dispersal.store.Role;
import org.dispersal.store.Store;
import org.dispersal.store.StoredSession;
import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sessions over a real store (a DuckDB file, and PostgreSQL when DISPERSAL_TEST_PG_URL is set) with
 * a clock the test moves: timeouts, writes of the last use, capacity, and what a second server on
 * the same store sees.
 */
class SessionLifecycleTest {

  static final Duration IDLE = Duration.ofHours(2);
  static final Duration LIFETIME = Duration.ofHours(12);

  @TempDir Path folder;

  private String url(String engine) {
    return engine.equals("duckdb") ? TestDatabases.duckDb(folder) : TestDatabases.postgres();
  }

  private static Store storeWithUsers(String url) {
    Store store = Store.open(url);
    store.users().create("ana", "hash", Role.ANALYST, null);
    store.users().create("bob", "hash", Role.VIEWER, null);
    return store;
  }

  private static StoredSession stored(Store store, Session s, Instant now) {
    return store.sessions().find(Secrets.sha256(s.id()), now).orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgresql"})
  void sessionsEndWhenIdleOrTooOldAndFollowRoleChanges(String engine) {
    MovableClock clock = new MovableClock();
    try (Store store = storeWithUsers(url(engine))) {
      Sessions s = new Sessions(clock, store.sessions(), IDLE, LIFETIME, 3);
      Session a = s.open("ana", Role.ANALYST);
      assertThat(a.id()).hasSize(43).isNotEqualTo(a.csrfToken());
      clock.advance(Duration.ofMinutes(119));
      assertThat(s.find(a.id())).isPresent();
      store.users().setRole("ana", Role.VIEWER);
      s.changeRole("ana", Role.VIEWER);
      assertThat(s.find(a.id()).orElseThrow().role()).isEqualTo(Role.VIEWER);
      for (int h = 0; h < 10; h++) { // in use every hour until 11:59 after login
        clock.advance(Duration.ofHours(1));
        assertThat(s.find(a.id())).isPresent();
      }
      clock.advance(Duration.ofHours(1)); // 12:59 after login: past the 12-hour lifetime
      assertThat(s.find(a.id())).isEmpty();
      Session b = s.open("bob", Role.VIEWER);
      clock.advance(Duration.ofHours(2));
      assertThat(s.find(b.id())).isPresent(); // exactly 2 hours idle: the last moment
      clock.advance(Duration.ofHours(2).plusSeconds(1));
      assertThat(s.find(b.id())).isEmpty();
      assertThat(s.find("forged")).isEmpty();
      assertThat(s.find(null)).isEmpty();
      assertThat(store.sessions().find(Secrets.sha256(b.id()), clock.instant().minus(IDLE)))
          .isPresent();
      // a new session purges the expired ones from the store
      s.open("bob", Role.VIEWER);
      assertThat(store.sessions().find(Secrets.sha256(b.id()), clock.instant().minus(IDLE)))
          .isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgresql"})
  void theLastUseIsWrittenAtMostOnceAMinute(String engine) {
    MovableClock clock = new MovableClock();
    try (Store store = storeWithUsers(url(engine))) {
      Sessions s = new Sessions(clock, store.sessions(), IDLE, LIFETIME, 10);
      Instant login = clock.instant();
      Session a = s.open("ana", Role.ANALYST);
      assertThat(stored(store, a, login).expires()).isEqualTo(login.plus(IDLE));
      clock.advance(Duration.ofSeconds(30));
      assertThat(s.find(a.id()).orElseThrow().lastSeen()).isEqualTo(clock.instant());
      clock.advance(Duration.ofSeconds(29));
      s.find(a.id());
      assertThat(stored(store, a, clock.instant()).lastSeen()).isEqualTo(login);
      clock.advance(Duration.ofSeconds(1)); // a minute after the last write
      s.find(a.id());
      StoredSession written = stored(store, a, clock.instant());
      assertThat(written.lastSeen()).isEqualTo(clock.instant());
      assertThat(written.expires()).isEqualTo(clock.instant().plus(IDLE));
      for (int h = 0; h < 10; h++) { // in use every hour: the absolute end comes before the idle
        clock.advance(Duration.ofHours(1));
        assertThat(s.find(a.id())).isPresent();
      }
      assertThat(stored(store, a, clock.instant()).expires()).isEqualTo(login.plus(LIFETIME));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgresql"})
  void aSecondServerOnTheSameStoreSeesTheSameSessions(String engine) {
    MovableClock clock = new MovableClock();
    String url = url(engine);
    try (Store first = storeWithUsers(url)) {
      Sessions one = new Sessions(clock, first.sessions(), IDLE, LIFETIME, 10);
      Session a = one.open("ana", Role.ANALYST);
      Session b = one.open("bob", Role.VIEWER);
      clock.advance(Duration.ofMinutes(5));
      boolean shared = first.sessions().sharedWithOtherProcesses();
      Store secondStore = shared ? Store.open(url) : first; // DuckDB: one process per file
      try {
        Sessions two = new Sessions(clock, secondStore.sessions(), IDLE, LIFETIME, 10);
        Session again = two.find(a.id()).orElseThrow();
        assertThat(again.username()).isEqualTo("ana");
        assertThat(again.role()).isEqualTo(Role.ANALYST);
        assertThat(again.csrfToken()).isEqualTo(a.csrfToken());
        assertThat(again.created()).isEqualTo(a.created());
        if (shared) {
          // both servers hold the sessions; changes made through one apply on the other at once
          assertThat(two.find(b.id())).isPresent();
          one.close(a.id());
          assertThat(two.find(a.id())).isEmpty();
          first.users().setRole("bob", Role.ADMIN);
          one.changeRole("bob", Role.ADMIN);
          assertThat(two.find(b.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
          first.users().delete("bob");
          one.closeAll("bob");
          assertThat(two.find(b.id())).isEmpty();
        } else {
          // one server after the other: a logout by the second is final for the next
          two.close(a.id());
          assertThat(new Sessions(clock, first.sessions(), IDLE, LIFETIME, 10).find(a.id()))
              .isEmpty();
          first.users().delete("bob");
          two.closeAll("bob");
          assertThat(two.find(b.id())).isEmpty();
        }
      } finally {
        if (secondStore != first) {
          secondStore.close();
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgresql"})
  void shorterTimeoutsAfterARestartApplyToOldSessions(String engine) {
    MovableClock clock = new MovableClock();
    try (Store store = storeWithUsers(url(engine))) {
      Session a =
          new Sessions(clock, store.sessions(), IDLE, LIFETIME, 10).open("ana", Role.ANALYST);
      clock.advance(Duration.ofMinutes(40));
      Sessions restarted =
          new Sessions(clock, store.sessions(), Duration.ofMinutes(30), LIFETIME, 10);
      assertThat(restarted.find(a.id())).isEmpty();
      assertThat(store.sessions().find(Secrets.sha256(a.id()), a.created())).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgresql"})
  void beyondCapacityALoginDropsTheLeastRecentlyUsedSession(String engine) {
    MovableClock clock = new MovableClock();
    try (Store store = storeWithUsers(url(engine))) {
      Sessions s = new Sessions(clock, store.sessions(), IDLE, LIFETIME, 2);
      Session first = s.open("ana", Role.ANALYST);
      clock.advance(Duration.ofMinutes(1));
      Session second = s.open("bob", Role.VIEWER);
      clock.advance(Duration.ofMinutes(1));
      s.find(first.id()); // written: first is now the more recently used
      clock.advance(Duration.ofMinutes(1));
      Session third = s.open("bob", Role.VIEWER);
      assertThat(s.find(first.id())).isPresent();
      assertThat(s.find(second.id())).isEmpty();
      assertThat(s.find(third.id())).isPresent();
    }
  }
}
