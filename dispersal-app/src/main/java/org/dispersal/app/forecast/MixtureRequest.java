package org.dispersal.app.forecast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.FutureTask;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.dispersal.agent.EngineKind;
import org.dispersal.app.BackgroundWork;
import org.dispersal.app.Cancellation;
import org.dispersal.app.ManifestBuilder;
import org.dispersal.app.Provenance;
import org.dispersal.app.RunRequest;
import org.dispersal.app.RunResult;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.problem.InputException;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.hypotheses.Hypothesis;
import org.dispersal.hypotheses.MixtureForecast;
import org.dispersal.model.Scenario;
import org.dispersal.output.forecast.ForecastRun;
import org.dispersal.output.report.HtmlReport;
import org.dispersal.output.text.Csv;
import org.dispersal.store.ReplicationValues;
import org.dispersal.store.RunKind;

/**
 * The default forecast of a scenario with competing hypotheses and shipped stacking weights: the
 * mixture of the hypotheses ({@link MixtureForecast}), the replications split among them by the
 * weights, merged into one summary.csv with the columns of any forecast. The manifest's {@code
 * mixture} entry, {@code mixture-weights.csv} ({@code hypothesis,name,weight,runs,runs_as}) and
 * report.html (its engine and overrides facts) say that it is a mixture and with which weights.
 *
 * @param scenario the scenario as read (its text and name for the manifest and the report)
 * @param hypotheses the hypotheses, in the scenario's order
 * @param scenarios one scenario per hypothesis: its variant with its overrides, laid out alike
 * @param weights one per hypothesis, non-negative, not all zero (normalised here)
 * @param weightsNote where the weights come from, in a line (for the manifest and the report)
 * @param replications in all, 1 to {@link ForecastRequest#MAX_REPLICATIONS}
 * @param seed the master seed
 * @param threads worker threads (the numbers do not depend on them)
 * @param overrides the {@code --set} overrides the scenarios were read with
 */
public record MixtureRequest(
    ScenarioInput scenario,
    List<Hypothesis> hypotheses,
    List<Scenario> scenarios,
    double[] weights,
    String weightsNote,
    int replications,
    long seed,
    int threads,
    List<String> overrides)
    implements RunRequest<EnsembleSummary> {

  /** The engine fact of the manifest and the report. */
  public static final String ENGINE = "cohort (mixture of hypotheses)";

  /** Validates the settings. */
  public MixtureRequest {
    RunRequest.requireScenario(scenario);
    RunRequest.checkReplications(replications, ForecastRequest.MAX_REPLICATIONS);
    RunRequest.checkThreads(threads);
    hypotheses = List.copyOf(hypotheses);
    scenarios = List.copyOf(scenarios);
    weights = normalised(weights);
    overrides = overrides == null ? List.of() : List.copyOf(overrides);
    if (hypotheses.size() != scenarios.size() || hypotheses.size() != weights.length) {
      throw new IllegalArgumentException("one scenario and one weight per hypothesis are needed");
    }
    Scenario base = scenario.scenario();
    for (int i = 0; i < scenarios.size(); i++) {
      Scenario s = scenarios.get(i);
      if (!s.start().equals(base.start()) || s.months() != base.months()) {
        throw InputException.field(
            "hypotheses",
            "hypothesis "
                + hypotheses.get(i).id()
                + " runs "
                + s.name()
                + " from "
                + s.start()
                + " for "
                + s.months()
                + " months; the scenario runs from "
                + base.start()
                + " for "
                + base.months());
      }
    }
  }

  private static double[] normalised(double[] w) {
    double total = 0;
    for (double x : w) {
      if (!(x >= 0) || !Double.isFinite(x)) {
        throw InputException.field("weights", "must be finite and non-negative, not " + x);
      }
      total += x;
    }
    if (!(total > 0)) {
      throw InputException.field("weights", "at least one weight must be positive");
    }
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = w[i] / total;
    }
    return out;
  }

  /** The weights, normalised to sum to 1 (a copy). */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public RunKind kind() {
    return RunKind.FORECAST;
  }

  @Override
  public RunResult<EnsembleSummary> execute(
      Provenance provenance, IntConsumer progress, Cancellation cancellation) {
    Instant started = Instant.now();
    Scenario base = scenario.scenario();
    List<CompiledModel> models = scenarios.stream().map(CompiledModel::new).toList();
    // Per-replication values for paired comparisons (hypotheses are laid out alike).
    ReplicationCapture capture = ReplicationCapture.of(models.get(0), replications);
    // They are made as soon as the last replication has run, beside the merge of the workers'
    // summaries (which leaves part of the second core idle), not after the summary.csv that they
    // do not need (docs/PERFORMANCE.md, "Session 14: the tail"). Their layout is known once the
    // run returns.
    FutureTask<ReplicationValues> values =
        capture == null ? null : new FutureTask<>(() -> capture.values("mixture"));
    IntConsumer checked = RunRequest.checked(progress, cancellation);
    MixtureForecast.Result mix =
        MixtureForecast.runMerged(
            models,
            weights,
            replications,
            seed,
            threads,
            done -> {
              checked.accept(done);
              if (done == replications && values != null) {
                // Every replication has been recorded: each worker counts its own after it.
                BackgroundWork.start(values, "dispersal-replication-values");
              }
            },
            model -> {
              Supplier<ReplicationEngine> plain = () -> EngineKind.AUTO.create(model);
              return capture == null ? plain : capture.engines(plain);
            });
    cancellation.check();
    Instant finished = Instant.now();
    int[] runs = mix.runs();
    List<String> described = new ArrayList<>();
    for (int i = 0; i < hypotheses.size(); i++) {
      described.add(
          String.format(
              Locale.ROOT,
              "hypothesis %s at weight %.3f: %d replications of %s",
              hypotheses.get(i).id(),
              weights[i],
              runs[i],
              hypotheses.get(i).describeRun()));
    }
    List<String> facts = new ArrayList<>(overrides);
    facts.add("a mixture of " + hypotheses.size() + " hypotheses weighted " + weightsNote);
    facts.addAll(described);
    ManifestBuilder m =
        ManifestBuilder.of(kind(), scenario)
            .ensemble(base, seed, replications, threads, ENGINE)
            .put("overrides", overrides)
            .put("mixture", described)
            .put("mixtureWeights", weightsNote)
            .parameters(base);
    String manifest = m.build(provenance, started, finished);
    ForecastResults.Settings settings =
        new ForecastResults.Settings(scenario, seed, replications, threads, ENGINE);
    ForecastRun run =
        ForecastResults.run(settings, mix.mixture(), facts, provenance, started, finished);
    ObjectNode parameters = ForecastResults.parameters(settings, overrides);
    parameters.put("mixture", weightsNote);
    return ForecastResults.result(
        settings,
        parameters,
        mix.mixture(),
        manifest,
        dir -> {
          HtmlReport.write(run, dir.resolve("report.html"));
          writeMixtureCsv(runs, dir.resolve("mixture-weights.csv"));
        },
        started,
        finished,
        values == null ? null : () -> laidOut(values, layout(runs)));
  }

  /** The values made by {@code values}, waited for (or made here if never started), laid out. */
  private static ReplicationValues laidOut(FutureTask<ReplicationValues> values, String layout) {
    // A no-op when the task has started; otherwise (a run that ended without its last progress
    // call) it makes them here.
    values.run();
    try {
      ReplicationValues v = BackgroundWork.result(values, "the replication values were made");
      return new ReplicationValues(layout, v.replications(), v.months());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The layout of a mixture's replications for pairing: each hypothesis and its replications, in
   * run order. Two mixtures pair only when their replications come from the same hypotheses.
   */
  private String layout(int[] runs) {
    StringBuilder b = new StringBuilder("mixture");
    for (int i = 0; i < hypotheses.size(); i++) {
      b.append(i == 0 ? ": " : ", ").append(hypotheses.get(i).id()).append('=').append(runs[i]);
    }
    return b.length() <= 400
        ? b.toString()
        : "mixture #" + Integer.toHexString(b.toString().hashCode());
  }

  private void writeMixtureCsv(int[] runs, java.nio.file.Path file) throws IOException {
    StringBuilder b = new StringBuilder("hypothesis,name,weight,runs,runs_as\n");
    for (int i = 0; i < hypotheses.size(); i++) {
      Hypothesis h = hypotheses.get(i);
      b.append(
          Csv.line(
              h.id(),
              h.name(),
              String.format(Locale.ROOT, "%.6f", weights[i]),
              Integer.toString(runs[i]),
              h.describeRun()));
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }
}
