package org.dispersal.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dispersal.engine.Cohort;
import org.dispersal.engine.CohortEngine;
import org.dispersal.engine.Compartment;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.MonthObserver;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.dispersal.random.RandomStreams;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * The composite states are sums of the right states within each replication (issue #16, finding 1):
 * {@code returned_total} is returned + prosecuted + disengaged + the operatives dispatched home
 * with their outcomes, and {@code returned_after_start} is that minus its own month-0 value.
 */
class CompositeStateTest {

  private static final Set<State> AT_HOME =
      Set.of(State.RETURNED, State.PROSECUTED, State.DISENGAGED);
  private static final Set<State> HOME_IF_DESTINATION_IS_ORIGIN =
      Set.of(State.DISPATCHED, State.ARRESTED, State.ATTACK);

  /** Two countries with people home before the start, in two regions. */
  private static Scenario scenario() {
    List<Origin> origins =
        List.of(origin("FRA", "western_europe", 900, 250), origin("TUN", "maghreb", 1500, 400));
    return TestScenarios.small(
        origins,
        Map.of("dispatch_share", 0.3, "dispatch_home_share", 0.5, "reengagement_rate", 0.2),
        18);
  }

  private static Origin origin(String id, String region, int travelled, int returned) {
    return new Origin(
        id,
        id,
        region,
        true,
        Range.of(travelled),
        Range.of(travelled / 10),
        Range.of(travelled / 20),
        Range.of(returned),
        null,
        List.of("X"),
        "");
  }

  /** Records, per replication, month and cohort, the count at home by the explicit rule above. */
  private static final class Expected implements MonthObserver {
    private final CompiledModel model;
    final int[][] atHome;

    Expected(CompiledModel model) {
      this.model = model;
      atHome = new int[model.scenario().months() + 1][model.cohorts().size()];
    }

    @Override
    public void observe(int month, int[][] stocks) {
      for (Cohort c : model.cohorts()) {
        int sum = 0;
        for (int j = 0; j < c.size(); j++) {
          Compartment comp = model.compartments().get(c.compartment(j));
          boolean home =
              AT_HOME.contains(comp.state())
                  || (HOME_IF_DESTINATION_IS_ORIGIN.contains(comp.state())
                      && comp.destination().equals(c.origin().id()));
          sum += home ? stocks[c.index()][j] : 0;
        }
        atHome[month][c.index()] = sum;
      }
    }
  }

  @Test
  void returnedTotalIsTheSumOfTheHomeStatesInEachReplicationAndScope() {
    checkEachReplication(new CompiledModel(scenario()), 12);
    for (int seed = 0; seed < 5; seed++) {
      Scenario random =
          TestScenarios.random(
              RandomStreams.stream(7100 + seed, 0, RandomStreams.Purpose.PARAMETERS));
      checkEachReplication(new CompiledModel(random), 4);
    }
  }

  private static void checkEachReplication(CompiledModel model, int replications) {
    CohortEngine engine = new CohortEngine(model);
    int months = model.scenario().months();
    List<Scope> scopes = new EnsembleSummary(model).scopes();
    boolean sawReturnsAfterStart = false;
    for (int i = 0; i < replications; i++) {
      EnsembleSummary one = new EnsembleSummary(model);
      Expected expected = new Expected(model);
      engine.simulate(
          11,
          i,
          (month, stocks) -> {
            one.observe(month, stocks);
            expected.observe(month, stocks);
          });
      for (int m = 0; m <= months; m++) {
        for (int s = 0; s < scopes.size(); s++) {
          for (int d = 0; d < 4; d++) {
            if (s > model.scenario().regions().size() && d > 0) {
              continue; // origins are summarised for all people only
            }
            long total = 0;
            long start = 0;
            for (Cohort c : model.cohorts()) {
              if (in(model, scopes.get(s), c, d)) {
                total += expected.atHome[m][c.index()];
                start += expected.atHome[0][c.index()];
              }
            }
            Statistic t = one.statistic(m, s, d, CompositeState.RETURNED_TOTAL);
            Statistic a = one.statistic(m, s, d, CompositeState.RETURNED_AFTER_START);
            String where = "replication " + i + " month " + m + " scope " + s + " demo " + d;
            assertThat(t.mean()).as(where).isEqualTo((double) total);
            assertThat(a.mean()).as(where).isEqualTo((double) (total - start));
            if (m == 0) {
              assertThat(a).as(where).isEqualTo(Statistic.ZERO);
            }
            sawReturnsAfterStart |= total > start;
          }
        }
      }
    }
    assertThat(sawReturnsAfterStart).as("some people come home after the start").isTrue();
  }

  private static boolean in(CompiledModel model, Scope scope, Cohort c, int demo) {
    if (demo > 0 && EnsembleSummary.demographicIndex(c.demographic()) != demo) {
      return false;
    }
    return switch (scope.kind()) {
      case Scope.WORLD -> true;
      case Scope.REGION ->
          model.scenario().regions().get(c.regionIndex()).name().equals(scope.id());
      default -> c.origin().id().equals(scope.id());
    };
  }

  @Test
  void returnedTotalOfTheEnsembleIsAtLeastReturnedAndStartsWithThoseHomeBeforeTheStart() {
    CompiledModel model = new CompiledModel(scenario());
    EnsembleSummary all = EnsembleRunner.run(model, 40, 5, 2, r -> {});
    int fra = all.scopes().indexOf(new Scope(Scope.COUNTRY, "FRA", "FRA"));
    assertThat(fra).isPositive();
    int horizon = model.scenario().months();
    Statistic returned = all.statistic(horizon, fra, 0, State.RETURNED);
    Statistic total = all.statistic(horizon, fra, 0, CompositeState.RETURNED_TOTAL);
    assertThat(total.mean()).isGreaterThan(returned.mean());
    // People were home before the start (the scenario's returned figure), in every replication.
    assertThat(all.statistic(0, fra, 0, CompositeState.RETURNED_TOTAL).p05()).isPositive();
    assertThat(all.statistic(0, fra, 0, CompositeState.RETURNED_AFTER_START))
        .isEqualTo(Statistic.ZERO);
  }
}
