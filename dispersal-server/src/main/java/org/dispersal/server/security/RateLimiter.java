package org.dispersal.server.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per user: each user may make {@code burst} requests at once and {@code perMinute}
 * per minute on average. A limit of 0 turns the limiter off.
 */
public final class RateLimiter {

  private final Clock clock;
  private final double perNano;
  private final double burst;
  private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

  /**
   * Creates a limiter.
   *
   * @param clock the time source
   * @param perMinute requests per minute per user on average; 0 for no limit
   * @param burst requests a user may make at once
   */
  public RateLimiter(Clock clock, int perMinute, int burst) {
    this.clock = clock;
    this.perNano = perMinute / 60e9;
    this.burst = Math.max(1, burst);
  }

  /** Takes one request from the user's bucket; the wait before the next one if it is empty. */
  public Optional<Duration> acquire(String user) {
    if (perNano == 0) {
      return Optional.empty();
    }
    long now = clock.millis() * 1_000_000L;
    double[] wait = {0};
    buckets.compute(
        user,
        (k, b) -> {
          // b[0] = tokens, b[1] = time of last refill in nanoseconds
          double[] s = b == null ? new double[] {burst, now} : b;
          s[0] = Math.min(burst, s[0] + (now - s[1]) * perNano);
          s[1] = now;
          if (s[0] >= 1) {
            s[0] -= 1;
          } else {
            wait[0] = (1 - s[0]) / perNano;
          }
          return s;
        });
    return wait[0] == 0
        ? Optional.empty()
        : Optional.of(Duration.ofNanos((long) Math.ceil(wait[0])));
  }
}
