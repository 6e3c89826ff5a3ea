package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session store's contract, for every database the store runs on (DuckDB always, PostgreSQL
 * when available): sessions are found by the hash of their id until they expire, carry their
 * account's current role, and end with logout, their account, expiry or the capacity limit.
 */
abstract class SessionStoreContractTest {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

  @TempDir Path temp;

  String url;
  Store store;
  SessionStore sessions;

  /** A URL to a new, empty database. */
  abstract String newDatabase();

  /** Whether other processes may share this database. */
  abstract boolean shared();

  @BeforeEach
  void open() {
    url = newDatabase();
    store = Store.open(url);
    sessions = store.sessions();
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  static String hash(String id) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aSessionIsFoundByItsHashUntilItExpiresAndMovesOnWhenTouched() throws Exception {
    store.users().create("ana", "hash-a", Role.ANALYST, "alpha");
    String h = hash("session-one");
    StoredSession made = sessions.create(h, "ana", "csrf-one", T0, T0.plus(Duration.ofHours(2)));
    assertThat(made)
        .isEqualTo(
            new StoredSession(
                h, "ana", Role.ANALYST, "alpha", "csrf-one", T0, T0, T0.plus(Duration.ofHours(2))));
    assertThat(sessions.find(h, T0.plus(Duration.ofMinutes(5)))).contains(made);
    assertThat(sessions.find(h, T0.plus(Duration.ofHours(2)))).contains(made); // last instant
    assertThat(sessions.find(h, T0.plus(Duration.ofHours(2)).plusNanos(1000))).isEmpty();
    assertThat(sessions.find(hash("session-two"), T0)).isEmpty();

    Instant used = T0.plus(Duration.ofMinutes(90));
    assertThat(sessions.touch(h, used, used.plus(Duration.ofHours(2)))).isTrue();
    StoredSession later = sessions.find(h, T0.plus(Duration.ofHours(3))).orElseThrow();
    assertThat(later.lastSeen()).isEqualTo(used);
    assertThat(later.expires()).isEqualTo(used.plus(Duration.ofHours(2)));
    assertThat(later.created()).isEqualTo(T0);

    assertThat(sessions.delete(h)).isTrue();
    assertThat(sessions.delete(h)).isFalse();
    assertThat(sessions.find(h, T0)).isEmpty();
    assertThat(sessions.touch(h, used, used.plus(Duration.ofHours(2)))).isFalse();
  }

  @Test
  void onlyHashesOfExistingUsersAreAccepted() throws Exception {
    assertThatThrownBy(() -> sessions.create(hash("x"), "nobody", "c", T0, T0.plusSeconds(60)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("nobody");
    store.users().create("ana", "hash-a", Role.VIEWER, null);
    assertThatThrownBy(() -> sessions.create("raw-session-id", "ana", "c", T0, T0.plusSeconds(60)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> {
              String h = hash("same");
              sessions.create(h, "ana", "c", T0, T0.plusSeconds(60));
              sessions.create(h, "ana", "d", T0, T0.plusSeconds(60));
            })
        .isInstanceOf(StoreException.class);
  }

  @Test
  void aSessionCarriesItsAccountsRoleAndEndsWithTheAccount() throws Exception {
    UserStore users = store.users();
    users.create("ana", "hash-a", Role.ANALYST, null);
    users.create("bob", "hash-b", Role.VIEWER, null);
    String a1 = hash("a1");
    String a2 = hash("a2");
    String b1 = hash("b1");
    Instant end = T0.plus(Duration.ofHours(2));
    sessions.create(a1, "ana", "c1", T0, end);
    sessions.create(a2, "ana", "c2", T0, end);
    sessions.create(b1, "bob", "c3", T0, end);

    users.setRole("ana", Role.ADMIN);
    assertThat(sessions.find(a1, T0).orElseThrow().role()).isEqualTo(Role.ADMIN);

    assertThat(sessions.deleteAll("ana")).isEqualTo(2);
    assertThat(sessions.find(a1, T0)).isEmpty();
    assertThat(sessions.find(a2, T0)).isEmpty();
    assertThat(sessions.find(b1, T0)).isPresent();

    // an account deleted without its sessions, then made again under the same name: the old
    // account's session does not pass to the new one, and purging removes it
    users.delete("bob");
    assertThat(sessions.find(b1, T0)).isEmpty();
    users.create("bob", "hash-b2", Role.ADMIN, null);
    assertThat(sessions.find(b1, T0)).isEmpty();
    assertThat(sessions.purgeExpired(T0)).isEqualTo(1);
    assertThat(sessions.delete(b1)).isFalse();
  }

  @Test
  void purgingRemovesOnlyExpiredSessionsAndCapacityKeepsTheMostRecentlyUsed() throws Exception {
    store.users().create("ana", "hash-a", Role.VIEWER, null);
    for (int i = 0; i < 6; i++) {
      Instant made = T0.plus(Duration.ofMinutes(i));
      sessions.create(hash("s" + i), "ana", "c" + i, made, made.plus(Duration.ofMinutes(30)));
    }
    // s0..s5 expire at minutes 30..35; at minute 32 s0 and s1 are expired, s2 is at its last
    // instant
    assertThat(sessions.purgeExpired(T0.plus(Duration.ofMinutes(32)))).isEqualTo(2);
    assertThat(sessions.find(hash("s2"), T0.plus(Duration.ofMinutes(32)))).isPresent();
    // s2 used last: it and the newest two of the rest are kept
    Instant used = T0.plus(Duration.ofMinutes(20));
    sessions.touch(hash("s2"), used, used.plus(Duration.ofMinutes(30)));
    assertThat(sessions.count()).isEqualTo(4);
    assertThat(sessions.keepNewest(3)).isEqualTo(1);
    Instant now = T0.plus(Duration.ofMinutes(33));
    assertThat(sessions.find(hash("s3"), now)).isEmpty();
    assertThat(sessions.find(hash("s2"), now)).isPresent();
    assertThat(sessions.find(hash("s4"), now)).isPresent();
    assertThat(sessions.find(hash("s5"), now)).isPresent();
    assertThat(sessions.keepNewest(3)).isZero();
    assertThat(sessions.keepNewest(0)).isEqualTo(3);
    assertThat(sessions.count()).isZero();
  }

  @Test
  void sessionsOutliveClosingTheStore() throws Exception {
    store.users().create("ana", "hash-a", Role.ANALYST, null);
    String h = hash("kept");
    StoredSession made = sessions.create(h, "ana", "csrf", T0, T0.plus(Duration.ofHours(12)));
    store.close();
    store = Store.open(url);
    assertThat(store.sessions().find(h, T0.plusSeconds(1))).contains(made);
    assertThat(store.sessions().sharedWithOtherProcesses()).isEqualTo(shared());
  }
}
