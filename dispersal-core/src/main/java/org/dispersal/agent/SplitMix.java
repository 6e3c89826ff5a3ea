package org.dispersal.agent;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The SplitMix64 generator (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014): a 64-bit counter advanced by the golden-ratio increment and passed
 * through a bijective mixing function. It passes BigCrush, costs a few instructions per number and
 * its whole state is one {@code long}, so the agent engine keeps one per block of agents.
 *
 * <p>Substreams: {@link #of(long, long)} seeds a block's generator by mixing the replication's key
 * with the block index, so a block draws the same numbers whichever thread runs it.
 */
public final class SplitMix implements UniformRandomProvider {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private long state;

  private SplitMix(long state) {
    this.state = state;
  }

  /** The generator of substream {@code index} of the stream with key {@code key}. */
  public static SplitMix of(long key, long index) {
    return new SplitMix(mix(key ^ mix(index * GOLDEN + GOLDEN)));
  }

  @Override
  public long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  @Override
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A uniform double in (0, 1], safe to take the logarithm of. */
  public double nextOpenDouble() {
    return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
  }

  /** The SplitMix64 finaliser (Stafford's variant 13). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
