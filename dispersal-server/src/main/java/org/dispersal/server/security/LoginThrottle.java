package org.dispersal.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.dispersal.store.LoginFailureStore;
import org.dispersal.store.LoginFailureStore.Failures;

/**
 * Slows down password guessing without letting anyone lock a user out (issue #18, finding 4).
 *
 * <p>Failures count per pair of user name and client address, kept in the store so that a restart
 * forgets nothing. A pair's first {@code freeFailures} failures cost nothing; after that each
 * attempt must wait a back-off that doubles with every further failure: 1 minute after the 5th
 * failure (by default), 2 after the 6th, 4 after the 7th, and so on up to {@link #MAX_WAIT}. A
 * successful login from that address clears the pair. Guesses from one address therefore never
 * block the right password from another address. Separately, an address with {@code perAddress}
 * failures over all names within {@code window} waits until the window has passed, which slows down
 * one address trying many names.
 *
 * <p>Attempts are refused before the password is checked, so a throttled guess costs the server
 * nothing and tells the guesser nothing.
 */
public final class LoginThrottle {

  /** Failures of one (name, address) pair before the back-off starts, by default. */
  public static final int FREE_FAILURES = 5;

  /** The first back-off; each further failure doubles it. */
  public static final Duration FIRST_WAIT = Duration.ofMinutes(1);

  /** The longest back-off. */
  public static final Duration MAX_WAIT = Duration.ofHours(1);

  /** A pair is forgotten this long after its last failure. */
  public static final Duration FORGET_AFTER = Duration.ofDays(1);

  private final Clock clock;
  private final LoginFailureStore store;
  private final Duration window;
  private final int freeFailures;
  private final int perAddress;
  private volatile Instant lastPurge;

  /** A throttle with the default policy: 5 free failures per pair, 20 per address in 15 min. */
  public LoginThrottle(Clock clock, LoginFailureStore store) {
    this(clock, store, Duration.ofMinutes(15), FREE_FAILURES, 20);
  }

  /**
   * Creates a throttle.
   *
   * @param clock the time source
   * @param store where failures are kept
   * @param window how long a failure counts against its address
   * @param freeFailures failures of one (name, address) pair before the back-off starts
   * @param perAddress failures from one address, over all names, within the window before that
   *     address waits
   */
  public LoginThrottle(
      Clock clock, LoginFailureStore store, Duration window, int freeFailures, int perAddress) {
    this.clock = clock;
    this.store = store;
    this.window = window;
    this.freeFailures = freeFailures;
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
    Duration wait = Duration.ZERO;
    Optional<Failures> pair = store.find(username, address);
    if (pair.isPresent() && pair.get().failures() >= freeFailures) {
      Instant free = pair.get().last().plus(backOff(pair.get().failures()));
      wait = Duration.between(now, free);
    }
    if (store.fromAddressSince(address, now.minus(window)) >= perAddress) {
      Duration addressWait = window;
      wait = addressWait.compareTo(wait) > 0 ? addressWait : wait;
    }
    return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /** The wait after the pair's {@code failures}-th failure (at least {@link #FREE_FAILURES}). */
  Duration backOff(int failures) {
    int doublings = Math.min(failures - freeFailures, 20);
    Duration d = FIRST_WAIT.multipliedBy(1L << Math.max(0, doublings));
    return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
  }

  /** Records a failed attempt. */
  public void failed(String username, String address) {
    Instant now = clock.instant();
    store.failed(username, address, now);
    if (lastPurge == null || Duration.between(lastPurge, now).compareTo(Duration.ofHours(1)) >= 0) {
      lastPurge = now;
      store.purge(now.minus(FORGET_AFTER));
    }
  }

  /** Records a successful login: the pair's failures are forgotten. */
  public void succeeded(String username, String address) {
    store.clear(username, address);
  }
}
