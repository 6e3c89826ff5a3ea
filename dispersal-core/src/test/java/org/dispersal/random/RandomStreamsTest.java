package org.dispersal.random;

import static org.assertj.core.api.Assertions.assertThat;

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
}
