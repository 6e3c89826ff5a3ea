package org.dispersal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.dispersal.app.problem.InputException;
import org.dispersal.app.sensitivity.OutputSpec;
import org.dispersal.calibration.Target;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.junit.jupiter.api.Test;

/** Finding 7 of issue #16: sensitivity --output takes every state as well as every measure. */
class SensitivityOutputSpecTest {

  private static int cells(Target t) {
    return Arrays.stream(t.cells()).mapToInt(c -> c.length).sum();
  }

  @Test
  void everyStateAndMeasureIsAnOutput() {
    Scenario s = Scenarios.builtIn("isis-2017", 12).scenario();
    for (State st : State.values()) {
      for (String name : new String[] {"state." + st.id(), st.id()}) {
        OutputSpec o = OutputSpec.parse(name + ":world:month=6", s);
        CompiledModel m = o.model(s);
        Target t = o.target(m, s);
        assertThat(cells(t)).as(name).isPositive();
      }
    }
    OutputSpec insurgent = OutputSpec.parse("insurgent:world:month=6", s);
    assertThat(insurgent.state()).isEqualTo(State.INSURGENT);
    OutputSpec returned = OutputSpec.parse("returned:world:month=6", s);
    OutputSpec notAssessed = OutputSpec.parse("state.returned:world:month=6", s);
    CompiledModel m = returned.model(s);
    assertThat(cells(notAssessed.target(m, s))).isLessThan(cells(returned.target(m, s)));
    assertThatThrownBy(() -> OutputSpec.parse("insurgant:world:month=6", s))
        .isInstanceOf(InputException.class)
        .satisfies(
            e ->
                assertThat(((InputException) e).problems().get(0).message())
                    .contains("other_group")
                    .contains("dispatched")
                    .contains("state.returned"));
  }
}
