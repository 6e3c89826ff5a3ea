package org.dispersal.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code perUser} failed logins for one user name, or {@code
 * perAddress} from one client address, within {@code window}, further attempts for that name or
 * from that address are refused until the oldest failure leaves the window. A successful login
 * clears the name's failures (not the address's).
 *
 * <p>Attempts are refused before the password is checked, so a throttled guess costs the server
 * nothing and tells the guesser nothing.
 */
public final class LoginThrottle {

  private final Clock clock;
  private final Duration window;
  private final int perUser;
  private final int perAddress;
  private final Map<String, Deque<Instant>> users = new ConcurrentHashMap<>();
  private final Map<String, Deque<Instant>> addresses = new ConcurrentHashMap<>();

  /**
   * Creates a throttle.
   *
   * @param clock the time source
   * @param window how long a failure counts
   * @param perUser failures per user name within the window before refusing
   * @param perAddress failures per client address within the window before refusing
   */
  public LoginThrottle(Clock clock, Duration window, int perUser, int perAddress) {
    this.clock = clock;
    this.window = window;
    this.perUser = perUser;
    this.perAddress = perAddress;
  }

  /**
   * How long to wait before the next attempt may be made, or empty when it may be made now.
   *
   * @param username the name tried (compared case-insensitively)
   * @param address the client address
   */
  public Optional<Duration> retryAfter(String username, String address) {
    Instant now = clock.instant();
    Duration a = wait(users, key(username), perUser, now);
    Duration b = wait(addresses, address, perAddress, now);
    Duration longest = a.compareTo(b) >= 0 ? a : b;
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  /** Records a failed attempt. */
  public void failed(String username, String address) {
    Instant now = clock.instant();
    add(users, key(username), now);
    add(addresses, address, now);
  }

  /** Records a successful login: the name's failures are forgotten. */
  public void succeeded(String username) {
    users.remove(key(username));
  }

  private static String key(String username) {
    return username.toLowerCase(java.util.Locale.ROOT);
  }

  private void add(Map<String, Deque<Instant>> map, String key, Instant now) {
    map.compute(
        key,
        (k, q) -> {
          Deque<Instant> d = q == null ? new ArrayDeque<>() : q;
          prune(d, now);
          d.addLast(now);
          return d;
        });
    if (map.size() > 100_000) {
      map.values().removeIf(d -> d.isEmpty() || d.peekLast().plus(window).isBefore(now));
    }
  }

  private Duration wait(Map<String, Deque<Instant>> map, String key, int limit, Instant now) {
    Duration[] out = {Duration.ZERO};
    map.computeIfPresent(
        key,
        (k, d) -> {
          prune(d, now);
          if (d.size() >= limit) {
            Instant freeAt = d.toArray(new Instant[0])[d.size() - limit].plus(window);
            out[0] = Duration.between(now, freeAt);
          }
          return d.isEmpty() ? null : d;
        });
    return out[0].isNegative() ? Duration.ZERO : out[0];
  }

  private void prune(Deque<Instant> d, Instant now) {
    while (!d.isEmpty() && !d.peekFirst().plus(window).isAfter(now)) {
      d.removeFirst();
    }
  }
}
