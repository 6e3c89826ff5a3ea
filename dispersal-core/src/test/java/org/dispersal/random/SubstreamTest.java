package org.dispersal.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.junit.jupiter.api.Test;

/**
 * One re-seeded {@link Substream} gives exactly the numbers of a new Commons RNG xoroshiro128++
 * seeded as substreams always were, from every method, whatever was drawn from it before.
 */
class SubstreamTest {

  /** The substream seeding the product has always used, written out here as the reference. */
  private static UniformRandomProvider reference(long base, long key) {
    long a = RandomStreams.mix(base ^ RandomStreams.mix(key));
    long b = RandomStreams.mix(a ^ 0xD1B54A32D192ED03L);
    if (a == 0 && b == 0) {
      b = 1;
    }
    return new XoRoShiRo128PlusPlus(a, b);
  }

  /** How many kinds of call {@link #call} makes. */
  private static final int CALLS = 13;

  /** Call number {@code kind} on a generator; its result as long bits, to compare exactly. */
  private static long call(UniformRandomProvider rng, int kind, long arg) {
    int bound = (int) (arg & 0x7FFFFFFF) | 1;
    return switch (kind) {
      case 0 -> rng.nextLong();
      case 1 -> Double.doubleToRawLongBits(rng.nextDouble());
      case 2 -> rng.nextInt();
      case 3 -> rng.nextInt(bound);
      case 4 -> rng.nextInt(1 + (int) (arg & 0xFF));
      case 5 -> rng.nextBoolean() ? 1 : 0;
      case 6 -> rng.nextLong(1 + (arg >>> 1));
      case 7 -> Float.floatToRawIntBits(rng.nextFloat());
      case 8 -> Double.doubleToRawLongBits(rng.nextDouble(0.25, 7.5));
      case 9 -> rng.nextInt(-5, bound);
      case 10 -> PoissonSampler.of(rng, 0.5 + (arg & 0x3F)).sample();
      case 11 -> Binomial.sample(rng, (int) (arg & 0xFFFF), 0.01 + (arg >>> 58) / 64.0);
      default -> {
        byte[] bytes = new byte[1 + (int) (arg & 15)];
        rng.nextBytes(bytes);
        long h = 0;
        for (byte x : bytes) {
          h = h * 31 + x;
        }
        yield h;
      }
    };
  }

  @Test
  void reseededGeneratorMatchesANewCommonsGeneratorInInterleavedCallOrders() {
    SplitMix64 driver = new SplitMix64(20261207L);
    Substream reused = new Substream();
    int compared = 0;
    for (int s = 0; s < 20_000; s++) {
      long base = driver.nextLong();
      long key = s % 7 == 0 ? s : driver.nextLong();
      UniformRandomProvider expected = reference(base, key);
      UniformRandomProvider actual = reused.reseed(base, key);
      // Each substream stops after a random number of calls, often leaving a cached half of a
      // long (nextInt, nextBoolean, nextFloat) that the next re-seed must discard.
      int calls = driver.nextInt(40);
      for (int i = 0; i < calls; i++) {
        int kind = driver.nextInt(CALLS);
        long arg = driver.nextLong();
        assertThat(call(actual, kind, arg))
            .as("substream %d call %d kind %d", s, i, kind)
            .isEqualTo(call(expected, kind, arg));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(300_000);
  }

  @Test
  void substreamGivesTheReferenceNumbers() {
    SplitMix64 driver = new SplitMix64(7);
    for (int s = 0; s < 1000; s++) {
      long base = driver.nextLong();
      long key = driver.nextLong();
      UniformRandomProvider expected = reference(base, key);
      UniformRandomProvider actual = RandomStreams.substream(base, key);
      for (int i = 0; i < 10; i++) {
        assertThat(actual.nextLong()).isEqualTo(expected.nextLong());
        assertThat(actual.nextInt()).isEqualTo(expected.nextInt());
        assertThat(actual.nextBoolean()).isEqualTo(expected.nextBoolean());
      }
    }
  }
}
