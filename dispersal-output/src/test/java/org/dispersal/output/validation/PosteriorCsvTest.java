package org.dispersal.output.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dispersal.calibration.Posterior;
import org.dispersal.input.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosteriorCsvTest {

  @TempDir Path tmp;

  @Test
  void writesAndReadsBackExactly() throws Exception {
    Posterior p =
        new Posterior(
            List.of("share_killed_by_start", "exit_rate_base"),
            new double[][] {{0.1234567890123, 1e-3}, {0.2, Math.PI / 100}},
            new double[] {0.25, 0.75});
    Path f = tmp.resolve("posterior.csv");
    PosteriorCsv.write(p, f);
    Posterior q = PosteriorCsv.read(f);
    assertThat(q.names()).isEqualTo(p.names());
    assertThat(q.values()).isDeepEqualTo(p.values());
    assertThat(q.weights()).containsExactly(p.weights());
    assertThat(Files.readAllLines(f).get(0))
        .isEqualTo("weight,share_killed_by_start,exit_rate_base");
  }

  @Test
  void writesFullPrecisionWithAPointWhateverTheLocale() throws Exception {
    Locale saved = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      Posterior p =
          new Posterior(List.of("a"), new double[][] {{1234567.125}, {1e-7}}, new double[] {1, 3});
      Path f = tmp.resolve("posterior.csv");
      PosteriorCsv.write(p, f);
      assertThat(Files.readString(f)).isEqualTo("weight,a\n0.25,1234567.125\n0.75,1.0E-7\n");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void badValuesNameTheLineAndColumn() throws Exception {
    Path f = tmp.resolve("posterior.csv");
    Files.writeString(f, "weight,a\n0.5,0.1\n0.5,abc\n");
    assertThatThrownBy(() -> PosteriorCsv.read(f))
        .isInstanceOf(DataException.class)
        .hasMessage("posterior.csv:3: field a: 'abc' is not a number");
    Files.writeString(f, "a,weight\n0.5,0.1\n");
    assertThatThrownBy(() -> PosteriorCsv.read(f))
        .hasMessageContaining("first column must be weight");
  }
}
