package org.dispersal.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.model.Prior;
import org.dispersal.random.RandomStreams;
import org.dispersal.random.RandomStreams.Purpose;
import org.dispersal.scoring.ObservedRange;
import org.dispersal.stats.Normal;

/**
 * Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC), in the population Monte
 * Carlo form of Beaumont, Cornuet, Marin &amp; Robert (Biometrika 96, 2009) with the adaptive
 * tolerances of Del Moral, Doucet &amp; Jasra (Stat. Comput. 22, 2012) and Drovandi &amp; Pettitt
 * (Biometrics 67, 2011).
 *
 * <p>Generation 0 draws N particles θ from the prior and simulates each. Generation g sets the
 * tolerance ε_g to the {@code quantile} of the previous generation's distances, then repeats: pick
 * a particle θ_j with probability W_j, perturb each coordinate on the z scale ({@link PriorMath})
 * with a Gaussian of variance 2·Var_W(z_k) (the choice Beaumont et al. show minimises the
 * Kullback-Leibler loss) truncated to the prior's support (so proposals never leave it, which
 * matters with dozens of bounded parameters), simulate, and keep it if its distance is at most ε_g,
 * until N are kept. Weights are
 *
 * <pre>  W_i ∝ π(θ_i) / Σ_j W_j K(θ_i | θ_j),</pre>
 *
 * <p>with K the product of the truncated Gaussian densities.
 *
 * <p>The distance treats observed figures as ranges: for simulated values x_k and ranges [a_k,
 * b_k], d = sqrt(Σ_k (gap_k / s_k)²) where gap_k is how far x_k lies outside its range (0 inside)
 * and s_k = max(1, representative value) puts figures of different sizes on a relative scale. A
 * tolerance of 0 therefore accepts exactly the simulations that reproduce every figure within its
 * range, and the algorithm targets the posterior given "the truth lies in these ranges".
 *
 * <p>The run stops when the simulation budget is spent (an unfinished generation is dropped, the
 * last complete one is the posterior) or after a generation at tolerance 0 that followed another at
 * tolerance 0. Randomness: attempt a of generation g proposes from the stream (seed_g, a) and
 * simulates as simulation number g·2³² + a, so results do not depend on the number of threads.
 *
 * <p>It is just over 500 lines because one algorithm (proposals, tolerance schedule, weights,
 * budget, the stopping rule) reads best as one class; its parts share the population arrays.
 */
public final class AbcSmc {

  private AbcSmc() {}

  /** Simulates the observed figures for a parameter vector; one instance per worker thread. */
  @FunctionalInterface
  public interface Simulator {
    /**
     * Simulates.
     *
     * @param theta values of the free parameters, on their natural scale
     * @param simulation a unique simulation number, to derive random streams from
     * @return the simulated value of each observed figure
     */
    double[] simulate(double[] theta, long simulation);
  }

  /**
   * Simulates one batch of attempts: the local thread pool by default, a cluster with {@code
   * --spark}. Each result must depend only on its (theta, simulation) pair, so where a batch runs
   * does not change the accepted particles.
   */
  @FunctionalInterface
  public interface BatchSimulator {
    /**
     * Simulates a batch.
     *
     * @param theta theta[a], the parameter values of attempt a, natural scale
     * @param simulations the simulation number of each attempt
     * @return the simulated values of each attempt, in attempt order
     */
    double[][] simulate(double[][] theta, long[] simulations);
  }

  /**
   * Settings.
   *
   * @param particles N, the population size
   * @param budget the most simulations to run in total
   * @param quantile the quantile of the previous distances that sets the next tolerance
   * @param threads worker threads
   * @param seed master seed
   */
  public record Settings(int particles, int budget, double quantile, int threads, long seed) {
    /** Validates the settings. */
    public Settings {
      if (particles < 2 || budget < particles || !(quantile > 0 && quantile < 1) || threads < 1) {
        throw new IllegalArgumentException(
            "need particles >= 2, budget >= particles, 0 < quantile < 1, threads >= 1");
      }
    }
  }

  /**
   * One generation.
   *
   * @param index 0 for the prior sample
   * @param epsilon the tolerance (infinite for generation 0)
   * @param simulations simulations run in it
   * @param acceptance share of simulations accepted
   * @param ess effective sample size of its weights, (ΣW)²/ΣW²
   */
  public record Generation(
      int index, double epsilon, int simulations, double acceptance, double ess) {}

  /**
   * The result: the last complete population.
   *
   * @param priors the priors of the free parameters
   * @param particles particles[i][k], natural scale
   * @param weights normalised weights
   * @param distances each particle's distance
   * @param generations every complete generation
   * @param simulations all simulations run, those of a dropped generation included
   */
  public record Result(
      List<Prior> priors,
      double[][] particles,
      double[] weights,
      double[] distances,
      List<Generation> generations,
      int simulations) {
    /** Copies the arrays, so the value cannot change after it is made. */
    public Result {
      particles = Arrays.stream(particles).map(double[]::clone).toArray(double[][]::new);
      weights = weights.clone();
      distances = distances.clone();
    }

    /** The final particles, particles[particle][parameter] (a copy). */
    @Override
    public double[][] particles() {
      return Arrays.stream(particles).map(double[]::clone).toArray(double[][]::new);
    }

    /** The particles' normalised weights (a copy). */
    @Override
    public double[] weights() {
      return weights.clone();
    }

    /** The particles' distances (a copy). */
    @Override
    public double[] distances() {
      return distances.clone();
    }
  }

  /** The distance of simulated values to observed ranges (see the class comment). */
  public static double distance(double[] simulated, List<ObservedRange> observed) {
    double sum = 0;
    for (int k = 0; k < simulated.length; k++) {
      ObservedRange o = observed.get(k);
      double g = o.gap(simulated[k]) / Math.max(1, o.representative());
      sum += g * g;
    }
    return Math.sqrt(sum);
  }

  /**
   * Runs ABC-SMC.
   *
   * @param priors priors of the free parameters (none fixed)
   * @param observed the observed ranges, in the order the simulator returns values
   * @param simulators makes one simulator per worker thread
   * @param s settings
   */
  public static Result run(
      List<Prior> priors,
      List<ObservedRange> observed,
      Supplier<Simulator> simulators,
      Settings s) {
    ExecutorService pool = pool(s.threads(), "dispersal-abc");
    try {
      return run(priors, observed, onThreads(pool, s.threads(), simulators), s);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs ABC-SMC, simulating each batch of attempts with {@code batches}; the batches are the same
   * as those of {@link #run(List, List, Supplier, Settings)}, so is the result.
   *
   * @param priors priors of the free parameters (none fixed)
   * @param observed the observed ranges, in the order the simulator returns values
   * @param batches simulates one batch of attempts
   * @param s settings ({@code threads} sets the batch size)
   */
  public static Result run(
      List<Prior> priors, List<ObservedRange> observed, BatchSimulator batches, Settings s) {
    int n = s.particles();
    int k = priors.size();
    List<Generation> generations = new ArrayList<>();
    int total = 0;
    double[][] z = null;
    double[] w = null;
    double[] d = null;
    double eps = Double.POSITIVE_INFINITY;
    double previousEps = Double.NaN;
    for (int g = 0; ; g++) {
      if (g > 0) {
        if (eps == 0 && previousEps == 0) {
          break;
        }
        previousEps = eps;
        eps = quantile(d, s.quantile());
      }
      double[] sigma = g == 0 ? null : kernelSd(z, w);
      Population next =
          generation(g, priors, observed, s, batches, z, w, sigma, eps, s.budget() - total);
      total += next.simulations;
      if (next.accepted < n) {
        break;
      }
      double[] nw = g == 0 ? uniform(n) : weights(priors, next.z, z, w, sigma);
      z = next.z;
      w = nw;
      d = next.d;
      generations.add(
          new Generation(g, eps, next.simulations, (double) n / next.simulations, ess(w)));
      if (total >= s.budget()) {
        break;
      }
    }
    if (z == null) {
      throw new IllegalArgumentException(
          "the budget of " + s.budget() + " simulations is too small for one generation");
    }
    double[][] theta = new double[n][k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        theta[i][j] = PriorMath.fromZ(priors.get(j), z[i][j]);
      }
    }
    return new Result(List.copyOf(priors), theta, w, d, List.copyOf(generations), total);
  }

  /** A daemon thread pool. */
  static ExecutorService pool(int threads, String name) {
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Simulates batches on a thread pool: each of {@code threads} consecutive chunks of a batch on
   * one thread, with that thread's own simulator.
   *
   * @param pool the threads
   * @param threads how many chunks a batch is split into
   * @param simulators makes one simulator per thread
   */
  public static BatchSimulator onThreads(
      ExecutorService pool, int threads, Supplier<Simulator> simulators) {
    ThreadLocal<Simulator> local = ThreadLocal.withInitial(simulators);
    return (theta, simulations) -> {
      int size = theta.length;
      double[][] x = new double[size][];
      int chunks = Math.min(threads, size);
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < chunks; c++) {
        int from = c * size / chunks;
        int to = (c + 1) * size / chunks;
        futures.add(
            pool.submit(
                () -> {
                  Simulator sim = local.get();
                  for (int a = from; a < to; a++) {
                    x[a] = sim.simulate(theta[a], simulations[a]);
                  }
                }));
      }
      await(futures);
      return x;
    };
  }

  private record Population(double[][] z, double[] d, int accepted, int simulations) {}

  private record Attempt(double[] z, double distance) {}

  private static Population generation(
      int g,
      List<Prior> priors,
      List<ObservedRange> observed,
      Settings s,
      BatchSimulator batches,
      double[][] prevZ,
      double[] prevW,
      double[] sigma,
      double eps,
      int remaining) {
    int n = s.particles();
    int k = priors.size();
    double[][] z = new double[n][];
    double[] d = new double[n];
    int accepted = 0;
    int attempts = 0;
    long genSeed = RandomStreams.abcGenerationSeed(s.seed(), g);
    double[] cumulative = prevW == null ? null : cumulative(prevW);
    int batch = Math.max(4 * s.threads(), Math.min(n, 256));
    while (accepted < n && attempts < remaining) {
      int size = Math.min(batch, remaining - attempts);
      int first = attempts;
      double[][] proposed = new double[size][];
      double[][] theta = new double[size][k];
      long[] simulations = new long[size];
      for (int a = 0; a < size; a++) {
        int attempt = first + a;
        UniformRandomProvider rng = RandomStreams.stream(genSeed, attempt, Purpose.PARAMETERS);
        proposed[a] =
            prevZ == null ? fromPrior(priors, rng) : propose(priors, prevZ, cumulative, sigma, rng);
        for (int j = 0; j < k; j++) {
          theta[a][j] = PriorMath.fromZ(priors.get(j), proposed[a][j]);
        }
        simulations[a] = RandomStreams.abcSimulation(g, attempt);
      }
      double[][] x = batches.simulate(theta, simulations);
      Attempt[] results = new Attempt[size];
      for (int a = 0; a < size; a++) {
        results[a] = new Attempt(proposed[a], distance(x[a], observed));
      }
      for (int a = 0; a < size && accepted < n; a++) {
        attempts++;
        if (results[a].distance <= eps) {
          z[accepted] = results[a].z;
          d[accepted] = results[a].distance;
          accepted++;
        }
      }
      if (accepted < n) {
        attempts = first + size;
      }
    }
    // Attempts run in the last batch after the N-th acceptance were simulated too.
    int simulated = accepted < n ? attempts : Math.min(remaining, roundUp(attempts, batch));
    return new Population(z, d, accepted, simulated);
  }

  private static int roundUp(int attempts, int batch) {
    return ((attempts + batch - 1) / batch) * batch;
  }

  private static void await(List<Future<?>> futures) {
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("calibration interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static double[] fromPrior(List<Prior> priors, UniformRandomProvider rng) {
    double[] z = new double[priors.size()];
    for (int j = 0; j < z.length; j++) {
      Prior p = priors.get(j);
      z[j] = PriorMath.toZ(p, p.sample(rng));
    }
    return z;
  }

  private static double[] propose(
      List<Prior> priors,
      double[][] prevZ,
      double[] cumulative,
      double[] sigma,
      UniformRandomProvider rng) {
    int k = priors.size();
    int parent = pick(cumulative, rng.nextDouble());
    double[] z = new double[k];
    for (int j = 0; j < k; j++) {
      Prior p = priors.get(j);
      double lo = PriorMath.toZ(p, p.low());
      double hi = PriorMath.toZ(p, p.high());
      double x;
      int tries = 0;
      do {
        x = prevZ[parent][j] + sigma[j] * gaussian(rng);
      } while ((x < lo || x > hi) && ++tries < 1000);
      z[j] = Math.max(lo, Math.min(hi, x));
    }
    return z;
  }

  /** A standard normal deviate by the Box-Muller transform. */
  static double gaussian(UniformRandomProvider rng) {
    double u = 1 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static int pick(double[] cumulative, double u) {
    double target = u * cumulative[cumulative.length - 1];
    int i = Arrays.binarySearch(cumulative, target);
    i = i >= 0 ? i : -i - 1;
    return Math.min(i, cumulative.length - 1);
  }

  private static double[] cumulative(double[] w) {
    double[] c = new double[w.length];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      sum += w[i];
      c[i] = sum;
    }
    return c;
  }

  private static double[] kernelSd(double[][] z, double[] w) {
    int k = z[0].length;
    double[] sd = new double[k];
    for (int j = 0; j < k; j++) {
      double mean = 0;
      for (int i = 0; i < z.length; i++) {
        mean += w[i] * z[i][j];
      }
      double var = 0;
      for (int i = 0; i < z.length; i++) {
        double e = z[i][j] - mean;
        var += w[i] * e * e;
      }
      sd[j] = Math.sqrt(2 * var);
      if (sd[j] == 0) {
        sd[j] = 1e-9;
      }
    }
    return sd;
  }

  private static double[] weights(
      List<Prior> priors, double[][] z, double[][] prevZ, double[] prevW, double[] sigma) {
    int n = z.length;
    int k = priors.size();
    double[] w = new double[n];
    double sum = 0;
    // Each coordinate is perturbed by a Gaussian truncated to the prior's support, so the kernel
    // density of coordinate j around parent p is divided by the Gaussian mass inside the support.
    double[][] logMass = new double[prevZ.length][k];
    for (int p = 0; p < prevZ.length; p++) {
      for (int j = 0; j < k; j++) {
        Prior pr = priors.get(j);
        double lo = (PriorMath.toZ(pr, pr.low()) - prevZ[p][j]) / sigma[j];
        double hi = (PriorMath.toZ(pr, pr.high()) - prevZ[p][j]) / sigma[j];
        logMass[p][j] = Math.log(Math.max(1e-300, Normal.cdf(hi) - Normal.cdf(lo)));
      }
    }
    for (int i = 0; i < n; i++) {
      double prior = 1;
      for (int j = 0; j < k; j++) {
        prior *= PriorMath.density(priors.get(j), z[i][j]);
      }
      // log-sum-exp over parents: the kernel is a product of k Gaussians.
      double[] logs = new double[prevZ.length];
      double max = Double.NEGATIVE_INFINITY;
      for (int p = 0; p < prevZ.length; p++) {
        double l = Math.log(prevW[p]);
        for (int j = 0; j < k; j++) {
          double e = (z[i][j] - prevZ[p][j]) / sigma[j];
          l += -0.5 * e * e - Math.log(sigma[j]) - logMass[p][j];
        }
        logs[p] = l;
        max = Math.max(max, l);
      }
      double mix = 0;
      for (double l : logs) {
        mix += Math.exp(l - max);
      }
      double logKernel = max + Math.log(mix);
      double logPrior = 0;
      for (int j = 0; j < k; j++) {
        logPrior += Math.log(PriorMath.density(priors.get(j), z[i][j]));
      }
      w[i] = prior == 0 ? Double.NEGATIVE_INFINITY : logPrior - logKernel;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double x : w) {
      max = Math.max(max, x);
    }
    for (int i = 0; i < n; i++) {
      w[i] = Math.exp(w[i] - max);
      sum += w[i];
    }
    for (int i = 0; i < n; i++) {
      w[i] /= sum;
    }
    return w;
  }

  private static double[] uniform(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1.0 / n);
    return w;
  }

  private static double ess(double[] w) {
    double s = 0;
    double s2 = 0;
    for (double x : w) {
      s += x;
      s2 += x * x;
    }
    return s * s / s2;
  }

  private static double quantile(double[] d, double q) {
    double[] x = d.clone();
    Arrays.sort(x);
    return x[(int) Math.min(x.length - 1, Math.floor(q * (x.length - 1)))];
  }
}
