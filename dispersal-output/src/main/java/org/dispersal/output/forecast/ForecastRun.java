package org.dispersal.output.forecast;

import java.time.Instant;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.model.Scenario;

/**
 * A finished forecast with everything needed to write its outputs and reproduce it.
 *
 * @param scenario the scenario as run (after overrides)
 * @param scenarioText the scenario file's text as read, for the manifest hash
 * @param summary the ensemble summaries
 * @param seed the master seed
 * @param runs the number of replications
 * @param threads the number of worker threads (does not change results)
 * @param engine the engine's name, for example {@code cohort}
 * @param overrides the {@code --set} overrides, as given
 * @param codeVersion the code version (git commit or build version)
 * @param dataVersion the version of the shipped data
 * @param started when the run started
 * @param finished when the run finished
 */
public record ForecastRun(
    Scenario scenario,
    String scenarioText,
    EnsembleSummary summary,
    long seed,
    int runs,
    int threads,
    String engine,
    java.util.List<String> overrides,
    String codeVersion,
    String dataVersion,
    Instant started,
    Instant finished) {}
