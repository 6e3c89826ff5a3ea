package org.dispersal.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Derives independent random streams from a master seed, a replication index and a purpose.
 *
 * <p>Each (seed, replication, purpose) triple is hashed with the SplitMix64 finaliser into the
 * 128-bit state of a xoroshiro128++ generator. Streams never depend on how replications are spread
 * over threads or machines, so an ensemble gives the same bits for 1, 2 or 8 threads. Separate
 * purposes keep, for example, the parameter draws of a replication fixed when only its dynamics
 * change, which gives common random numbers across compared scenarios.
 *
 * <p>Stages that need more than one replication's streams (calibration's generations and pilot,
 * sensitivity designs, the cohort engine's cohort-months) derive them here by name, never by an
 * offset or XOR written in place. Each derivation keeps the constant the product has always used,
 * so streams are bit-identical to earlier versions; a new stage adds a named derivation here.
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
    DYNAMICS,
    /** Reporting errors: what a source publishes, given the model's count (the hindcast's). */
    REPORTING
  }

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /** The replication index of the Morris screening design's stream (see {@link #morrisDesign}). */
  private static final long MORRIS_DESIGN = 1;

  /** The replication index of the Sobol' design's stream (see {@link #sobolDesign}). */
  private static final long SOBOL_DESIGN = 2;

  /**
   * The replication index of the scorecard's bootstrap stream (see {@link #scorecardBootstrap}).
   */
  private static final long SCORECARD_BOOTSTRAP = 3;

  /**
   * The replication index of the stream that resamples an assimilated forecast's replications (see
   * {@link #assimilationResampling}).
   */
  private static final long ASSIMILATION_RESAMPLING = 4;

  /**
   * The replication index of the streams that resample a month-by-month particle filter's steps
   * (see {@link #filterResampling}).
   */
  private static final long FILTER_RESAMPLING = 5;

  /** Mixed into the seed for the fresh dynamics bases of rejuvenated particles. */
  private static final long REJUVENATION = 0x7265_6A75_7665_6EL;

  /** Mixed into the seed for the Liu-West moves of a particle filter's static parameters. */
  private static final long PARAMETER_MOVE = 0x6C69_752D_7765_7374L;

  /** Calibration's screening pilot runs simulations from this index on, apart from ABC's. */
  private static final long PILOT_SIMULATIONS = 1L << 62;

  /** Mixed into calibration's seed for the ABC-SMC run that follows its screening pilot. */
  private static final long AFTER_PILOT = 0x5DEECE66DL;

  private RandomStreams() {}

  /** Returns a new generator for one replication and purpose. */
  public static UniformRandomProvider stream(long masterSeed, long replication, Purpose purpose) {
    long a = mix(masterSeed ^ mix(replication + GOLDEN * (purpose.ordinal() + 1)));
    long b = mix(a ^ 0xD1B54A32D192ED03L ^ replication);
    if (a == 0 && b == 0) {
      b = 1;
    }
    return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {a, b});
  }

  /**
   * The master seed of ABC-SMC generation {@code generation} (0, 1, ...): its attempts use the
   * streams (this seed, attempt, PARAMETERS) for their proposals.
   */
  public static long abcGenerationSeed(long seed, int generation) {
    return seed ^ (GOLDEN * (generation + 1));
  }

  /**
   * The simulation index of attempt {@code attempt} of ABC-SMC generation {@code generation}: the
   * replication whose streams the simulator uses for everything the particle does not fix.
   */
  public static long abcSimulation(int generation, int attempt) {
    return ((long) generation << 32) | attempt;
  }

  /** The master seed of the ABC-SMC run that follows calibration's screening pilot. */
  public static long afterPilotSeed(long seed) {
    return seed ^ AFTER_PILOT;
  }

  /** The simulation index of pilot draw {@code i}, disjoint from every {@link #abcSimulation}. */
  public static long pilotSimulation(int i) {
    return PILOT_SIMULATIONS + i;
  }

  /** The stream of the Morris screening design (trajectory starts and directions). */
  public static UniformRandomProvider morrisDesign(long seed) {
    return stream(seed, MORRIS_DESIGN, Purpose.PARAMETERS);
  }

  /** The stream of the Sobol' design (base samples and bootstrap). */
  public static UniformRandomProvider sobolDesign(long seed) {
    return stream(seed, SOBOL_DESIGN, Purpose.PARAMETERS);
  }

  /** The stream of the hindcast scorecard's bootstrap over sources. */
  public static UniformRandomProvider scorecardBootstrap(long seed) {
    return stream(seed, SCORECARD_BOOTSTRAP, Purpose.PARAMETERS);
  }

  /**
   * The stream of the systematic resampling that conditions a forecast on the figures published by
   * its as-of date ({@code dispersal forecast --as-of}).
   */
  public static UniformRandomProvider assimilationResampling(long seed) {
    return stream(seed, ASSIMILATION_RESAMPLING, Purpose.PARAMETERS);
  }

  /**
   * The stream of the systematic resampling at step {@code step} (0, 1, ...) of the month-by-month
   * particle filter of a forecast as of a date ({@code dispersal forecast --as-of --filter
   * monthly}).
   */
  public static UniformRandomProvider filterResampling(long seed, int step) {
    return stream(seed ^ mix(step + GOLDEN), FILTER_RESAMPLING, Purpose.PARAMETERS);
  }

  /**
   * The fresh dynamics base of the particle in slot {@code slot} after the resampling of step
   * {@code step} of the month-by-month particle filter: its cohort-months after the step's month
   * draw from it ({@code org.dispersal.engine.Lineage}). Each (seed, step, slot) gets its own.
   */
  public static long rejuvenationBase(long seed, int step, int slot) {
    long h = mix(seed ^ REJUVENATION);
    h = mix(h ^ mix(step + GOLDEN));
    return mix(h ^ mix(((long) slot << 1) | 1));
  }

  /**
   * The stream of the normal draws that move the static parameters of the particle in slot {@code
   * slot} after the resampling of step {@code step} of the month-by-month particle filter (the
   * Liu-West move, {@code org.dispersal.assimilation.LiuWest}). Each (seed, step, slot) gets its
   * own, so the moves do not depend on which thread or executor makes them.
   */
  public static UniformRandomProvider parameterMove(long seed, int step, int slot) {
    long h = mix(seed ^ PARAMETER_MOVE);
    h = mix(h ^ mix(step + GOLDEN));
    return stream(h, slot, Purpose.PARAMETERS);
  }

  /**
   * The key of one cohort's month in the cohort engine's substreams (see {@link #substream}): the
   * cohort's key combined with the mixed month.
   */
  public static long cohortMonthKey(long cohortKey, int month) {
    return cohortKey ^ mix(month);
  }

  /**
   * Returns a generator for one keyed part of a replication, such as one cohort's month, from a
   * base value drawn once from the replication's stream. Keys name the part (a cohort's origin and
   * demographic, a parameter's name), not its position, so two scenarios that differ elsewhere
   * still give the same part the same numbers: common random numbers. Loops that start many
   * substreams re-seed one {@link Substream} instead, which gives the same numbers.
   */
  public static UniformRandomProvider substream(long base, long key) {
    return new Substream().reseed(base, key);
  }

  /** Mixed into the first word of a substream's state for its second (see {@link Substream}). */
  static final long SUBSTREAM_SECOND_WORD = 0xD1B54A32D192ED03L;

  /** One uniform number in [0, 1) for a keyed part of a replication (see {@link #substream}). */
  public static double uniform(long base, long key) {
    return (mix(base ^ mix(key)) >>> 11) * 0x1.0p-53;
  }

  /**
   * A stable 64-bit key for a name (FNV-1a over its UTF-8 bytes, then mixed). An ASCII name's chars
   * are its UTF-8 bytes, read without encoding it: engines key every origin of every replication.
   */
  public static long key(String name) {
    long h = 0xCBF29CE484222325L;
    int length = name.length();
    for (int i = 0; i < length; i++) {
      char x = name.charAt(i);
      if (x >= 0x80) {
        return keyOfBytes(name);
      }
      h = (h ^ x) * 0x100000001B3L;
    }
    return mix(h);
  }

  private static long keyOfBytes(String name) {
    long h = 0xCBF29CE484222325L;
    for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (x & 0xFF)) * 0x100000001B3L;
    }
    return mix(h);
  }

  /** The SplitMix64 finaliser: a bijective 64-bit mixing function, for deriving keys. */
  public static long mix(long z) {
    z += GOLDEN;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
