package org.dispersal.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Derives independent random streams from a master seed, a replication index and a purpose.
 *
 * <p>Each (seed, replication, purpose) triple is hashed with the SplitMix64 finaliser into the
 * 128-bit state of a xoroshiro128++ generator. Streams never depend on how replications are spread
 * over threads or machines, so an ensemble gives the same bits for 1, 2 or 8 threads. Separate
 * purposes keep, for example, the parameter draws of a replication fixed when only its dynamics
 * change, which gives common random numbers across compared scenarios.
 */
public final class RandomStreams {

  /** What a stream is used for; each purpose gets its own independent stream. */
  public enum Purpose {
    /** Draws of parameter values from their priors. */
    PARAMETERS,
    /** Draws of initial stocks within their source ranges. */
    INITIAL_STOCKS,
    /** Draws of uncertain driver events (city losses, merger). */
    DRIVERS,
    /** The month-by-month transitions of people between states. */
    DYNAMICS
  }

  private RandomStreams() {}

  /** Returns a new generator for one replication and purpose. */
  public static UniformRandomProvider stream(long masterSeed, long replication, Purpose purpose) {
    long a = mix(masterSeed ^ mix(replication + 0x9E3779B97F4A7C15L * (purpose.ordinal() + 1)));
    long b = mix(a ^ 0xD1B54A32D192ED03L ^ replication);
    if (a == 0 && b == 0) {
      b = 1;
    }
    return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {a, b});
  }

  /**
   * Returns a generator for one keyed part of a replication, such as one cohort's month, from a
   * base value drawn once from the replication's stream. Keys name the part (a cohort's origin and
   * demographic, a parameter's name), not its position, so two scenarios that differ elsewhere
   * still give the same part the same numbers: common random numbers.
   */
  public static UniformRandomProvider substream(long base, long key) {
    long a = mix(base ^ mix(key));
    long b = mix(a ^ 0xD1B54A32D192ED03L);
    if (a == 0 && b == 0) {
      b = 1;
    }
    return new XoRoShiRo128PlusPlus(a, b);
  }

  /** One uniform number in [0, 1) for a keyed part of a replication (see {@link #substream}). */
  public static double uniform(long base, long key) {
    return (mix(base ^ mix(key)) >>> 11) * 0x1.0p-53;
  }

  /** A stable 64-bit key for a name (FNV-1a over its UTF-8 bytes, then mixed). */
  public static long key(String name) {
    long h = 0xCBF29CE484222325L;
    for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (x & 0xFF)) * 0x100000001B3L;
    }
    return mix(h);
  }

  /** The SplitMix64 finaliser: a bijective 64-bit mixing function, for deriving keys. */
  public static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
