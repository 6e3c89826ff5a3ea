package org.dispersal.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link FixedBinomial} and {@link FixedMultinomial} draw exactly what the plain samplers draw:
 * given generators in the same state they consume the same uniforms and return the same counts,
 * draw for draw, over many probabilities (0, 1, above one half, tiny, the same bits set again) and
 * trial counts on both sides of the powers' table (16), through inversion and BTRS. Their law is
 * tested with chi-square in {@code BinomialTest} and {@code MultinomialTest}.
 */
class FixedSamplersTest {

  @Test
  void fixedBinomialDrawsWhatBinomialDraws() {
    UniformRandomProvider cases = RandomStreams.stream(7, 1, RandomStreams.Purpose.DYNAMICS);
    UniformRandomProvider plain = RandomStreams.stream(7, 2, RandomStreams.Purpose.DYNAMICS);
    UniformRandomProvider same = RandomStreams.stream(7, 2, RandomStreams.Purpose.DYNAMICS);
    FixedBinomial fixed = new FixedBinomial();
    DoubleMemo memo = Binomial.logOfStayMemo(64);
    for (int set = 0; set < 20_000; set++) {
      double p = probability(cases, fixed.p());
      fixed.set(p);
      int draws = 1 + cases.nextInt(20);
      for (int d = 0; d < draws; d++) {
        int n = trials(cases);
        int expected =
            d % 2 == 0 ? Binomial.sample(plain, n, p) : Binomial.sample(plain, n, p, memo);
        assertThat(fixed.sample(same, n)).as("n=%d p=%s", n, p).isEqualTo(expected);
      }
      assertThat(same.nextLong()).as("same uniforms consumed").isEqualTo(plain.nextLong());
    }
  }

  @Test
  void fixedMultinomialDrawsWhatMultinomialDraws() {
    UniformRandomProvider cases = RandomStreams.stream(8, 1, RandomStreams.Purpose.DYNAMICS);
    UniformRandomProvider plain = RandomStreams.stream(8, 2, RandomStreams.Purpose.DYNAMICS);
    UniformRandomProvider same = RandomStreams.stream(8, 2, RandomStreams.Purpose.DYNAMICS);
    FixedMultinomial fixed = new FixedMultinomial();
    DoubleMemo memo = Binomial.logOfStayMemo(64);
    int[] expected = new int[8];
    int[] out = new int[8];
    for (int set = 0; set < 20_000; set++) {
      int k = 1 + cases.nextInt(8);
      double[] p = new double[k];
      double scale = cases.nextInt(4) == 0 ? 1.0 : Math.pow(10, -1 - 3 * cases.nextDouble());
      double sum = 0;
      for (int j = 0; j < k; j++) {
        p[j] = cases.nextInt(3) == 0 ? 0.0 : cases.nextDouble();
        sum += p[j];
      }
      for (int j = 0; j < k && sum > 0; j++) {
        p[j] = p[j] / sum * scale;
      }
      fixed.set(p, k);
      int draws = 1 + cases.nextInt(20);
      for (int d = 0; d < draws; d++) {
        int n = trials(cases);
        java.util.Arrays.fill(expected, 0);
        int left = Multinomial.sample(plain, n, p, k, expected, memo);
        java.util.Arrays.fill(out, 0);
        assertThat(fixed.sample(same, n, out, memo)).isEqualTo(left);
        assertThat(out).containsExactly(expected);
      }
      assertThat(same.nextLong()).as("same uniforms consumed").isEqualTo(plain.nextLong());
    }
  }

  @Test
  void fixedBinomialRefusesWhatBinomialRefuses() {
    UniformRandomProvider rng = RandomStreams.stream(1, 1, RandomStreams.Purpose.DYNAMICS);
    FixedBinomial fixed = new FixedBinomial();
    assertThatThrownBy(() -> fixed.set(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fixed.set(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fixed.sample(rng, 3))
        .as("no probability set yet")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fixed.set(0.2).sample(rng, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A probability: often the last one again, sometimes 0, 1, one half or above, or tiny. */
  private static double probability(UniformRandomProvider cases, double last) {
    return switch (cases.nextInt(8)) {
      case 0 -> last == last ? last : 0.5;
      case 1 -> cases.nextInt(2) == 0 ? 0.0 : 1.0;
      case 2 -> 0.5 + 0.5 * cases.nextDouble();
      case 3 -> 1e-6 * cases.nextDouble();
      default -> 0.2 * cases.nextDouble();
    };
  }

  /** A trial count: mostly small (the powers' table), sometimes past it, sometimes large (BTRS). */
  private static int trials(UniformRandomProvider cases) {
    return switch (cases.nextInt(4)) {
      case 0, 1 -> cases.nextInt(17);
      case 2 -> 17 + cases.nextInt(100);
      default -> cases.nextInt(5000);
    };
  }
}
