package org.dispersal.server.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dispersal.server.ApiException;
import org.dispersal.store.Role;
import org.dispersal.store.RunStatus;
import org.dispersal.store.RunStore;
import org.dispersal.store.ScenarioStore;
import org.dispersal.store.StoredRun;
import org.dispersal.store.StoredScenario;
import org.dispersal.store.Visibility;

/**
 * The one place that decides which scenarios and runs a caller may see, used by every scenario and
 * run route. A shared scenario, and a run of one, is seen by every signed-in user; a team scenario,
 * and every run submitted from it, only by the members of its team and by admins. What a caller may
 * not see is answered exactly as a missing object would be (404, "no scenario 7", "no run 12"),
 * never 403, so the ids of another team's work are not revealed; lists leave it out. The rights to
 * change a scenario (its owner or an admin) apply on top of this, to what the caller can see.
 *
 * <p>A succeeded run never changes (its team is fixed when it is created, its results when it
 * succeeds), so when this process is the only one that can change the store the rule keeps the last
 * {@link #KEPT_RUNS} succeeded runs it read and decides about them without a store read; the rule
 * itself is applied to every request as before. Runs not yet finished are read each time.
 */
public final class VisibilityRule {

  /** The most succeeded runs kept in memory. */
  public static final int KEPT_RUNS = 256;

  private final ScenarioStore scenarios;
  private final RunStore runs;
  private final boolean keep;
  private final Map<Long, StoredRun> succeeded =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, StoredRun> eldest) {
              return size() > KEPT_RUNS;
            }
          });

  /**
   * Creates the rule over the stores it reads.
   *
   * @param scenarios the scenario library
   * @param runs the runs
   */
  public VisibilityRule(ScenarioStore scenarios, RunStore runs) {
    this(scenarios, runs, false);
  }

  /**
   * Creates the rule over the stores it reads, keeping succeeded runs in memory when {@code exact}.
   *
   * @param scenarios the scenario library
   * @param runs the runs
   * @param exact true when no other process can change the store (an embedded DuckDB file)
   */
  public VisibilityRule(ScenarioStore scenarios, RunStore runs, boolean exact) {
    this.scenarios = scenarios;
    this.runs = runs;
    this.keep = exact;
  }

  /** True when the caller may see the scenario. */
  public static boolean sees(Caller caller, StoredScenario scenario) {
    return scenario.visibility() == Visibility.SHARED || belongs(caller, scenario.team());
  }

  /** True when the caller may see the run. */
  public static boolean sees(Caller caller, StoredRun run) {
    return run.team() == null || belongs(caller, run.team());
  }

  /** The scenario with this id if the caller may see it. */
  public StoredScenario scenario(Caller caller, long id) {
    return scenarios
        .find(id)
        .filter(s -> sees(caller, s))
        .orElseThrow(() -> ApiException.notFound("no scenario " + id));
  }

  /** The run with this id if the caller may see it. */
  public StoredRun run(Caller caller, long id) {
    StoredRun kept = keep ? succeeded.get(id) : null;
    Optional<StoredRun> found = kept != null ? Optional.of(kept) : runs.find(id);
    if (keep && kept == null && found.isPresent() && found.get().status() == RunStatus.SUCCEEDED) {
      succeeded.put(id, found.get());
    }
    return found
        .filter(r -> sees(caller, r))
        .orElseThrow(() -> ApiException.notFound("no run " + id));
  }

  /** The scenarios the caller may see, by name. */
  public List<StoredScenario> scenarios(Caller caller) {
    return scenarios.list().stream().filter(s -> sees(caller, s)).toList();
  }

  /** The runs the caller may see, newest first, without manifests. */
  public List<StoredRun> runs(Caller caller) {
    return runs.list().stream().filter(r -> sees(caller, r)).toList();
  }

  /** Admins see every team's work; others only their own team's. */
  private static boolean belongs(Caller caller, String team) {
    return caller.role() == Role.ADMIN || (team != null && team.equals(caller.team()));
  }
}
