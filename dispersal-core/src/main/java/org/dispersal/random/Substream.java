package org.dispersal.random;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * A reusable generator for the keyed substreams of {@link RandomStreams#substream}: re-seeded in
 * place for each (base, key), it gives exactly the numbers of the new generator that {@code
 * substream(base, key)} returns, from every method, without allocating one per cohort-month.
 *
 * <p>It is Commons RNG's xoroshiro128++ itself (every method is inherited), with the state set
 * directly and the cached ints and booleans of its {@code LongProvider} discarded, as a newly
 * constructed generator has them. Not thread-safe: one per engine (one engine serves one thread),
 * and a re-seed ends the previous substream, so no caller may keep drawing from an old one.
 */
public final class Substream extends XoRoShiRo128PlusPlus {

  /** Creates a generator; {@link #reseed} it before the first draw. */
  public Substream() {
    super(0, 1);
  }

  /**
   * Starts the substream of (base, key) in place, as {@link RandomStreams#substream} derives it.
   *
   * @return this generator
   */
  public Substream reseed(long base, long key) {
    long a = RandomStreams.mix(base ^ RandomStreams.mix(key));
    long b = RandomStreams.mix(a ^ RandomStreams.SUBSTREAM_SECOND_WORD);
    if (a == 0 && b == 0) {
      b = 1;
    }
    state0 = a;
    state1 = b;
    resetCachedState();
    return this;
  }
}
