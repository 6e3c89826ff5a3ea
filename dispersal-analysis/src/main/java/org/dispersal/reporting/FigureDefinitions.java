package org.dispersal.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.calibration.Target;
import org.dispersal.calibration.TargetResolver;
import org.dispersal.engine.Compartment;
import org.dispersal.model.Origin;
import org.dispersal.model.State;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.random.Binomial;

/**
 * Definitional mappings (issue #13): what a published figure counts in terms of the model's states,
 * and the model's version of that figure in one replication.
 *
 * <p>A figure's definition comes from the {@code definition} column of its row; if that is empty,
 * from a rule for its source ({@link #SOURCE_RULES}, each resting on a note of the shared data or a
 * row of PRIORS.md); if neither gives one, the definition is unknown and the figure is forecast as
 * a mixture over the definitions its measure and scope allow, with the named prior weights below.
 * Each definition is laid out as a base target (counted as is) and a thinned target (each person
 * counted with probability {@code keep}, Binomial thinning within each replication):
 *
 * <ul>
 *   <li>{@code count}: the measure's states; nothing thinned.
 *   <li>{@code residual} (in_theatre): base = everyone neither home nor killed (in theatre,
 *       insurgents, other groups, detained, in camps, relocated, operatives abroad); thinned = the
 *       killed, kept with probability 1 − {@link #CONFIRMED_DEATH_SHARE} (the dead not confirmed).
 *   <li>{@code confirmed} (killed): thinned = the killed, kept with probability {@link
 *       #CONFIRMED_DEATH_SHARE}.
 *   <li>{@code reporting_countries} (totals): the measure's states, only in the origins of the
 *       scope that had published a figure of the same measure by the forecast date; for a figure
 *       published after it, plus those of the countries drawn as new reporters ({@link Joiners},
 *       {@link Reporters}).
 * </ul>
 *
 * <p>Pure functions; the caller owns the random stream.
 */
public final class FigureDefinitions {

  private FigureDefinitions() {}

  /**
   * The share of true deaths that a source has confirmed: 0.76, range 0.61-1.00. Basis: ICCT, April
   * 2016 (PRIORS.md O2, data to October 2015): of EU foreign fighters 14% confirmed dead and 9%
   * whose fate is unknown. If a share u of the unknown are dead, the confirmed share of deaths is
   * 14 / (14 + 9u): 1.00 for u = 0, 0.61 for u = 1; the value takes u = 1/2 (14 / 18.5). The EU
   * counter-terrorism coordinator's 15-20% killed of December 2016 (O1) is consistent with it.
   */
  public static final double CONFIRMED_DEATH_SHARE = 14.0 / 18.5;

  /** The low end of {@link #CONFIRMED_DEATH_SHARE}'s range (u = 1). */
  public static final double CONFIRMED_DEATH_SHARE_LOW = 14.0 / 23.0;

  /** The high end of {@link #CONFIRMED_DEATH_SHARE}'s range (u = 0). */
  public static final double CONFIRMED_DEATH_SHARE_HIGH = 1.0;

  /**
   * Prior weight of {@code residual} for an {@code in_theatre} figure whose definition is unknown
   * (the rest on {@code count}): 0.5, range 0.2-0.8. No source says how often "still in Syria" is a
   * residual; an even split is the assumption of ignorance.
   */
  public static final double UNKNOWN_IN_THEATRE_RESIDUAL_WEIGHT = 0.5;

  /**
   * Prior weight of {@code confirmed} for a {@code killed} figure whose definition is unknown (the
   * rest on {@code count}): 0.75, range 0.5-1.0. A source can only count the deaths it knows of;
   * the rest covers figures that are estimates of all deaths.
   */
  public static final double UNKNOWN_KILLED_CONFIRMED_WEIGHT = 0.75;

  /**
   * Prior weight of {@code reporting_countries} for a total over several countries whose definition
   * is unknown (the rest on {@code count}): 0.5, range 0.2-0.8; an even split.
   */
  public static final double UNKNOWN_TOTAL_REPORTING_WEIGHT = 0.5;

  /**
   * A rule: the figures of a source, for a measure (and a scope, or any when null), have a
   * definition, because of what the shared data or PRIORS.md says.
   *
   * @param sourceId the source
   * @param measure the measure
   * @param scope the scope, or null for any
   * @param definition what the source's figures count
   * @param basis the note or row relied on
   */
  public record Rule(
      String sourceId,
      ObservedMeasure measure,
      String scope,
      Definition definition,
      String basis) {}

  /** The rules per source; a source not listed has no rule. */
  public static final List<Rule> SOURCE_RULES =
      List.of(
          new Rule(
              "ICCT2016",
              ObservedMeasure.IN_THEATRE,
              null,
              Definition.RESIDUAL,
              "PRIORS.md O2: EU fighters 47% abroad, 30% returned, 14% confirmed dead, 9% unknown"
                  + " (a partition of the travellers); note for FRA: 570 still in zone, 246"
                  + " returned, 137 confirmed dead"),
          new Rule(
              "ICCT2016",
              ObservedMeasure.KILLED,
              null,
              Definition.CONFIRMED,
              "note for FRA and BEL: 'confirmed dead'; PRIORS.md O2: 14% confirmed dead"),
          new Rule(
              "EUCTC2016",
              ObservedMeasure.IN_THEATRE,
              null,
              Definition.RESIDUAL,
              "fighters_aggregates.csv: still in Syria/Iraq 2,000-2,500; 15-20% died; 30-35%"
                  + " returned; PRIORS.md O1: of ~5,000, ~50% still there (the shares add up to"
                  + " the whole)"),
          new Rule(
              "NL_NCTV_2016_11",
              ObservedMeasure.IN_THEATRE,
              null,
              Definition.RESIDUAL,
              "note: about 190 of the 270 who travelled are still in Syria and Iraq; PRIORS.md O5"
                  + " (same report): 270 travelled, 44 killed, ~40 returned; 270 - 44 - 40 = 186"),
          new Rule(
              "MA_BCIJ_2016_12",
              ObservedMeasure.IN_THEATRE,
              null,
              Definition.RESIDUAL,
              "note: 871 still fighting, 206 returned, 553 died (1,630 in all); MA_BCIJ_2016_10: 1,622"
                  + " joined"),
          new Rule(
              "MA_BCIJ_2016_12",
              ObservedMeasure.KILLED,
              null,
              Definition.CONFIRMED,
              "the same partition: the dead are those the BCIJ knows of"),
          new Rule(
              "NO_PST_2017_12",
              ObservedMeasure.IN_THEATRE,
              null,
              Definition.RESIDUAL,
              "note: ~100 travelled; ~20 killed; 40 returned; ~40 remain (20 + 40 + 40 = 100)"),
          new Rule(
              "NO_PST_2017_12",
              ObservedMeasure.KILLED,
              null,
              Definition.CONFIRMED,
              "the same partition: the dead are those PST knows of"),
          new Rule(
              "TSC2017",
              ObservedMeasure.RETURNED,
              "world",
              Definition.REPORTING_COUNTRIES,
              "fighters_aggregates.csv World: 'at least 5,600 returned from 33 countries'"),
          new Rule(
              "TSC2017",
              ObservedMeasure.TRAVELLED,
              "world",
              Definition.COUNT,
              "fighters_aggregates.csv World: 'more than 40,000 from more than 110 countries',"
                  + " more countries than any source names"));

  /** A definition with its weight in the forecast of a figure. */
  public record Weighted(Definition definition, double weight) {}

  /**
   * The definitions a figure may have, with their weights: one with weight 1 when its row or its
   * source's rule says which, else the mixture its measure and scope allow.
   *
   * @param r the figure
   * @return the definitions, weights adding up to 1
   */
  public static List<Weighted> candidates(ObservationRecord r) {
    Definition given = given(r);
    if (given != null) {
      return List.of(new Weighted(given, 1.0));
    }
    boolean total = !r.scope().equals("country");
    return switch (r.measure()) {
      case IN_THEATRE ->
          List.of(
              new Weighted(Definition.COUNT, 1 - UNKNOWN_IN_THEATRE_RESIDUAL_WEIGHT),
              new Weighted(Definition.RESIDUAL, UNKNOWN_IN_THEATRE_RESIDUAL_WEIGHT));
      case KILLED ->
          List.of(
              new Weighted(Definition.COUNT, 1 - UNKNOWN_KILLED_CONFIRMED_WEIGHT),
              new Weighted(Definition.CONFIRMED, UNKNOWN_KILLED_CONFIRMED_WEIGHT));
      default ->
          total
              ? List.of(
                  new Weighted(Definition.COUNT, 1 - UNKNOWN_TOTAL_REPORTING_WEIGHT),
                  new Weighted(Definition.REPORTING_COUNTRIES, UNKNOWN_TOTAL_REPORTING_WEIGHT))
              : List.of(new Weighted(Definition.COUNT, 1.0));
    };
  }

  /** The definition the row or its source's rule gives, or null when unknown. */
  public static Definition given(ObservationRecord r) {
    if (!r.definition().isEmpty()) {
      return Definition.byId(r.definition());
    }
    Rule rule = rule(r);
    return rule == null ? null : rule.definition();
  }

  /** The source rule that applies to a figure, or null. */
  public static Rule rule(ObservationRecord r) {
    for (Rule rule : SOURCE_RULES) {
      if (rule.sourceId().equals(r.sourceId())
          && rule.measure() == r.measure()
          && (rule.scope() == null || rule.scope().equals(r.scope()))
          && rule.definition().allows(r.measure(), r.scope())) {
        return rule;
      }
    }
    return null;
  }

  /** Where a figure's definition comes from, in words (for notes). */
  public static String describe(ObservationRecord r) {
    if (!r.definition().isEmpty()) {
      return "definition " + r.definition() + " (column)";
    }
    Rule rule = rule(r);
    if (rule != null) {
      return "definition " + rule.definition().id() + " (rule for " + r.sourceId() + ")";
    }
    StringBuilder b = new StringBuilder("definition unknown: mixture");
    for (Weighted w : candidates(r)) {
      b.append(' ').append(w.definition().id()).append(' ').append(fmt(w.weight()));
    }
    return b.toString();
  }

  /**
   * The countries of a total's scope that had not reported its measure by the forecast date, any of
   * which may have started by the figure's publication: in each replication N = min(Poisson({@code
   * mean}), number of countries) of them are drawn without replacement, each with probability in
   * proportion to its weight, and their counts are added.
   *
   * @param origins the countries' ids, in the model's order
   * @param targets the measure's states in each country
   * @param weights each country's initial travelled figure to the power {@link
   *     Reporters#STOCK_EXPONENT}
   * @param mean the expected number of new reporters in the scope (λ̂·Δ times the scope's share of
   *     the countries that had not reported)
   */
  public record Joiners(List<String> origins, List<Target> targets, double[] weights, double mean) {

    /** Validates the countries. */
    public Joiners {
      if (origins.size() != targets.size() || targets.size() != weights.length || !(mean >= 0)) {
        throw new IllegalArgumentException("one target and weight per country, a mean >= 0");
      }
      origins = List.copyOf(origins);
      targets = List.copyOf(targets);
      weights = weights.clone();
    }
  }

  /**
   * One definition laid out on a model: per replication, base + Binomial(thinned, keep) + the
   * counts of the new reporters drawn.
   *
   * @param definition the definition
   * @param weight its weight in the mixture
   * @param base the target counted as is, or null
   * @param thinned the target thinned, or null
   * @param keep the probability each person of {@code thinned} is counted
   * @param joiners the countries that may start reporting, or null for none
   */
  public record Alternative(
      Definition definition,
      double weight,
      Target base,
      Target thinned,
      double keep,
      Joiners joiners) {

    /** An alternative with no new reporters. */
    public Alternative(
        Definition definition, double weight, Target base, Target thinned, double keep) {
      this(definition, weight, base, thinned, keep, null);
    }

    /** How many targets it observes. */
    int size() {
      return (base != null ? 1 : 0)
          + (thinned != null ? 1 : 0)
          + (joiners == null ? 0 : joiners.targets().size());
    }
  }

  /**
   * A figure laid out on a model under each definition it may have.
   *
   * @param alternatives the definitions that resolve, weights renormalised to add up to 1
   * @param note what was used, in words
   */
  public record Mapping(List<Alternative> alternatives, String note) {

    /**
     * The targets to observe, in order: each alternative's base and thinned, when present, then its
     * new reporters' targets.
     */
    public List<Target> targets() {
      List<Target> out = new ArrayList<>();
      for (Alternative a : alternatives) {
        if (a.base() != null) {
          out.add(a.base());
        }
        if (a.thinned() != null) {
          out.add(a.thinned());
        }
        if (a.joiners() != null) {
          out.addAll(a.joiners().targets());
        }
      }
      return out;
    }

    /**
     * The figure under its definition(s) in each replication, new reporters drawn from the same
     * stream.
     *
     * @param samples samples[k][replication] for the k-th target of {@link #targets()}
     * @param rng the figure's stream (for the thinning and the mixture's choice)
     * @return one value per replication
     */
    public double[] sample(double[][] samples, UniformRandomProvider rng) {
      return sample(samples, rng, rng);
    }

    /**
     * The figure under its definition(s) in each replication.
     *
     * @param samples samples[k][replication] for the k-th target of {@link #targets()}
     * @param rng the figure's stream (for the thinning and the mixture's choice)
     * @param reporters the figure's stream for the new reporters ({@link Joiners}); untouched when
     *     there are none or their mean is 0
     * @return one value per replication
     */
    public double[] sample(
        double[][] samples, UniformRandomProvider rng, UniformRandomProvider reporters) {
      int n = samples.length == 0 ? 0 : samples[0].length;
      double[] out = new double[n];
      SharedStateDiscreteSampler[] counts = new SharedStateDiscreteSampler[alternatives.size()];
      for (int a = 0; a < counts.length; a++) {
        Joiners j = alternatives.get(a).joiners();
        if (j != null && j.mean() > 0 && !j.targets().isEmpty()) {
          counts[a] = PoissonSampler.of(reporters, j.mean());
        }
      }
      for (int i = 0; i < n; i++) {
        int pick = 0;
        if (alternatives.size() > 1) {
          double u = rng.nextDouble();
          double acc = 0;
          pick = alternatives.size() - 1;
          for (int a = 0; a < alternatives.size(); a++) {
            acc += alternatives.get(a).weight();
            if (u < acc) {
              pick = a;
              break;
            }
          }
        }
        int k = 0;
        for (int a = 0; a < pick; a++) {
          k += alternatives.get(a).size();
        }
        Alternative alt = alternatives.get(pick);
        double v = 0;
        if (alt.base() != null) {
          v += samples[k++][i];
        }
        if (alt.thinned() != null) {
          v += Binomial.sample(rng, (int) samples[k++][i], alt.keep());
        }
        if (counts[pick] != null) {
          v += joined(alt.joiners(), counts[pick].sample(), samples, k, i, reporters);
        }
        out[i] = v;
      }
      return out;
    }
  }

  /**
   * The counts of {@code draws} (at most all) of the countries, drawn without replacement with
   * probability in proportion to their weights, in one replication.
   */
  private static double joined(
      Joiners j,
      int draws,
      double[][] samples,
      int first,
      int replication,
      UniformRandomProvider rng) {
    double[] w = j.weights();
    boolean[] taken = new boolean[w.length];
    double v = 0;
    for (int d = 0; d < Math.min(draws, w.length); d++) {
      double rest = 0;
      for (int c = 0; c < w.length; c++) {
        rest += taken[c] ? 0 : w[c];
      }
      double u = rng.nextDouble() * rest;
      double acc = 0;
      int chosen = -1;
      for (int c = 0; c < w.length; c++) {
        if (taken[c]) {
          continue;
        }
        chosen = c;
        acc += w[c];
        if (u < acc) {
          break;
        }
      }
      taken[chosen] = true;
      v += samples[first + chosen][replication];
    }
    return v;
  }

  /**
   * The exact law of a mapped figure in one replication, for a likelihood: the expectation of
   * {@code probability} over the mixture's choice and the Binomial thinning, Σ_a w_a Σ_j Binom(j;
   * thinned_a, keep_a) · probability(base_a + j). Terms of the binomial below 1e-15 of its mode's
   * are left out. The as-of assimilation can pass the reporting model's probability of the
   * published range given a count (its {@code Likelihood.logProbability}, exponentiated).
   *
   * @param mapping the figure's mapping
   * @param counts the replication's count of each target of {@link Mapping#targets()}
   * @param probability the probability of the published figure given the model's version of it
   * @return the probability of the published figure in this replication
   * @throws IllegalArgumentException for a mapping with new reporters (only figures published after
   *     the forecast date have them, and those are scored, never conditioned on)
   */
  public static double probability(
      Mapping mapping, double[] counts, java.util.function.DoubleUnaryOperator probability) {
    double total = 0;
    int k = 0;
    for (Alternative a : mapping.alternatives()) {
      if (a.joiners() != null) {
        throw new IllegalArgumentException("no exact law for a total with new reporters");
      }
      double base = a.base() == null ? 0 : counts[k++];
      if (a.thinned() == null) {
        total += a.weight() * probability.applyAsDouble(base);
        continue;
      }
      int n = (int) counts[k++];
      double p = a.keep();
      double sum = 0;
      if (n == 0 || p <= 0 || p >= 1) {
        sum = probability.applyAsDouble(base + (p >= 1 ? n : 0));
      } else {
        org.apache.commons.statistics.distribution.BinomialDistribution law =
            org.apache.commons.statistics.distribution.BinomialDistribution.of(n, p);
        int mode = (int) Math.floor((n + 1) * p);
        double floor = law.logProbability(Math.min(mode, n)) + Math.log(1e-15);
        for (int j = Math.min(mode, n); j >= 0; j--) {
          double lp = law.logProbability(j);
          if (lp < floor) {
            break;
          }
          sum += Math.exp(lp) * probability.applyAsDouble(base + j);
        }
        for (int j = Math.min(mode, n) + 1; j <= n; j++) {
          double lp = law.logProbability(j);
          if (lp < floor) {
            break;
          }
          sum += Math.exp(lp) * probability.applyAsDouble(base + j);
        }
      }
      total += a.weight() * sum;
    }
    return total;
  }

  /**
   * Lays a figure out on the resolver's model under each definition it may have.
   *
   * @param resolver the model's resolver
   * @param r the figure
   * @param reportingCountries for each measure id, the ISO codes of the countries that had
   *     published a figure of it by the forecast date
   * @return the mapping
   * @throws TargetResolver.UnresolvableException when no definition can be laid out
   */
  public static Mapping map(
      TargetResolver resolver, ObservationRecord r, Map<String, Set<String>> reportingCountries)
      throws TargetResolver.UnresolvableException {
    return map(resolver, r, Reporters.fixed(reportingCountries));
  }

  /**
   * Lays a figure out on the resolver's model under each definition it may have; a {@code
   * reporting_countries} total published after the forecast date adds the countries that may have
   * started reporting by its publication ({@link Joiners}).
   *
   * @param resolver the model's resolver
   * @param r the figure
   * @param reporters the countries that had reported each measure by the forecast date, and the
   *     pace of new ones
   * @return the mapping
   * @throws TargetResolver.UnresolvableException when no definition can be laid out
   */
  public static Mapping map(TargetResolver resolver, ObservationRecord r, Reporters reporters)
      throws TargetResolver.UnresolvableException {
    List<Alternative> alts = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    String lastReason = "";
    for (Weighted w : candidates(r)) {
      try {
        alts.add(alternative(resolver, r, w, reporters));
      } catch (TargetResolver.UnresolvableException e) {
        failed.add(w.definition().id());
        lastReason = e.getMessage();
      }
    }
    if (alts.isEmpty()) {
      throw new TargetResolver.UnresolvableException(lastReason);
    }
    double total = alts.stream().mapToDouble(Alternative::weight).sum();
    List<Alternative> normalised = new ArrayList<>();
    for (Alternative a : alts) {
      normalised.add(
          new Alternative(
              a.definition(), a.weight() / total, a.base(), a.thinned(), a.keep(), a.joiners()));
    }
    String note = describe(r);
    if (!failed.isEmpty()) {
      note += " (" + String.join(", ", failed) + " not laid out: " + lastReason + ")";
    }
    return new Mapping(List.copyOf(normalised), note);
  }

  private static Alternative alternative(
      TargetResolver resolver, ObservationRecord r, Weighted w, Reporters reporters)
      throws TargetResolver.UnresolvableException {
    ObservedMeasure m = r.measure();
    return switch (w.definition()) {
      case COUNT ->
          new Alternative(
              Definition.COUNT, w.weight(), target(resolver, r, m::includes, null), null, 0);
      case CONFIRMED ->
          new Alternative(
              Definition.CONFIRMED,
              w.weight(),
              null,
              target(resolver, r, FigureDefinitions::killed, null),
              CONFIRMED_DEATH_SHARE);
      case RESIDUAL ->
          new Alternative(
              Definition.RESIDUAL,
              w.weight(),
              target(
                  resolver,
                  r,
                  (c, o) -> !ObservedMeasure.RETURNED.includes(c, o) && c.state() != State.KILLED,
                  null),
              target(resolver, r, FigureDefinitions::killed, null),
              1 - CONFIRMED_DEATH_SHARE);
      case REPORTING_COUNTRIES -> {
        Set<String> reporting = reporters.countries().getOrDefault(m.id(), Set.of());
        yield new Alternative(
            Definition.REPORTING_COUNTRIES,
            w.weight(),
            target(resolver, r, m::includes, reporting),
            null,
            0,
            joiners(resolver, r, reporting, reporters.expectedNew(m.id(), published(r))));
      }
    };
  }

  /**
   * The countries of the figure's scope that had not reported, with their weights, or null when no
   * new reporter is expected or none is left. The world's expected number is shared out by the
   * scope's share of all the countries that had not reported.
   */
  private static Joiners joiners(
      TargetResolver resolver, ObservationRecord r, Set<String> reporting, double expected) {
    if (!(expected > 0)) {
      return null;
    }
    List<String> ids = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    int left = 0;
    for (Origin o : resolver.origins()) {
      if (!o.country() || reporting.contains(o.id())) {
        continue;
      }
      left++;
      Target t;
      try {
        t = target(resolver, r, r.measure()::includes, Set.of(o.id()));
      } catch (TargetResolver.UnresolvableException outOfScope) {
        continue;
      }
      ids.add(o.id());
      targets.add(t);
      weights.add(Math.pow(o.travelled().mid(), Reporters.STOCK_EXPONENT));
    }
    if (ids.isEmpty()) {
      return null;
    }
    return new Joiners(
        ids,
        targets,
        weights.stream().mapToDouble(Double::doubleValue).toArray(),
        expected * ids.size() / left);
  }

  /** When a figure became public: the last day its {@code published} text can mean. */
  private static LocalDate published(ObservationRecord r) {
    return r.publishedLast() == null ? r.lastDay() : r.publishedLast();
  }

  private static boolean killed(Compartment c, Origin o) {
    return c.state() == State.KILLED;
  }

  private static Target target(
      TargetResolver resolver,
      ObservationRecord r,
      java.util.function.BiPredicate<Compartment, Origin> includes,
      Set<String> countries)
      throws TargetResolver.UnresolvableException {
    return resolver
        .resolve(
            r.label(),
            r.month(),
            r.scope(),
            r.scopeId(),
            r.demographic(),
            r.measure(),
            r.range(),
            includes,
            countries == null ? o -> true : o -> o.country() && countries.contains(o.id()))
        .target();
  }

  /**
   * The countries that had published a figure of each measure: from the subjects ({@code
   * country:ISO:demographic:measure}) of the figures public by the forecast date.
   *
   * @param figures the figures published by the date
   * @return for each measure id, the ISO codes, sorted
   */
  public static Map<String, Set<String>> reportingCountries(List<ReportedFigure> figures) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (ReportedFigure f : figures) {
      String[] p = f.subject().split(":", -1);
      if (p.length == 4 && p[0].equals("country")) {
        out.computeIfAbsent(p[3], k -> new TreeSet<>()).add(p[1]);
      }
    }
    return out;
  }

  private static String fmt(double w) {
    return String.format(java.util.Locale.ROOT, "%.2f", w);
  }
}
