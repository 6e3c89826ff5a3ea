package org.dispersal.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dispersal.app.problem.InputException;
import org.dispersal.app.screening.ScreeningRequest;
import org.junit.jupiter.api.Test;

/** Finding 8 of issue #16: an error that names a set lists its members. */
class SetMembersInErrorsTest {

  @Test
  void anUnknownScreeningCountryListsTheScenariosOrigins() {
    assertThatThrownBy(
            () ->
                new ScreeningRequest(
                    Scenarios.builtIn("isis-2017", 12), "XYZ", 6, 12, 0.8, 0.9, 4, 1L, 1))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("XYZ is not an origin of scenario isis-2017 (its origins: ")
        .hasMessageContaining("FRA")
        .hasMessageContaining("TUN")
        .hasMessageNotContaining("dispersal explain");
  }
}
