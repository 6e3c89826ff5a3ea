package org.dispersal.assimilation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.dispersal.agent.EngineKind;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.model.Parameter;
import org.dispersal.model.Prior;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.dispersal.model.Stronghold;
import org.dispersal.observation.Publication;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.reporting.SourceType;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * A forecast as of a date after the scenario's start starts at that month: strongholds lost by the
 * date are lost on their dated loss, those still held cannot fall before it, and the summary's
 * month m is the full run's month offset + m, byte for byte for each state's cells.
 */
class AsOfStartTest {

  private static final LocalDate AS_OF = LocalDate.of(2017, 7, 31);

  private static Scenario scenario() {
    Scenario s = TestScenarios.calibratable(0.2);
    Parameter c = s.parameters().get("fall_month.c");
    return s.withParameters(Map.of(c.name(), c.withPrior(new Prior.Uniform(2, 10))));
  }

  @Test
  void strongholdsAreAsKnownOnTheDate() {
    Scenario s = scenario();
    AsOfStart at =
        AsOfStart.of(
            s,
            AS_OF,
            Map.of(
                "b", new AsOfStart.KnownLoss(LocalDate.of(2017, 4, 12), "SRC_B"),
                "c", new AsOfStart.KnownLoss(LocalDate.of(2017, 8, 1), "SRC_C")));
    assertEquals(5, at.offset());
    assertEquals(YearMonth.of(2017, 2), at.run().start());
    assertEquals(5 + s.months(), at.run().months());
    assertEquals(YearMonth.of(2017, 7), at.shown().start());
    assertEquals(s.months(), at.shown().months());
    List<Stronghold> h = at.run().drivers().strongholds();
    assertEquals(LocalDate.of(2017, 4, 12), h.get(1).lostOn());
    assertEquals("SRC_B", h.get(1).source());
    assertNull(h.get(1).fallParameter());
    // c's loss is dated after the as-of date: still held, its prior U(2, 10) cut to U(5, 10).
    assertNull(h.get(2).lostOn());
    assertEquals(new Prior.Uniform(5, 10), at.run().parameters().get("fall_month.c").prior());
    assertEquals(2, at.changes().size(), at.changes().toString());
    assertTrue(at.changes().get(1).contains("uniform(2.0, 10.0) cut to uniform(5.0, 10.0)"));
  }

  @Test
  void aDateInTheStartMonthChangesNothing() {
    Scenario s = scenario();
    AsOfStart at = AsOfStart.of(s, LocalDate.of(2017, 2, 13), Map.of());
    assertSame(s, at.run());
    assertSame(s, at.shown());
    assertEquals(0, at.offset());
  }

  /**
   * Eight months before the start (2016-06): month 0 is June 2016, the arrival flow is added, A
   * (lost 2016-06-01, before the date) stays lost, the fall months of B and C move 8 months later.
   */
  @Test
  void aDateBeforeTheStartStartsThereWithArrivals() {
    Scenario s = scenario();
    Parameter flow =
        new Parameter(
            "arrivals_per_month.2016",
            new Prior.Uniform(200, 500),
            "people per month",
            List.of("SRC"),
            null,
            "test flow");
    AsOfStart at = AsOfStart.of(s, LocalDate.of(2016, 6, 30), Map.of(), Map.of(flow.name(), flow));
    assertSame(at.run(), at.shown());
    assertEquals(0, at.offset());
    assertEquals(YearMonth.of(2016, 6), at.run().start());
    assertEquals(s.months(), at.run().months());
    assertEquals(flow, at.run().parameters().get("arrivals_per_month.2016"));
    assertEquals(new Prior.Uniform(10, 18), at.run().parameters().get("fall_month.c").prior());
    assertEquals(LocalDate.of(2016, 6, 1), at.run().drivers().strongholds().get(0).lostOn());
    assertTrue(new CompiledModel(at.run()).hasArrivals());
    // A loss after the date is not known then: it becomes a fall month of unknown timing.
    AsOfStart earlier = AsOfStart.of(s, LocalDate.of(2016, 3, 31), Map.of(), Map.of());
    Stronghold a = earlier.run().drivers().strongholds().get(0);
    assertNull(a.lostOn());
    assertEquals(
        new Prior.Uniform(0, AsOfStart.UNKNOWN_FALL_MONTHS),
        earlier.run().parameters().get(a.fallParameter()).prior());
    assertTrue(!new CompiledModel(earlier.run()).hasArrivals(), "no flow given, none made up");
  }

  @Test
  void aPriorWhollyBeforeTheDateKeepsItsWidthFromTheDate() {
    assertEquals(new Prior.Uniform(5, 7), AsOfStart.heldUntil(new Prior.Uniform(1, 3), 5));
    assertEquals(new Prior.Uniform(5, 6), AsOfStart.heldUntil(new Prior.Fixed(2), 5));
    Prior later = new Prior.Uniform(6, 9);
    assertSame(later, AsOfStart.heldUntil(later, 5));
  }

  @Test
  void theSummaryIsTheFullRunFromTheAsOfMonth() {
    AsOfStart at = AsOfStart.of(scenario(), AS_OF, Map.of());
    CompiledModel run = new CompiledModel(at.run());
    CompiledModel shown = new CompiledModel(at.shown());
    Assimilation.Plan none =
        Assimilation.plan(run, List.of(), AS_OF, Publication.AS_WRITTEN, id -> SourceType.PRESS);
    ReportingModel reporting = ReportingModel.prior(AS_OF);
    Assimilation.Result full =
        Assimilation.run(
            run, none, reporting, 60, 9L, 2, () -> EngineKind.AUTO.create(run), x -> {});
    Assimilation.Result from =
        Assimilation.run(
            run,
            none,
            reporting,
            60,
            9L,
            3,
            () -> EngineKind.AUTO.create(run),
            x -> {},
            shown,
            at.offset());
    EnsembleSummary a = full.summary();
    EnsembleSummary b = from.summary();
    assertEquals(60, b.replications());
    for (int m = 0; m <= at.shown().months(); m++) {
      for (State st : State.values()) {
        if (!a.isPresent(m + at.offset(), 0, 0, a.stateKey(st))) {
          continue;
        }
        assertEquals(
            a.statistic(m + at.offset(), 0, 0, st), b.statistic(m, 0, 0, st), st + " month " + m);
      }
    }
    Assimilation.Result again =
        Assimilation.run(
            run,
            none,
            reporting,
            60,
            9L,
            1,
            () -> EngineKind.AUTO.create(run),
            x -> {},
            shown,
            at.offset());
    assertArrayEquals(b.toBytes(), again.summary().toBytes());
  }
}
