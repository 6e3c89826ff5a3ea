package org.dispersal.hypotheses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The odds-form update, its reliability discount and the ICD 203 scale against hand computation.
 */
class HypothesesArithmeticTest {

  private static final double EPS = 1e-12;

  @Test
  void fullyReliableUpdateMatchesHandComputedOdds() {
    // Priors 0.5, 0.3, 0.2; P(E | H) = 0.8, 0.4, 0.1.
    // P(E) = 0.5*0.8 + 0.3*0.4 + 0.2*0.1 = 0.40 + 0.12 + 0.02 = 0.54.
    // Posteriors: 0.40/0.54 = 20/27, 0.12/0.54 = 6/27, 0.02/0.54 = 1/27.
    // Odds form: H1:H2 prior 5:3, LR 0.8/0.4 = 2, posterior 10:3 = (20/27)/(6/27). H1:H3 prior
    // 5:2, LR 8, posterior 20:1.
    OddsUpdate.Step s =
        OddsUpdate.apply(new double[] {0.5, 0.3, 0.2}, new double[] {0.8, 0.4, 0.1}, 1.0);
    assertThat(s.predictive()).isCloseTo(0.54, within(EPS));
    assertThat(s.after()[0]).isCloseTo(20.0 / 27, within(EPS));
    assertThat(s.after()[1]).isCloseTo(6.0 / 27, within(EPS));
    assertThat(s.after()[2]).isCloseTo(1.0 / 27, within(EPS));
    assertThat(s.after()[0] / s.after()[1]).isCloseTo(10.0 / 3, within(EPS));
    assertThat(s.after()[0] / s.after()[2]).isCloseTo(20.0, within(1e-9));
    // LR against the mixture: 0.8/0.54; odds of H1 against the rest go from 1 to 20/7.
    assertThat(s.likelihoodRatios()[0]).isCloseTo(0.8 / 0.54, within(EPS));
    assertThat(s.oddsBefore(0)).isCloseTo(1.0, within(EPS));
    assertThat(s.oddsAfter(0)).isCloseTo(20.0 / 7, within(1e-9));
  }

  @Test
  void reliabilityDiscountMixesPosteriorAndPrior() {
    // Same numbers, r = 0.5: LR_eff = 0.5 * LR + 0.5, w' = w * LR_eff.
    // H1: 0.5 * (0.5 * 0.8/0.54 + 0.5) = 0.5 * 20/27 + 0.25 = 67/108.
    // H2: 0.3 * (0.5 * 0.4/0.54 + 0.5) = 3/27 + 0.15 = 0.2611...= 3/27 + 3/20.
    // H3: 0.2 * (0.5 * 0.1/0.54 + 0.5) = 1/54 + 0.1.
    OddsUpdate.Step s =
        OddsUpdate.apply(new double[] {0.5, 0.3, 0.2}, new double[] {0.8, 0.4, 0.1}, 0.5);
    assertThat(s.after()[0]).isCloseTo(67.0 / 108, within(EPS));
    assertThat(s.after()[1]).isCloseTo(3.0 / 27 + 3.0 / 20, within(EPS));
    assertThat(s.after()[2]).isCloseTo(1.0 / 54 + 0.1, within(EPS));
    assertThat(s.after()[0] + s.after()[1] + s.after()[2]).isCloseTo(1, within(EPS));
    assertThat(s.effectiveRatios()[0]).isCloseTo(0.5 * 0.8 / 0.54 + 0.5, within(EPS));
  }

  @Test
  void unreliableReportChangesNothing() {
    double[] w = {0.25, 0.75};
    OddsUpdate.Step s = OddsUpdate.apply(w, new double[] {0.9, 0.1}, 0.0);
    assertThat(s.after()).containsExactly(w);
    assertThat(s.shift()).isZero();
  }

  @Test
  void updaterAppliesEvidenceInDateOrderAndRecordsTheTrail() {
    // Two hypotheses, priors 0.6 and 0.4. Indicator A (P = 0.9 / 0.3) is seen on 2017-03-10 with
    // reliability 1; indicator B (P = 0.2 / 0.5, coverage 1) closes unseen on 2017-03-31.
    // After A: 0.54 / (0.54 + 0.12) = 9/11 and 2/11.
    // After B (not seen: 0.8 / 0.5): (9/11 * 0.8) / (9/11 * 0.8 + 2/11 * 0.5) = 7.2 / 8.2 = 36/41.
    HypothesisSet set =
        new HypothesisSet(
            List.of(hypothesis("a", 0.6), hypothesis("b", 0.4)),
            List.of(
                indicator("seen", "attack", 1, "2017-03-01", "2017-06-30", null, 0.9, 0.3),
                indicator("quiet", "arrest", 1, "2017-03-01", "2017-03-31", 1.0, 0.2, 0.5)));
    List<Event> events =
        List.of(
            event("e1", "attack", "2017-03-10", "LBY", "Sirte", 1.0),
            event("e2", "attack", "2017-04-02", "LBY", "Sirte", 1.0));
    Updater.Result r = Updater.run(set, events, LocalDate.parse("2017-03-31"), 1);
    assertThat(r.trail()).hasSize(2);
    assertThat(r.trail().get(0).indicator().id()).isEqualTo("seen");
    assertThat(r.trail().get(0).update().after()[0]).isCloseTo(9.0 / 11, within(EPS));
    assertThat(r.trail().get(1).observed()).isFalse();
    assertThat(r.posterior()[0]).isCloseTo(36.0 / 41, within(EPS));
    assertThat(r.events().get(1).use()).isEqualTo(Updater.AFTER_AS_OF);
    assertThat(r.statuses().get(0).outcome()).isEqualTo(Updater.Outcome.OBSERVED);
    assertThat(r.statuses().get(1).outcome()).isEqualTo(Updater.Outcome.NOT_OBSERVED);
  }

  @Test
  void thresholdUsesTheWeakestNeededReport() {
    // Needs 2 incidents; reliabilities 0.9, 0.6, 0.8: the two most reliable are 0.9 and 0.8, so
    // the evidence counts with r = 0.8, dated by the second incident in date order.
    HypothesisSet set =
        evenOdds(indicator("two", "attack", 2, "2017-01-01", "2017-12-31", null, 0.8, 0.2));
    List<Event> events =
        List.of(
            event("x", "attack", "2017-02-01", "IRQ", "Mosul", 0.9),
            event("y", "attack", "2017-02-05", "IRQ", "Kirkuk", 0.6),
            event("z", "attack", "2017-02-20", "IRQ", "Tikrit", 0.8));
    Updater.Result r = Updater.run(set, events, LocalDate.parse("2017-12-31"), 1);
    Updater.Evidence e = r.trail().get(0);
    assertThat(e.update().reliability()).isEqualTo(0.8);
    assertThat(e.date()).isEqualTo(LocalDate.parse("2017-02-05"));
    // 0.8 * (0.8 / 0.5) + 0.2 = 1.48; 0.5 * 1.48 = 0.74.
    assertThat(r.posterior()[0]).isCloseTo(0.74, within(EPS));
  }

  @Test
  void windowClosedWithoutCoverageIsNotEvidence() {
    HypothesisSet set =
        evenOdds(indicator("quiet", "arrest", 1, "2017-01-01", "2017-01-31", null, 0.9, 0.1));
    Updater.Result r = Updater.run(set, List.of(), LocalDate.parse("2017-06-01"), 1);
    assertThat(r.trail()).isEmpty();
    assertThat(r.posterior()).containsExactly(0.5, 0.5);
    assertThat(r.statuses().get(0).outcome()).isEqualTo(Updater.Outcome.NOT_OBSERVED_UNUSED);
  }

  @Test
  void duplicateGuardCountsOneIncidentOnce() {
    List<Event> events =
        List.of(
            event("a1", "attack", "2017-03-10", "FRA", "Paris", 0.7),
            // same place and type one day later: the same incident, more reliable, so kept
            event("a2", "attack", "2017-03-11", "FRA", " paris ", 0.9),
            // three days later: a different incident under a one-day window
            event("a3", "attack", "2017-03-14", "FRA", "Paris", 0.9),
            // no location: kept, matched by incident id only
            event("a4", "attack", "2017-03-10", "FRA", "", 0.9),
            withIncident(event("b1", "arrest", "2017-03-01", "BEL", "", 0.8), "INC-7"),
            withIncident(event("b2", "arrest", "2017-03-20", "BEL", "", 0.8), "INC-7"));
    DuplicateGuard.Result r = DuplicateGuard.apply(events, 1);
    assertThat(r.kept()).extracting(Event::id).containsExactly("a2", "a3", "a4", "b1");
    assertThat(r.duplicates()).hasSize(2);
    assertThat(r.duplicates().get(0).event().id()).isEqualTo("a1");
    assertThat(r.duplicates().get(0).keptId()).isEqualTo("a2");
    assertThat(r.duplicates().get(0).reason()).contains("date within 1 day");
    assertThat(r.duplicates().get(1).keptId()).isEqualTo("b1");
    assertThat(r.duplicates().get(1).reason()).contains("INC-7");
    // With a three-day window, a1, a2 and a3 are one incident.
    assertThat(DuplicateGuard.apply(events, 3).kept())
        .extracting(Event::id)
        .containsExactly("a2", "a4", "b1");
  }

  @Test
  void duplicatesDoNotMoveTheWeightsTwice() {
    HypothesisSet set =
        evenOdds(indicator("two", "attack", 2, "2017-01-01", "2017-12-31", null, 0.8, 0.2));
    List<Event> twice =
        List.of(
            event("r1", "attack", "2017-05-01", "TUN", "Ben Gardane", 1.0),
            event("r2", "attack", "2017-05-01", "TUN", "Ben Gardane", 1.0));
    Updater.Result r = Updater.run(set, twice, LocalDate.parse("2017-06-30"), 1);
    assertThat(r.statuses().get(0).outcome()).isEqualTo(Updater.Outcome.PENDING);
    assertThat(r.trail()).isEmpty();
    assertThat(r.events().get(1).use()).isEqualTo(Updater.DUPLICATE);
    assertThat(r.events().get(1).detail()).startsWith("of r1");
  }

  @Test
  void diagnosticityFlagsFlatIndicators() {
    Indicator flat = indicator("flat", "attack", 1, "2017-01-01", "2017-12-31", null, 0.6, 0.65);
    Indicator sharp = indicator("sharp", "attack", 1, "2017-01-01", "2017-12-31", null, 0.9, 0.1);
    double[] w = {0.5, 0.5};
    Diagnosticity f = Diagnosticity.of(flat, w, Diagnosticity.FLAT_FACTOR);
    // 0.65 / 0.6 = 1.083; 0.4 / 0.35 = 1.143: both at most 1.2.
    assertThat(f.ratioIfObserved()).isCloseTo(0.65 / 0.6, within(EPS));
    assertThat(f.ratioIfNotObserved()).isCloseTo(0.4 / 0.35, within(EPS));
    assertThat(f.flat()).isTrue();
    Diagnosticity s = Diagnosticity.of(sharp, w, Diagnosticity.FLAT_FACTOR);
    assertThat(s.flat()).isFalse();
    assertThat(s.ratioIfObserved()).isCloseTo(9, within(1e-9));
    assertThat(s.favoured()).isZero();
    // Mutual information: H(0.5) - H(0.9) = 1 - 0.468996 bits.
    double h09 = -(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1)) / Math.log(2);
    assertThat(s.expectedBits()).isCloseTo(1 - h09, within(1e-12));
    // Likelihoods a little apart are flat only if the ratio stays within the tolerance.
    Indicator rare = indicator("rare", "attack", 1, "2017-01-01", "2017-12-31", null, 0.01, 0.05);
    assertThat(Diagnosticity.of(rare, w, Diagnosticity.FLAT_FACTOR).flat()).isFalse();
  }

  @Test
  void watchListRanksTheMostInformativeFirst() {
    Indicator flat = indicator("flat", "attack", 1, "2017-01-01", "2017-12-31", 1.0, 0.6, 0.65);
    Indicator sharp = indicator("sharp", "attack", 1, "2017-01-01", "2017-12-31", 1.0, 0.9, 0.1);
    List<WatchList.Watch> w = WatchList.rank(List.of(flat, sharp), new double[] {0.5, 0.5}, 1.0);
    assertThat(w).extracting(x -> x.indicator().id()).containsExactly("sharp", "flat");
    // Sharp: P(seen) = 0.5, weights if seen 0.9/0.1, if not 0.1/0.9: shift 0.4 either way.
    assertThat(w.get(0).probabilitySeen()).isCloseTo(0.5, within(EPS));
    assertThat(w.get(0).expectedShift()).isCloseTo(0.4, within(EPS));
    assertThat(w.get(0).ifSeen()[0]).isCloseTo(0.9, within(EPS));
  }

  @Test
  void figureIndicatorUsesTheSurelyMetThresholdAndThePublicationDate() {
    // Returnees to Tunisia of at least 700, dated in 2017, known by the as-of date. The figure
    // 600-900 does not surely reach 700; 800 does, published 2017-03-15 with reliability 0.9.
    // Priors 0.5/0.5, P = 0.8/0.2: LR = 0.8/0.5 = 1.6, effective 0.9 * 1.6 + 0.1 = 1.54, so
    // 0.5 * 1.54 = 0.77.
    Indicator returns =
        new Indicator(
            "tun",
            "Returns to Tunisia",
            null,
            new FigureQuery("returned", "country", "TUN", 700, null),
            1,
            LocalDate.parse("2017-01-01"),
            LocalDate.parse("2017-12-31"),
            List.of(0.8, 0.2),
            null,
            "test");
    HypothesisSet set = evenOdds(returns);
    List<Figure> figures =
        List.of(
            figure("f1", "2017-02", "2017-02-20", 600, 900, 1.0),
            figure("f2", "2017-02", "2017-03-15", 800, 800, 0.9),
            figure("f3", "2017-05", "2017-11-01", 900, 900, 1.0));
    Updater.Result r = Updater.run(set, List.of(), figures, LocalDate.parse("2017-06-30"), 1);
    assertThat(r.trail()).hasSize(1);
    assertThat(r.trail().get(0).date()).isEqualTo(LocalDate.parse("2017-03-15"));
    assertThat(r.trail().get(0).basisIds()).containsExactly("f2");
    assertThat(r.posterior()[0]).isCloseTo(0.77, within(EPS));
    // Without figures the indicator is not evaluated at all.
    Updater.Result none = Updater.run(set, List.of(), LocalDate.parse("2018-06-30"), 1);
    assertThat(none.statuses().get(0).outcome()).isEqualTo(Updater.Outcome.NO_FIGURES);
    assertThat(none.trail()).isEmpty();
  }

  static Figure figure(String id, String month, String published, int low, int high, double r) {
    java.time.YearMonth m = java.time.YearMonth.parse(month);
    return new Figure(
        id,
        m.atDay(1),
        m.atEndOfMonth(),
        LocalDate.parse(published),
        "country",
        "TUN",
        "returned",
        low,
        high,
        r);
  }

  @ParameterizedTest
  @CsvSource({
    "0.0, ALMOST_NO_CHANCE",
    "0.0499, ALMOST_NO_CHANCE",
    "0.05, VERY_UNLIKELY",
    "0.1999, VERY_UNLIKELY",
    "0.20, UNLIKELY",
    "0.4499, UNLIKELY",
    "0.45, ROUGHLY_EVEN_CHANCE",
    "0.50, ROUGHLY_EVEN_CHANCE",
    "0.55, ROUGHLY_EVEN_CHANCE",
    "0.5501, LIKELY",
    "0.80, LIKELY",
    "0.8001, VERY_LIKELY",
    "0.95, VERY_LIKELY",
    "0.9501, ALMOST_CERTAIN",
    "1.0, ALMOST_CERTAIN"
  })
  void icd203Boundaries(double p, Icd203 expected) {
    assertThat(Icd203.of(p)).isEqualTo(expected);
  }

  @Test
  void icd203IsSymmetric() {
    for (int k = 0; k <= 1000; k++) {
      double p = k / 1000.0;
      assertThat(Icd203.of(p).ordinal() + Icd203.of(1 - p).ordinal())
          .as("p = %s", p)
          .isEqualTo(Icd203.values().length - 1);
    }
    assertThat(Icd203.describe(0.62)).isEqualTo("62% (likely)");
    assertThat(Icd203.describe(0.031)).isEqualTo("3.1% (almost no chance)");
    assertThatThrownBy(() -> Icd203.of(1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void largestRemainderAllocation() {
    // 10 runs at 0.45, 0.35, 0.20: quotas 4.5, 3.5, 2.0; floors 4, 3, 2 leave 1, which goes to
    // the earlier of the two equal remainders.
    assertThat(Allocation.largestRemainder(new double[] {0.45, 0.35, 0.20}, 10))
        .containsExactly(5, 3, 2);
    // 7 runs at 1/3 each: quotas 2.333: floors 2, 2, 2 and one left to the first.
    assertThat(Allocation.largestRemainder(new double[] {1, 1, 1}, 7)).containsExactly(3, 2, 2);
    // 100 runs at 0.004, 0.666, 0.33: quotas 0.4, 66.6, 33.0: floors 0, 66, 33; one left: to 66.6.
    assertThat(Allocation.largestRemainder(new double[] {0.004, 0.666, 0.33}, 100))
        .containsExactly(0, 67, 33);
    assertThat(Allocation.largestRemainder(new double[] {0, 1}, 3)).containsExactly(0, 3);
    assertThatThrownBy(() -> Allocation.largestRemainder(new double[] {0, 0}, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void allocationAlwaysAddsUpAndStaysWithinOneOfTheQuota() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
    for (int t = 0; t < 500; t++) {
      int k = 1 + rng.nextInt(8);
      double[] w = new double[k];
      double sum = 0;
      for (int i = 0; i < k; i++) {
        w[i] = rng.nextDouble();
        sum += w[i];
      }
      int n = rng.nextInt(2000);
      int[] parts = Allocation.largestRemainder(w, n);
      assertThat(java.util.Arrays.stream(parts).sum()).isEqualTo(n);
      for (int i = 0; i < k; i++) {
        assertThat(Math.abs(parts[i] - n * w[i] / sum)).isLessThan(1.0);
      }
    }
  }

  @Test
  void setRejectsMissingLikelihoods() {
    assertThatThrownBy(
            () ->
                new HypothesisSet(
                    List.of(hypothesis("a", 1), hypothesis("b", 1), hypothesis("c", 1)),
                    List.of(
                        indicator("i", "attack", 1, "2017-01-01", "2017-02-01", null, 0.5, 0.4))))
        .hasMessageContaining("gives 2 likelihoods for 3 hypotheses");
  }

  /** Hypotheses a and b at even odds, watching one indicator. */
  static HypothesisSet evenOdds(Indicator watched) {
    return new HypothesisSet(List.of(hypothesis("a", 0.5), hypothesis("b", 0.5)), List.of(watched));
  }

  static Hypothesis hypothesis(String id, double prior) {
    return new Hypothesis(id, "Hypothesis " + id, null, List.of(), prior, "test", List.of());
  }

  static Indicator indicator(
      String id, String type, int atLeast, String from, String to, Double coverage, double... p) {
    List<Double> l = java.util.Arrays.stream(p).boxed().toList();
    return new Indicator(
        id,
        id,
        new EventQuery(Set.of(type), Set.of(), Set.of(), null, 0),
        null,
        atLeast,
        LocalDate.parse(from),
        LocalDate.parse(to),
        l,
        coverage,
        "test");
  }

  static Event event(String id, String type, String date, String country, String place, double r) {
    LocalDate d = LocalDate.parse(date);
    return new Event(id, null, d, d, country, place, type, "", "", null, r, "", "test");
  }

  static Event withIncident(Event e, String incident) {
    return new Event(
        e.id(),
        incident,
        e.firstDay(),
        e.lastDay(),
        e.country(),
        e.location(),
        e.type(),
        e.subtype(),
        e.actor(),
        e.fatalities(),
        e.reliability(),
        e.source(),
        e.origin());
  }
}
