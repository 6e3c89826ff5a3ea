package org.dispersal.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Failed logins by pair of user name and client address (since migration V6), so that the web
 * service's login throttle survives a restart. The throttle's policy is the caller's business.
 */
public interface LoginFailureStore {

  /** The longest user name kept; longer ones are cut. */
  int MAX_USERNAME = 100;

  /** The longest address kept; longer ones are cut. */
  int MAX_ADDRESS = 64;

  /**
   * Failures in a row of one pair.
   *
   * @param failures how many
   * @param last when the latest happened
   */
  record Failures(int failures, Instant last) {}

  /** The pair's failures, empty when it has none. */
  Optional<Failures> find(String username, String address);

  /** Counts one more failure of the pair at {@code now}, and returns the new count. */
  Failures failed(String username, String address, Instant now);

  /** Forgets the pair's failures (after a successful login). */
  void clear(String username, String address);

  /**
   * The failures of every name from one address whose last failure is at or after {@code since}.
   */
  int fromAddressSince(String address, Instant since);

  /** Forgets every pair whose last failure is before {@code before}; returns how many. */
  int purge(Instant before);
}
