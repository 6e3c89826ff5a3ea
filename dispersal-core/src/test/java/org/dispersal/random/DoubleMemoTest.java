package org.dispersal.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The memos of the engines' hot loops give the function's own bits for every argument, whatever
 * collides in their slots, and the samplers that use them draw exactly what they draw without.
 */
class DoubleMemoTest {

  @Test
  void everyAnswerIsTheFunctionsOwnBitsThroughCollisions() {
    // Four slots and 2,000 arguments repeated in a random order: most lookups collide or evict.
    DoubleMemo memo = new DoubleMemo(x -> Math.log1p(-x), 4);
    SplittableRandom r = new SplittableRandom(11);
    double[] args = new double[2_000];
    for (int i = 0; i < args.length; i++) {
      args[i] = r.nextDouble() * 0.6;
    }
    args[0] = 0.0;
    args[1] = -0.0;
    args[2] = Double.NaN;
    args[3] = Double.longBitsToDouble(0x7ff8dead0000beefL);
    for (int i = 0; i < 200_000; i++) {
      double x = args[r.nextInt(i < 100_000 ? 8 : args.length)];
      assertThat(Double.doubleToRawLongBits(memo.apply(x)))
          .isEqualTo(Double.doubleToRawLongBits(Math.log1p(-x)));
    }
    assertThat(memo.hits()).isPositive();
    assertThat(memo.misses()).isPositive();
  }

  @Test
  void slotsMustBeAPowerOfTwo() {
    assertThatThrownBy(() -> new DoubleMemo(x -> x, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DoubleMemo(x -> x, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void binomialAndMultinomialDrawTheSameWithAndWithoutTheMemo() {
    // The same stream with and without the memo must give the same variates, draw for draw, over
    // the inversion (n > 16 uses the logarithm) and BTRS ranges and p on both sides of 1/2.
    DoubleMemo memo = Binomial.logOfStayMemo(16);
    UniformRandomProvider a = RandomStreams.stream(3, 0, RandomStreams.Purpose.DYNAMICS);
    UniformRandomProvider b = RandomStreams.stream(3, 0, RandomStreams.Purpose.DYNAMICS);
    SplittableRandom r = new SplittableRandom(5);
    double[] ps = {0.01, 0.02, 0.035, 0.05, 0.2, 0.49, 0.5, 0.8, 0.97};
    for (int i = 0; i < 300_000; i++) {
      int n = r.nextInt(1, i % 3 == 0 ? 2_000 : 120);
      double p = ps[r.nextInt(ps.length)];
      assertThat(Binomial.sample(a, n, p, memo)).isEqualTo(Binomial.sample(b, n, p));
    }
    double[] probs = {0.03, 0.011, 0.0, 0.2, 0.004};
    int[] x = new int[probs.length];
    int[] y = new int[probs.length];
    for (int i = 0; i < 100_000; i++) {
      int n = r.nextInt(0, 500);
      int restA = Multinomial.sample(a, n, probs, probs.length, x, memo);
      int restB = Multinomial.sample(b, n, probs, probs.length, y);
      assertThat(restA).isEqualTo(restB);
      assertThat(x).isEqualTo(y);
    }
    assertThat(memo.hits()).isGreaterThan(memo.misses());
  }
}
