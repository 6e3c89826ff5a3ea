package org.dispersal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * The cohort engine's lineage hook: no switch is the ordinary replication bit for bit, a switch at
 * month k reproduces months 0 to k exactly and changes the months after it, and the run stops at
 * its last month.
 */
class LineageTest {

  private static List<int[]> run(CohortEngine engine, Lineage lineage, int last) {
    List<int[]> months = new ArrayList<>();
    engine.simulate(
        engine.model().replication(7L, 3),
        7L,
        3,
        lineage,
        last,
        (month, stocks) ->
            months.add(Arrays.stream(stocks).flatMapToInt(Arrays::stream).toArray()));
    return months;
  }

  @Test
  void aSwitchKeepsThePastAndChangesTheFuture() {
    CompiledModel model = new CompiledModel(TestScenarios.calibratable(0.2));
    CohortEngine engine = new CohortEngine(model);
    List<int[]> plain = new ArrayList<>();
    engine.simulate(
        7L,
        3,
        (month, stocks) -> plain.add(Arrays.stream(stocks).flatMapToInt(Arrays::stream).toArray()));
    List<int[]> root = run(engine, Lineage.ROOT, model.months());
    assertEquals(plain.size(), root.size());
    for (int t = 0; t < plain.size(); t++) {
      assertArrayEquals(plain.get(t), root.get(t), "month " + t);
    }
    int k = 2;
    List<int[]> switched = run(engine, Lineage.ROOT.then(k, 12345L), model.months());
    for (int t = 0; t <= k; t++) {
      assertArrayEquals(plain.get(t), switched.get(t), "month " + t + " is before the switch");
    }
    boolean differs = false;
    for (int t = k + 1; t < plain.size(); t++) {
      differs |= !Arrays.equals(plain.get(t), switched.get(t));
    }
    assertFalse(!differs, "the months after the switch draw from the new base");
    assertEquals(k + 2, run(engine, Lineage.ROOT, k + 1).size(), "stops after its last month");
  }

  @Test
  void switchMonthsMustIncrease() {
    assertThrows(IllegalArgumentException.class, () -> Lineage.ROOT.then(3, 1L).then(3, 2L));
    assertEquals(9L, Lineage.ROOT.then(3, 8L).then(5, 9L).base(1L, 6));
    assertEquals(8L, Lineage.ROOT.then(3, 8L).then(5, 9L).base(1L, 5));
    assertEquals(1L, Lineage.ROOT.then(3, 8L).base(1L, 3));
  }
}
