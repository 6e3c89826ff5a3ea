package org.dispersal.input.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dispersal.model.Parameter;
import org.dispersal.model.Prior;
import org.junit.jupiter.api.Test;

/** The arrival flow's priors cite the shared data's published rates and fall in 2016. */
class ArrivalPriorsTest {

  @Test
  void theFlowFallsIn2016AndCitesItsSource() {
    Map<String, Parameter> p = ArrivalPriors.of(SharedData.shipped());
    assertThat(p.keySet())
        .containsExactly(
            "arrivals_per_month.2013",
            "arrivals_per_month.2014",
            "arrivals_per_month.2015",
            "arrivals_per_month.2016");
    assertThat(p.get("arrivals_per_month.2015").prior()).isEqualTo(new Prior.Uniform(1000, 2500));
    assertThat(p.get("arrivals_per_month.2016").prior()).isEqualTo(new Prior.Uniform(200, 500));
    for (Parameter x : p.values()) {
      assertThat(x.sources()).containsExactly("USMIL_FLOW");
      assertThat(SharedData.shipped().source("USMIL_FLOW")).isPresent();
    }
  }
}
