package org.dispersal.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dispersal.server.ApiException;
import org.dispersal.server.MovableClock;
import org.dispersal.server.runs.ProgressHub;
import org.dispersal.store.LoginFailureStore;
import org.junit.jupiter.api.Test;

/** The security parts on their own, with a clock the test moves. */
class SecurityPartsTest {

  @Test
  void passwordsVerifyOnlyWithTheRightPasswordAndAnIntactHash() {
    PasswordHasher h = PasswordHasher.argon2id();
    String a = h.hash("correct horse battery");
    String b = h.hash("correct horse battery");
    assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(b); // fresh salts
    assertThat(h.verify("correct horse battery", a)).isTrue();
    assertThat(h.verify("correct horse batterx", a)).isFalse();
    assertThat(h.verify("correct horse battery", a.replace("t=2", "t=3"))).isFalse();
    assertThat(h.verify("correct horse battery", a.substring(0, a.length() - 2) + "AA")).isFalse();
    assertThat(h.verify("x", "not a hash")).isFalse();
    assertThat(h.verify("x", null)).isFalse();
  }

  /** Failed logins in memory, with the store's semantics (names compared in lower case). */
  static final class MemoryFailures implements LoginFailureStore {
    final Map<String, Failures> pairs = new HashMap<>();

    private static String key(String user, String address) {
      return user.toLowerCase(java.util.Locale.ROOT) + "\n" + address;
    }

    @Override
    public Optional<Failures> find(String username, String address) {
      return Optional.ofNullable(pairs.get(key(username, address)));
    }

    @Override
    public Failures failed(String username, String address, Instant now) {
      return pairs.merge(
          key(username, address),
          new Failures(1, now),
          (a, b) -> new Failures(a.failures() + 1, now));
    }

    @Override
    public void clear(String username, String address) {
      pairs.remove(key(username, address));
    }

    @Override
    public int fromAddressSince(String address, Instant since) {
      return pairs.entrySet().stream()
          .filter(e -> e.getKey().endsWith("\n" + address) && !e.getValue().last().isBefore(since))
          .mapToInt(e -> e.getValue().failures())
          .sum();
    }

    @Override
    public int purge(Instant before) {
      int n = pairs.size();
      pairs.values().removeIf(f -> f.last().isBefore(before));
      return n - pairs.size();
    }
  }

  @Test
  void loginFailuresBackOffPerNameAndAddress() {
    MovableClock clock = new MovableClock();
    LoginThrottle t = new LoginThrottle(clock, new MemoryFailures(), Duration.ofMinutes(15), 3, 10);
    for (int i = 0; i < 3; i++) {
      assertThat(t.retryAfter("Ana", "10.0.0.1")).isEmpty();
      t.failed("Ana", "10.0.0.1");
    }
    // the third failure starts the back-off: 1 minute, then 2, then 4
    assertThat(t.retryAfter("ana", "10.0.0.1")).hasValue(Duration.ofMinutes(1));
    assertThat(t.retryAfter("ana", "10.0.0.2")).as("another address").isEmpty();
    assertThat(t.retryAfter("bob", "10.0.0.1")).as("another name").isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(t.retryAfter("ana", "10.0.0.1")).isEmpty();
    t.failed("ana", "10.0.0.1");
    assertThat(t.retryAfter("ana", "10.0.0.1")).hasValue(Duration.ofMinutes(2));
    clock.advance(Duration.ofMinutes(2));
    t.failed("ana", "10.0.0.1");
    assertThat(t.retryAfter("ana", "10.0.0.1")).hasValue(Duration.ofMinutes(4));
    t.succeeded("ana", "10.0.0.1");
    assertThat(t.retryAfter("ana", "10.0.0.1")).isEmpty();
    for (int i = 0; i < 10; i++) {
      t.failed("user" + i, "10.0.0.3");
    }
    assertThat(t.retryAfter("someone", "10.0.0.3")).as("one address, many names").isPresent();
    assertThat(t.retryAfter("someone", "10.0.0.4")).isEmpty();
  }

  @Test
  void theRateLimiterRefillsAtItsRate() {
    MovableClock clock = new MovableClock();
    RateLimiter r = new RateLimiter(clock, 60, 2);
    assertThat(r.acquire("u")).isEmpty();
    assertThat(r.acquire("u")).isEmpty();
    assertThat(r.acquire("u"))
        .hasValueSatisfying(d -> assertThat(d).isEqualTo(Duration.ofSeconds(1)));
    assertThat(r.acquire("v")).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(r.acquire("u")).isEmpty();
    assertThat(new RateLimiter(clock, 0, 1).acquire("u")).isEmpty();
  }

  @Test
  void secretsAreRandomAndComparedSafely() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(Secrets.random256())).isTrue();
    }
    assertThat(Secrets.same("abc", "abc")).isTrue();
    assertThat(Secrets.same("abc", "abd")).isFalse();
    assertThat(Secrets.same(null, "abc")).isFalse();
    assertThat(Secrets.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void progressStreamsAreLimitedPerUserAndInAll() {
    try (ProgressHub hub = new ProgressHub(3, 2)) {
      hub.admit("ana");
      hub.admit("ana");
      assertThatThrownBy(() -> hub.admit("ana"))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(429));
      hub.admit("bob");
      assertThatThrownBy(() -> hub.admit("carl"))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(429));
      hub.release("ana");
      hub.admit("carl");
      assertThat(hub.openStreams()).isEqualTo(3);
    }
  }
}
