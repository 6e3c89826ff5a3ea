package org.dispersal.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.stats.Normal;

/**
 * What a source publishes, given the latent count: {@code ln(Y + 1) = ln(X + 1) + b(type) + e},
 * where X is the model's count of what the figure counts, b the bias of the source's type, and e a
 * heavy-tailed error: N(0, σ²) with probability 1 − ε, and a gross or definitional error N(0, σ_g²)
 * with probability ε. Y is rounded to a whole number, at least 0.
 *
 * <p>Every constant is estimated by {@link #estimate} from the figures published by the forecast
 * date, never later: pairs of figures about the same subject from different sources, dated within
 * {@link #PAIR_WINDOW_DAYS} of each other, disagree by d = ln(y₁ + 1) − ln(y₂ + 1), which is the
 * difference of two reporting errors (plus the two biases, and what changed between the dates).
 *
 * <ul>
 *   <li>σ: the weighted median of |d| times 1.4826 / √2 (a robust standard deviation of one error),
 *       shrunk towards the prior {@link #PRIOR_SIGMA} with the weight of {@link
 *       #PRIOR_PSEUDO_PAIRS} pairs. Each subject's pairs share a weight of (its figures − 1), the
 *       number of independent contrasts it holds, so one much-reported country does not dominate.
 *   <li>ε: pairs with |d| &gt; 3√2σ are gross (one of the two figures is); ε = (gross + 1) / (2 ×
 *       pairs + 20), the posterior mean under a Beta(1, 19) prior (mean 5%).
 *   <li>σ_g: the root mean square of the gross pairs' d less σ², at least 3σ.
 *   <li>b(type): a ridge least-squares fit of d = b(type₁) − b(type₂) over the pairs that are not
 *       gross and whose types differ, with a N(0, {@link #PRIOR_BIAS_SD}²) prior per type (the
 *       hierarchical shrinkage), centred so that the figures' average bias is 0: only relative
 *       biases can be learnt from disagreement.
 * </ul>
 *
 * @param asOf the forecast date the figures were published by
 * @param sigma σ, the log-scale standard deviation of an ordinary reporting error
 * @param grossShare ε, the chance of a gross or definitional error
 * @param grossSigma σ_g, the log-scale standard deviation of a gross error
 * @param bias b by source type (log scale; positive means the type reports higher)
 * @param figures how many figures the estimate read
 * @param pairs how many pairs of figures it compared
 * @param grossPairs how many of them disagreed grossly
 */
public record ReportingModel(
    LocalDate asOf,
    double sigma,
    double grossShare,
    double grossSigma,
    Map<SourceType, Double> bias,
    int figures,
    int pairs,
    int grossPairs) {

  /** Figures about the same subject dated this many days apart or less are compared. */
  public static final int PAIR_WINDOW_DAYS = 365;

  /**
   * The prior σ, an assumption (no source gives it): a typical factor of 1.4 between a published
   * figure and the truth. Plausible range 0.15 to 0.8; it matters only where few pairs exist.
   */
  public static final double PRIOR_SIGMA = 0.35;

  /** How many pairs the prior σ is worth: 5, an assumption (range 0 to 20). */
  public static final double PRIOR_PSEUDO_PAIRS = 5;

  /** The prior standard deviation of one source type's bias: 0.25, an assumption (0.1 to 0.5). */
  public static final double PRIOR_BIAS_SD = 0.25;

  /** Copies the bias map, with every type present. */
  public ReportingModel {
    Map<SourceType, Double> b = new EnumMap<>(SourceType.class);
    for (SourceType t : SourceType.values()) {
      b.put(t, bias == null ? 0.0 : bias.getOrDefault(t, 0.0));
    }
    bias = Collections.unmodifiableMap(b);
    if (!(sigma > 0) || !(grossSigma > 0) || !(grossShare >= 0 && grossShare < 1)) {
      throw new IllegalArgumentException(
          "reporting model needs sigma > 0, grossSigma > 0 and grossShare in [0, 1)");
    }
  }

  /**
   * The model with the priors only, for a forecast date by which no two figures can be compared.
   */
  public static ReportingModel prior(LocalDate asOf) {
    return new ReportingModel(asOf, PRIOR_SIGMA, 1.0 / 20, 3 * PRIOR_SIGMA, Map.of(), 0, 0, 0);
  }

  private record Pair(double d, double weight, SourceType a, SourceType b) {}

  /**
   * Estimates the model from the figures published by a date (the caller chooses them; see the
   * class comment for the method).
   *
   * @param figures the published figures, all public by {@code asOf}
   * @param asOf the forecast date
   * @return the estimate
   */
  public static ReportingModel estimate(List<ReportedFigure> figures, LocalDate asOf) {
    Map<String, List<ReportedFigure>> bySubject = new LinkedHashMap<>();
    for (ReportedFigure f : figures) {
      bySubject.computeIfAbsent(f.subject(), k -> new ArrayList<>()).add(f);
    }
    List<Pair> pairs = new ArrayList<>();
    for (List<ReportedFigure> group : bySubject.values()) {
      List<Pair> mine = new ArrayList<>();
      for (int i = 0; i < group.size(); i++) {
        for (int j = i + 1; j < group.size(); j++) {
          ReportedFigure a = group.get(i);
          ReportedFigure b = group.get(j);
          long days = Math.abs(ChronoUnit.DAYS.between(a.date(), b.date()));
          if (a.sourceId().equals(b.sourceId()) || days > PAIR_WINDOW_DAYS) {
            continue;
          }
          mine.add(new Pair(Math.log1p(a.value()) - Math.log1p(b.value()), 0, a.type(), b.type()));
        }
      }
      double share = mine.isEmpty() ? 0 : (group.size() - 1.0) / mine.size();
      for (Pair p : mine) {
        pairs.add(new Pair(p.d(), share, p.a(), p.b()));
      }
    }
    if (pairs.isEmpty()) {
      ReportingModel p = prior(asOf);
      return new ReportingModel(
          asOf, p.sigma(), p.grossShare(), p.grossSigma(), p.bias(), figures.size(), 0, 0);
    }
    // Two passes: σ from the raw disagreement, then the type biases from the ordinary pairs, then
    // σ, the gross pairs and the biases again from the disagreement the biases do not explain.
    Map<SourceType, Double> bias = new EnumMap<>(SourceType.class);
    double sigma = 0;
    List<Pair> ordinary = new ArrayList<>();
    int gross = 0;
    double grossSquares = 0;
    for (int pass = 0; pass < 2; pass++) {
      List<Pair> residual = new ArrayList<>();
      for (Pair p : pairs) {
        double explained = bias.getOrDefault(p.a(), 0.0) - bias.getOrDefault(p.b(), 0.0);
        residual.add(new Pair(p.d() - explained, p.weight(), p.a(), p.b()));
      }
      sigma = shrunkSigma(residual);
      double cut = 3 * Math.sqrt(2) * sigma;
      gross = 0;
      grossSquares = 0;
      ordinary = new ArrayList<>();
      for (int i = 0; i < pairs.size(); i++) {
        double r = residual.get(i).d();
        if (Math.abs(r) > cut) {
          gross++;
          grossSquares += r * r;
        } else {
          ordinary.add(pairs.get(i));
        }
      }
      bias = biases(ordinary, figures, sigma);
    }
    double epsilon = (gross + 1.0) / (2.0 * pairs.size() + 20);
    double grossSigma =
        gross == 0
            ? 3 * sigma
            : Math.max(3 * sigma, Math.sqrt(Math.max(0, grossSquares / gross - sigma * sigma)));
    return new ReportingModel(
        asOf, sigma, epsilon, grossSigma, bias, figures.size(), pairs.size(), gross);
  }

  /** The robust σ of the pairs' disagreement, shrunk towards the prior. */
  private static double shrunkSigma(List<Pair> pairs) {
    double totalWeight = pairs.stream().mapToDouble(Pair::weight).sum();
    double robust = weightedMedianAbs(pairs) * 1.4826 / Math.sqrt(2);
    return Math.sqrt(
        (totalWeight * robust * robust + PRIOR_PSEUDO_PAIRS * PRIOR_SIGMA * PRIOR_SIGMA)
            / (totalWeight + PRIOR_PSEUDO_PAIRS));
  }

  private static double weightedMedianAbs(List<Pair> pairs) {
    List<Pair> sorted = new ArrayList<>(pairs);
    sorted.sort((x, y) -> Double.compare(Math.abs(x.d()), Math.abs(y.d())));
    double total = sorted.stream().mapToDouble(Pair::weight).sum();
    double run = 0;
    for (Pair p : sorted) {
      run += p.weight();
      if (run >= total / 2) {
        return Math.abs(p.d());
      }
    }
    return Math.abs(sorted.get(sorted.size() - 1).d());
  }

  /** Ridge least squares of d = b(a) − b(b), centred on the figures' type mix. */
  private static Map<SourceType, Double> biases(
      List<Pair> pairs, List<ReportedFigure> figures, double sigma) {
    int k = SourceType.values().length;
    double[][] m = new double[k][k];
    double[] v = new double[k];
    double lambda = sigma * sigma / (PRIOR_BIAS_SD * PRIOR_BIAS_SD);
    for (int i = 0; i < k; i++) {
      m[i][i] = lambda;
    }
    for (Pair p : pairs) {
      if (p.a() == p.b()) {
        continue;
      }
      int a = p.a().ordinal();
      int b = p.b().ordinal();
      double w = p.weight();
      m[a][a] += w;
      m[b][b] += w;
      m[a][b] -= w;
      m[b][a] -= w;
      v[a] += w * p.d();
      v[b] -= w * p.d();
    }
    double[] b = solve(m, v);
    double[] share = new double[k];
    for (ReportedFigure f : figures) {
      share[f.type().ordinal()] += 1.0 / figures.size();
    }
    double centre = 0;
    for (int i = 0; i < k; i++) {
      centre += share[i] * b[i];
    }
    Map<SourceType, Double> out = new EnumMap<>(SourceType.class);
    for (SourceType t : SourceType.values()) {
      out.put(t, b[t.ordinal()] - centre);
    }
    return out;
  }

  /** Gaussian elimination with partial pivoting; the ridge keeps the matrix positive definite. */
  private static double[] solve(double[][] a, double[] y) {
    int n = y.length;
    double[][] m = new double[n][];
    double[] r = y.clone();
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int i = c + 1; i < n; i++) {
        if (Math.abs(m[i][c]) > Math.abs(m[p][c])) {
          p = i;
        }
      }
      double[] t = m[c];
      m[c] = m[p];
      m[p] = t;
      double tr = r[c];
      r[c] = r[p];
      r[p] = tr;
      for (int i = c + 1; i < n; i++) {
        double f = m[i][c] / m[c][c];
        for (int j = c; j < n; j++) {
          m[i][j] -= f * m[c][j];
        }
        r[i] -= f * r[c];
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = r[i];
      for (int j = i + 1; j < n; j++) {
        s -= m[i][j] * x[j];
      }
      x[i] = s / m[i][i];
    }
    return x;
  }

  /**
   * One published figure for a latent count.
   *
   * @param latent the model's count
   * @param type who will publish it
   * @param rng the stream to draw the reporting error from
   * @return the published figure, a whole number at least 0
   */
  public double publish(double latent, SourceType type, UniformRandomProvider rng) {
    boolean gross = rng.nextDouble() < grossShare;
    double u = rng.nextDouble();
    double z = Normal.quantile(u == 0 ? Double.MIN_VALUE : u);
    double e = (gross ? grossSigma : sigma) * z;
    return Math.max(0, Math.rint((latent + 1) * Math.exp(bias.get(type) + e) - 1));
  }

  /**
   * The predictive sample of a published figure: {@code draws} published figures for each latent
   * value, in order (value 0's draws first).
   *
   * @param latent the model's sample of the latent count
   * @param type who will publish it
   * @param rng the stream of the reporting errors
   * @param draws reporting errors drawn per latent value, at least 1
   * @return latent.length × draws published figures
   */
  public double[] published(
      double[] latent, SourceType type, UniformRandomProvider rng, int draws) {
    if (draws < 1) {
      throw new IllegalArgumentException("draws must be at least 1: " + draws);
    }
    double[] out = new double[latent.length * draws];
    int n = 0;
    for (double x : latent) {
      for (int d = 0; d < draws; d++) {
        out[n++] = publish(x, type, rng);
      }
    }
    return out;
  }

  /** The probability that an error on the log scale is at most {@code e} (the mixture's CDF). */
  public double errorCdf(double e) {
    return (1 - grossShare) * Normal.cdf(e / sigma) + grossShare * Normal.cdf(e / grossSigma);
  }

  /** One line for manifests, consoles and reports. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "reporting model as of %s: sigma %.3f, gross share %.3f, gross sigma %.3f, bias"
            + " government %+.3f research %+.3f press %+.3f (from %d figures, %d pairs, %d gross)",
        asOf,
        sigma,
        grossShare,
        grossSigma,
        bias.get(SourceType.GOVERNMENT),
        bias.get(SourceType.RESEARCH),
        bias.get(SourceType.PRESS),
        figures,
        pairs,
        grossPairs);
  }
}
