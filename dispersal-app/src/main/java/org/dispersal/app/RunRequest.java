package org.dispersal.app;

import java.util.function.IntConsumer;
import org.dispersal.app.problem.InputException;
import org.dispersal.store.RunKind;

/**
 * A validated request for a run of one kind. Its record's constructor checks every setting and
 * throws {@link InputException} naming the field; {@link #execute} runs it. The command line and
 * the service build the same requests and keep the results with an {@link
 * org.dispersal.app.artifacts.ArtifactSink}.
 *
 * @param <T> the kind's own result
 */
public interface RunRequest<T> {

  /** What this request runs. */
  RunKind kind();

  /** The scenario it runs. */
  ScenarioInput scenario();

  /** The replications it simulates; 0 for a kind that simulates nothing. */
  int replications();

  /** Its master seed; 0 for a kind without randomness. */
  long seed();

  /**
   * Runs the request.
   *
   * @param provenance the code and data versions for the manifest
   * @param progress told the number of finished replications (from several threads)
   * @param cancellation asked between replications
   * @return the finished run
   * @throws Cancellation.Cancelled when cancelled
   * @throws InputException for a problem with the input found only while running
   */
  RunResult<T> execute(Provenance provenance, IntConsumer progress, Cancellation cancellation);

  /** Checks that a request names its scenario. */
  static void requireScenario(ScenarioInput scenario) {
    if (scenario == null) {
      throw InputException.field("scenario", "is required");
    }
  }

  /** Checks that the replications are from 1 to {@code max}. */
  static void checkReplications(int replications, int max) {
    if (replications < 1 || replications > max) {
      throw InputException.field(
          "replications", "must be between 1 and " + max + ", not " + replications);
    }
  }

  /** Checks that a run has at least one thread. */
  static void checkThreads(int threads) {
    if (threads < 1) {
      throw InputException.field("threads", "must be at least 1, not " + threads);
    }
  }

  /** A progress callback that first asks whether to stop. */
  static IntConsumer checked(IntConsumer progress, Cancellation cancellation) {
    return done -> {
      cancellation.check();
      progress.accept(done);
    };
  }
}
