import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.agent.EngineKind;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.input.data.OriginBuilder;
import org.dispersal.input.data.SharedData;
import org.dispersal.input.scenario.ScenarioReader;
import org.dispersal.model.Scenario;
import org.dispersal.random.Binomial;
import org.dispersal.random.RandomStreams;

/**
 * The floor of the cohort engine on a built-in scenario (docs/PERFORMANCE.md, "The floor of the
 * default forecast"): how many (cohort, compartment) stocks are occupied at the start of a month
 * that is then simulated (each needs at least one binomial draw), the cost of one exact binomial
 * draw on this machine, their product, and the engine's measured time per replication.
 *
 * <p>Run against a built jar: {@code java -cp dispersal-cli/target/dispersal.jar
 * scripts/FloorCount.java [scenario=isis-2017] [replications=200]}.
 */
public final class FloorCount {
  public static void main(String[] args) {
    String name = args.length > 0 ? args[0] : "isis-2017";
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Scenario s =
        ScenarioReader.withDefaults()
            .withSharedOrigins(asOf -> OriginBuilder.withDefaults().build(SharedData.shipped(), asOf))
            .read(name);
    CompiledModel model = new CompiledModel(s);
    int months = s.months();
    ReplicationEngine engine = EngineKind.COHORT.create(model);
    long[] occupied = new long[1];
    long[] people = new long[1];
    int sample = 20;
    for (int r = 0; r < sample; r++) {
      engine.simulate(20170213L, r, (month, stocks) -> {
        if (month == months) {
          return;
        }
        for (int[] cohort : stocks) {
          for (int n : cohort) {
            if (n > 0) {
              occupied[0]++;
              people[0] += n;
            }
          }
        }
      });
    }
    double drawsPerRep = (double) occupied[0] / sample;
    double meanStock = (double) people[0] / occupied[0];
    // One exact draw at the typical stock and a typical monthly leave probability (inversion).
    UniformRandomProvider rng = RandomStreams.stream(1, 0, RandomStreams.Purpose.DYNAMICS);
    int n = (int) Math.round(meanStock);
    long sink = 0;
    double ns = Double.MAX_VALUE;
    for (int round = 0; round < 7; round++) {
      long t0 = System.nanoTime();
      int draws = 5_000_000;
      for (int i = 0; i < draws; i++) {
        sink += Binomial.sample(rng, n, 0.02 + (i & 7) * 0.005);
      }
      ns = Math.min(ns, (System.nanoTime() - t0) / (double) draws);
    }
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      for (int r = 0; r < reps; r++) {
        engine.simulate(20170213L, r, (m, st) -> {});
      }
      best = Math.min(best, (System.nanoTime() - t0) / 1e6 / reps);
    }
    double floorMs = drawsPerRep * ns / 1e6;
    System.out.printf(
        java.util.Locale.ROOT,
        "%s: %d months, %d cohorts; occupied stocks per replication (one draw each at least) %.0f,"
            + " mean stock %.1f; one binomial draw %.1f ns; floor %.3f ms/replication; cohort"
            + " engine %.3f ms/replication = %.1f x floor (checksum %d)%n",
        name,
        months,
        model.cohorts().size(),
        drawsPerRep,
        meanStock,
        ns,
        floorMs,
        best,
        best / floorMs,
        sink % 10);
  }
}
