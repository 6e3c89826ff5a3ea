package org.dispersal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Φ and Φ⁻¹ against reference values computed with mpmath at 40 digits ({@code
 * normal.reference.properties}, which states how): relative error at most 1e-12 (absolute 1e-12 for
 * Φ⁻¹ near 0).
 */
class NormalTest {

  private static final double TOLERANCE = 1e-12;

  @Test
  void matchesTheReferenceValues() throws IOException {
    Properties ref = new Properties();
    try (InputStream in = NormalTest.class.getResourceAsStream("normal.reference.properties")) {
      ref.load(in);
    }
    int checked = 0;
    for (String key : ref.stringPropertyNames()) {
      double expected = Double.parseDouble(ref.getProperty(key));
      double actual;
      if (key.startsWith("cdf.")) {
        actual = Normal.cdf(Double.parseDouble(key.substring(4)));
      } else {
        actual = Normal.quantile(Double.parseDouble(key.substring(9)));
      }
      double tolerance = expected == 0 ? TOLERANCE : TOLERANCE * Math.abs(expected);
      assertThat(actual).as(key).isCloseTo(expected, within(tolerance));
      checked++;
    }
    assertThat(checked).isEqualTo(22);
  }

  @Test
  void refusesProbabilitiesOutsideTheOpenInterval() {
    assertThatThrownBy(() -> Normal.quantile(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Normal.quantile(1)).isInstanceOf(IllegalArgumentException.class);
  }
}
