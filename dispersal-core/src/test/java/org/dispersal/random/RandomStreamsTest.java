package org.dispersal.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.dispersal.random.RandomStreams.Purpose;
import org.junit.jupiter.api.Test;

/** Streams are reproducible and distinct across replications and purposes. */
class RandomStreamsTest {

  @Test
  void sameTripleGivesSameStream() {
    long a = RandomStreams.stream(42, 7, Purpose.DYNAMICS).nextLong();
    long b = RandomStreams.stream(42, 7, Purpose.DYNAMICS).nextLong();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void neighbouringSeedsReplicationsAndPurposesDiffer() {
    Set<Long> firsts = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      for (long rep = 0; rep < 50; rep++) {
        for (Purpose p : Purpose.values()) {
          firsts.add(RandomStreams.stream(seed, rep, p).nextLong());
        }
      }
    }
    assertThat(firsts).hasSize(20 * 50 * Purpose.values().length);
  }

  /**
   * The named derivations keep the constants callers used to write in place, so every stream (and
   * every stored forecast, calibration and sensitivity run) is bit-identical to earlier versions.
   */
  @Test
  void namedDerivationsKeepTheirHistoricalConstants() {
    long seed = 20170213L;
    assertThat(RandomStreams.abcGenerationSeed(seed, 3))
        .isEqualTo(seed ^ (0x9E3779B97F4A7C15L * 4));
    assertThat(RandomStreams.abcSimulation(2, 17)).isEqualTo((2L << 32) | 17);
    assertThat(RandomStreams.afterPilotSeed(seed)).isEqualTo(seed ^ 0x5DEECE66DL);
    assertThat(RandomStreams.pilotSimulation(5)).isEqualTo((1L << 62) + 5);
    assertThat(RandomStreams.morrisDesign(seed).nextLong())
        .isEqualTo(RandomStreams.stream(seed, 1, Purpose.PARAMETERS).nextLong());
    assertThat(RandomStreams.sobolDesign(seed).nextLong())
        .isEqualTo(RandomStreams.stream(seed, 2, Purpose.PARAMETERS).nextLong());
    assertThat(RandomStreams.cohortMonthKey(99, 7)).isEqualTo(99 ^ RandomStreams.mix(7));
    // New purposes go at the end: the ordinals of the old ones key every stored run's streams.
    assertThat(Purpose.values())
        .startsWith(Purpose.PARAMETERS, Purpose.INITIAL_STOCKS, Purpose.DRIVERS, Purpose.DYNAMICS)
        .endsWith(Purpose.REPORTING);
  }

  /**
   * A name's key is FNV-1a over its UTF-8 bytes, then mixed: read from an ASCII name's chars
   * without encoding it, the same key as from its bytes, and names with other characters still key
   * their bytes.
   */
  @Test
  void keyIsFnvOfTheUtf8Bytes() {
    for (String name : new String[] {"", "IQ", "collapse_half_life", "Côte d'Ivoire", "€ 𝄞"}) {
      long h = 0xCBF29CE484222325L;
      for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
        h = (h ^ (x & 0xFF)) * 0x100000001B3L;
      }
      assertThat(RandomStreams.key(name)).as(name).isEqualTo(RandomStreams.mix(h));
    }
  }
}
