package org.dispersal.hindcast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.calibration.AbcSmc;
import org.dispersal.calibration.ModelCalibration;
import org.dispersal.calibration.Posterior;
import org.dispersal.calibration.PosteriorEnsemble;
import org.dispersal.calibration.Target;
import org.dispersal.calibration.TargetResolver;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Scenario;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.observation.ObservationTargets;
import org.dispersal.observation.Publication;
import org.dispersal.random.RandomStreams;
import org.dispersal.reporting.Definition;
import org.dispersal.reporting.FigureDefinitions;
import org.dispersal.reporting.Reporters;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.reporting.SourceType;
import org.dispersal.scoring.Baselines;
import org.dispersal.scoring.ForecastScore;
import org.dispersal.scoring.PublishedDensity;
import org.dispersal.scoring.Scores;

/**
 * A hindcast: freeze the information set at an as-of date, calibrate on the figures published by
 * then, forecast, and score every figure dated after it against the forecast and two baselines.
 *
 * <p>The scenario passed in must already have been read as of the date (its initial stocks built
 * from the sources published by then). Figures are split by the caller's {@link Publication}: those
 * published by the as-of date may calibrate the parameters and give the trend baseline its history;
 * those dated after it (first possible day later than the as-of date) are scored. Every row ends up
 * in exactly one of: used for calibration, scored, or listed with the reason it was neither.
 *
 * <p>With a {@link Reporting} the forecast of each scored figure, and persistence's, is the
 * predictive distribution of what the figure's source will publish: {@link #REPORTING_DRAWS}
 * reporting errors of the source's type for each replication's count ({@link
 * ReportingModel#published}). Without one it is the model's count itself.
 */
public final class Hindcast {

  private Hindcast() {}

  /** Reporting errors drawn for each replication's count of a scored figure. */
  public static final int REPORTING_DRAWS = 4;

  /**
   * How sources report: the model estimated from what was published by the as-of date, and the type
   * of each source.
   *
   * @param model the reporting model
   * @param sourceType the type of a {@code source_id}
   */
  public record Reporting(ReportingModel model, Function<String, SourceType> sourceType) {}

  /**
   * Settings.
   *
   * @param asOf the as-of date
   * @param runs forecast replications
   * @param seed master seed
   * @param threads worker threads
   * @param particles ABC-SMC population
   * @param simulations ABC-SMC simulation budget; 0 skips calibration (priors only)
   */
  public record Settings(
      LocalDate asOf, int runs, long seed, int threads, int particles, int simulations) {}

  /**
   * One observation's outcome.
   *
   * @param record the row
   * @param status scored, calibration, or not_scored
   * @param month the forecast month, or -1
   * @param score the model's scores, or null
   * @param crpsPersistence persistence baseline CRPS (NaN if not scored)
   * @param crpsTrend trend baseline CRPS (NaN if no history)
   * @param trend the trend baseline's value (NaN if none)
   * @param fleeArd Flee's averaged relative difference of the row's group (NaN where it does not
   *     apply)
   * @param sample the ensemble sample (null if not scored)
   * @param note the reason a row was not scored, or a caveat
   * @param latent the model's count of what the figure counts in each replication, before any
   *     reporting error (null if not scored)
   * @param logScore the log predictive probability of the published figure: the mean over
   *     replications of the reporting model's exact probability of it ({@link PublishedDensity});
   *     NaN if not scored or scored without the reporting model
   */
  public record Row(
      ObservationRecord record,
      String status,
      int month,
      ForecastScore score,
      double crpsPersistence,
      double crpsTrend,
      double trend,
      double fleeArd,
      double[] sample,
      String note,
      double[] latent,
      double logScore) {

    /** A row without the latent sample or a log score. */
    public Row(
        ObservationRecord record,
        String status,
        int month,
        ForecastScore score,
        double crpsPersistence,
        double crpsTrend,
        double trend,
        double fleeArd,
        double[] sample,
        String note) {
      this(
          record,
          status,
          month,
          score,
          crpsPersistence,
          crpsTrend,
          trend,
          fleeArd,
          sample,
          note,
          null,
          Double.NaN);
    }
  }

  /**
   * The result.
   *
   * @param scenario the scenario as of the date
   * @param rows every observation row
   * @param calibration the calibration, or null when no figure published by the date resolves
   * @param calibrationRows rows used for calibration
   * @param seconds wall time of the calibration
   * @param asOf the forecast date: only figures published by then were used
   * @param reporting the reporting model the scored forecasts went through, or null for none
   */
  public record Result(
      Scenario scenario,
      List<Row> rows,
      ModelCalibration.Result calibration,
      List<ObservationTargets.Resolved> calibrationRows,
      double seconds,
      LocalDate asOf,
      ReportingModel reporting) {

    /** Scored rows. */
    public List<Row> scored() {
      return rows.stream().filter(r -> r.score() != null).toList();
    }
  }

  /**
   * Runs a hindcast.
   *
   * @param scenario the scenario, read as of {@code s.asOf()}
   * @param publication when each figure became public (the shipped data is one)
   * @param records the observed figures, in the order the rows are reported
   * @param s the settings
   * @param progress told of each finished forecast replication
   * @return every row with its outcome, and the calibration
   */
  public static Result run(
      Scenario scenario,
      Publication publication,
      List<ObservationRecord> records,
      Settings s,
      IntConsumer progress) {
    return run(scenario, publication, records, s, null, progress);
  }

  /**
   * Runs a hindcast whose forecasts are of the published figures.
   *
   * @param scenario the scenario, read as of {@code s.asOf()}
   * @param publication when each figure became public (the shipped data is one)
   * @param records the observed figures, in the order the rows are reported
   * @param s the settings
   * @param reporting how sources report, estimated from what was published by {@code s.asOf()};
   *     null forecasts the model's counts themselves
   * @param progress told of each finished forecast replication
   * @return every row with its outcome, and the calibration
   */
  public static Result run(
      Scenario scenario,
      Publication publication,
      List<ObservationRecord> records,
      Settings s,
      Reporting reporting,
      IntConsumer progress) {
    return run(scenario, publication, records, s, reporting, null, progress);
  }

  /**
   * Runs a hindcast whose forecasts are of the published figures under their definitions.
   *
   * @param scenario the scenario, read as of {@code s.asOf()}
   * @param publication when each figure became public (the shipped data is one)
   * @param records the observed figures, in the order the rows are reported
   * @param s the settings
   * @param reporting how sources report, estimated from what was published by {@code s.asOf()};
   *     null forecasts the model's counts themselves
   * @param reporters the countries that had published a figure of each measure by {@code s.asOf()},
   *     and the pace of new ones ({@link Reporters}); non-null switches the definitional mappings
   *     on ({@link FigureDefinitions}): each scored figure, its persistence baseline and its trend
   *     history follow the figure's definition, a {@code reporting_countries} total adds the new
   *     reporters drawn for its publication date; null compares every figure with the count of its
   *     measure
   * @param progress told of each finished forecast replication
   * @return every row with its outcome, and the calibration
   */
  public static Result run(
      Scenario scenario,
      Publication publication,
      List<ObservationRecord> records,
      Settings s,
      Reporting reporting,
      Reporters reporters,
      IntConsumer progress) {
    CompiledModel model = new CompiledModel(scenario);
    List<ObservationRecord> known = new ArrayList<>();
    for (ObservationRecord r : records) {
      if (r.publishedBy(s.asOf(), publication)) {
        known.add(r);
      }
    }
    ObservationTargets calib = ObservationTargets.resolve(model, known);
    ModelCalibration.Result cal = null;
    long t0 = System.nanoTime();
    if (!calib.resolved().isEmpty() && s.simulations() > 0) {
      // The calibration compares each figure under its definition too, when the mappings are on.
      List<ModelCalibration.Defined> definitions =
          reporters == null
              ? null
              : ModelCalibration.define(
                  model,
                  calib.resolved().stream().map(ObservationTargets.Resolved::record).toList(),
                  calib.targets(),
                  reporters.countries());
      ModelCalibration.Reported reported =
          reporting == null && definitions == null
              ? null
              : new ModelCalibration.Reported(
                  reporting == null ? null : reporting.model(),
                  reporting == null
                      ? List.of()
                      : calib.resolved().stream()
                          .map(r -> reporting.sourceType().apply(r.record().sourceId()))
                          .toList(),
                  definitions);
      cal =
          ModelCalibration.calibrate(
              model,
              calib.targets(),
              new AbcSmc.Settings(s.particles(), s.simulations(), 0.5, s.threads(), s.seed()),
              reported);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Posterior posterior = cal == null ? null : cal.posterior();

    List<ObservationRecord> toScore = new ArrayList<>();
    Map<ObservationRecord, String> reasons = new LinkedHashMap<>();
    for (ObservationRecord r : records) {
      if (r.datedAfter(s.asOf())) {
        toScore.add(r);
      }
    }
    ObservationTargets scored = ObservationTargets.resolve(model, toScore);
    for (ObservationTargets.Unresolved u : scored.unresolved()) {
      reasons.put(u.record(), u.reason());
    }
    // Each scored figure observes one target (its count) or, with the definitional mappings, the
    // targets of every definition it may have; first[t] is the index of its first target.
    List<FigureDefinitions.Mapping> mappings = new ArrayList<>();
    List<Target> observed = new ArrayList<>();
    int[] first = new int[scored.resolved().size()];
    if (reporters != null) {
      TargetResolver resolver = new TargetResolver(model);
      List<ObservationTargets.Resolved> kept = new ArrayList<>();
      for (ObservationTargets.Resolved res : scored.resolved()) {
        try {
          FigureDefinitions.Mapping m = FigureDefinitions.map(resolver, res.record(), reporters);
          first[kept.size()] = observed.size();
          kept.add(res);
          mappings.add(m);
          observed.addAll(m.targets());
        } catch (TargetResolver.UnresolvableException e) {
          reasons.put(res.record(), e.getMessage());
        }
      }
      scored = new ObservationTargets(List.copyOf(kept), scored.unresolved());
    } else {
      for (int t = 0; t < first.length; t++) {
        first[t] = t;
      }
      observed.addAll(scored.targets());
    }
    PosteriorEnsemble.Result ens =
        PosteriorEnsemble.run(
            model, posterior, s.runs(), s.seed(), s.threads(), observed, false, progress);
    double[][] ensSamples = ens.samples();
    double[][] ensStart = ens.start();

    Map<ObservationRecord, Row> byRecord = new LinkedHashMap<>();
    long reportingBase =
        RandomStreams.stream(s.seed(), 0, RandomStreams.Purpose.REPORTING).nextLong();
    for (int t = 0; t < scored.resolved().size(); t++) {
      ObservationTargets.Resolved res = scored.resolved().get(t);
      ObservationRecord r = res.record();
      FigureDefinitions.Mapping mapping = mappings.isEmpty() ? null : mappings.get(t);
      double[] latent = defined(mapping, reportingBase, r, "|definition", ensSamples, first[t]);
      double[] latentStart =
          defined(mapping, reportingBase, r, "|definition|start", ensStart, first[t]);
      double[] sample = published(reporting, reportingBase, r, "", latent);
      double[] start = published(reporting, reportingBase, r, "|start", latentStart);
      ForecastScore score = ForecastScore.of(sample, r.range());
      double logScore =
          reporting == null
              ? Double.NaN
              : PublishedDensity.logProbability(
                  latent, reporting.model(), reporting.sourceType().apply(r.sourceId()), r.range());
      double persistence = Scores.crps(start, r.range());
      List<Baselines.Point> history = new ArrayList<>();
      for (ObservationRecord k : known) {
        if (k.scope().equals(r.scope())
            && k.scopeId().equals(r.scopeId())
            && k.demographic().equals(r.demographic())
            && k.measure() == r.measure()
            && sameDefinition(mapping, k, r)) {
          history.add(new Baselines.Point(k.lastDay().toEpochDay(), k.range().representative()));
        }
      }
      double trend = Baselines.trend(history, r.lastDay().toEpochDay(), r.measure().cumulative());
      double crpsTrend = Double.isNaN(trend) ? Double.NaN : Scores.crpsPoint(trend, r.range());
      String note = mapping == null ? res.note() : join(res.note(), mapping.note());
      if (Double.isNaN(trend)) {
        note =
            join(
                note,
                "no trend baseline: no figure for this scope and measure published by " + s.asOf());
      }
      byRecord.put(
          r,
          new Row(
              r,
              "scored",
              res.target().month(),
              score,
              persistence,
              crpsTrend,
              trend,
              Double.NaN,
              sample,
              note,
              latent,
              logScore));
    }
    // Flee's averaged relative difference: country point figures of one measure and date.
    Map<String, List<ObservationRecord>> groups = new LinkedHashMap<>();
    for (ObservationRecord r : byRecord.keySet()) {
      if (r.scope().equals("country") && r.low() != null && r.low().equals(r.high())) {
        groups
            .computeIfAbsent(
                r.measure().id() + "|" + r.date() + "|" + r.demographic(), k -> new ArrayList<>())
            .add(r);
      }
    }
    for (List<ObservationRecord> g : groups.values()) {
      if (g.size() < 2) {
        continue;
      }
      double[] f = new double[g.size()];
      double[] o = new double[g.size()];
      for (int i = 0; i < g.size(); i++) {
        f[i] = byRecord.get(g.get(i)).score().p50();
        o[i] = g.get(i).low();
      }
      double ard = Baselines.averagedRelativeDifference(f, o);
      for (ObservationRecord r : g) {
        Row old = byRecord.get(r);
        byRecord.put(
            r,
            new Row(
                r,
                old.status(),
                old.month(),
                old.score(),
                old.crpsPersistence(),
                old.crpsTrend(),
                old.trend(),
                ard,
                old.sample(),
                old.note(),
                old.latent(),
                old.logScore()));
      }
    }
    List<Row> rows = new ArrayList<>();
    Set<ObservationRecord> usedForCalibration = new HashSet<>();
    calib.resolved().forEach(r -> usedForCalibration.add(r.record()));
    for (ObservationRecord r : records) {
      Row row = byRecord.get(r);
      if (row != null) {
        rows.add(row);
      } else if (usedForCalibration.contains(r)) {
        rows.add(
            notScored(r, "calibration", "published by " + s.asOf() + ": used for calibration"));
      } else if (reasons.containsKey(r)) {
        rows.add(notScored(r, "not_scored", reasons.get(r)));
      } else if (r.publishedBy(s.asOf(), publication)) {
        String why =
            calib.unresolved().stream()
                .filter(u -> u.record().equals(r))
                .map(ObservationTargets.Unresolved::reason)
                .findFirst()
                .orElse("");
        rows.add(
            notScored(
                r,
                "not_scored",
                "published by "
                    + s.asOf()
                    + " (trend history only; not usable for calibration: "
                    + why
                    + ")"));
      } else {
        rows.add(
            notScored(
                r,
                "not_scored",
                "dated "
                    + r.date()
                    + ", not after the as-of date "
                    + s.asOf()
                    + ", but published after it: describes the past, not the forecast"));
      }
    }
    return new Result(
        scenario,
        rows,
        cal,
        calib.resolved(),
        seconds,
        s.asOf(),
        reporting == null ? null : reporting.model());
  }

  /**
   * The model's version of a figure in each replication: the count of its target without
   * definitional mappings, else its mapping's sample from a stream keyed by the figure (and the new
   * reporters from a second one, so that they change none of the figure's other draws).
   */
  private static double[] defined(
      FigureDefinitions.Mapping mapping,
      long base,
      ObservationRecord r,
      String part,
      double[][] samples,
      int first) {
    if (mapping == null) {
      return samples[first];
    }
    int n = mapping.targets().size();
    double[][] own = new double[n][];
    for (int k = 0; k < n; k++) {
      own[k] = samples[first + k];
    }
    return mapping.sample(
        own,
        RandomStreams.substream(base, RandomStreams.key(figureKey(r) + part)),
        RandomStreams.substream(base, RandomStreams.key(figureKey(r) + part + "|reporters")));
  }

  /**
   * Whether an earlier figure may serve as the trend history of a scored one: with the mappings on,
   * only when their definitions agree or either is unknown.
   */
  private static boolean sameDefinition(
      FigureDefinitions.Mapping mapping, ObservationRecord earlier, ObservationRecord scored) {
    if (mapping == null) {
      return true;
    }
    Definition a = FigureDefinitions.given(earlier);
    Definition b = FigureDefinitions.given(scored);
    return a == null || b == null || a == b;
  }

  private static String figureKey(ObservationRecord r) {
    return r.file().substring(r.file().lastIndexOf('/') + 1) + ":" + r.line() + ":" + r.sourceId();
  }

  /**
   * The forecast of what the figure's source will publish: each count's reporting errors come from
   * a stream keyed by the figure (its file's name, line and source), so adding a figure changes no
   * other figure's draws and the folder the file sits in does not matter.
   */
  private static double[] published(
      Reporting reporting, long base, ObservationRecord r, String part, double[] latent) {
    if (reporting == null) {
      return latent;
    }
    UniformRandomProvider rng =
        RandomStreams.substream(
            base,
            RandomStreams.key(
                r.file().substring(r.file().lastIndexOf('/') + 1)
                    + ":"
                    + r.line()
                    + ":"
                    + r.sourceId()
                    + part));
    return reporting
        .model()
        .published(latent, reporting.sourceType().apply(r.sourceId()), rng, REPORTING_DRAWS);
  }

  private static Row notScored(ObservationRecord r, String status, String reason) {
    return new Row(
        r, status, -1, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, reason);
  }

  private static String join(String a, String b) {
    return a == null || a.isEmpty() ? b : a + "; " + b;
  }
}
