package org.dispersal.output.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TicksTest {

  @Test
  void countTicksAreRoundWholeAndCoverTheMaximum() {
    assertThat(Ticks.counts(0, 4)).isEqualTo(new Ticks(1, 1));
    assertThat(Ticks.counts(3, 4)).isEqualTo(new Ticks(1, 3));
    assertThat(Ticks.counts(1234, 4)).isEqualTo(new Ticks(500, 1500));
    assertThat(Ticks.counts(18_500, 4)).isEqualTo(new Ticks(5000, 20_000));
    assertThat(Ticks.counts(9, 4)).as("no step of 2.5 for counts").isEqualTo(new Ticks(5, 10));
    assertThat(Ticks.counts(1234, 4).count()).isEqualTo(3);
  }

  @Test
  void generalTicksMayBeFractionalAndUseQuarters() {
    assertThat(Ticks.of(0.8, 4)).isEqualTo(new Ticks(0.2, 0.8));
    assertThat(Ticks.of(9, 4)).isEqualTo(new Ticks(2.5, 10));
    assertThat(Ticks.step(0, 5)).isEqualTo(1);
    assertThat(Ticks.step(100, 5)).isEqualTo(20);
  }

  @Test
  void aTickNeedsAPositiveStep() {
    assertThatThrownBy(() -> new Ticks(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
