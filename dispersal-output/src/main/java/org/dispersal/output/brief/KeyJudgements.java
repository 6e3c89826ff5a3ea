package org.dispersal.output.brief;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.dispersal.ensemble.Statistic;
import org.dispersal.hypotheses.Icd203;
import org.dispersal.model.State;

/**
 * The key judgements of a brief: statements about world totals in the words of ICD 203 ({@link
 * Icd203}), each with the probability and the number behind it.
 *
 * <p><b>Where the probabilities come from.</b> A judgement reads one quantile of the ensemble: if
 * the 25th percentile of a count is q, about 75% of the replications have at least q, so "at least
 * q" is judged with probability 0.75; if the 95th percentile is q, about 5% of replications exceed
 * q. The probability is the share of replications, read from the quantiles the summary keeps (5th,
 * 25th, 50th, 75th, 95th); it is "about" because the quantiles are interpolated between
 * replications and rounded to whole people. It is the model's probability given its assumptions,
 * not a calibrated one: the hindcast's 90% intervals held far fewer than 90% of later figures,
 * which the brief's track record says next to the judgements.
 */
public final class KeyJudgements {

  private KeyJudgements() {}

  /**
   * One judgement.
   *
   * @param probability the share of replications behind it
   * @param term the ICD 203 term of that probability
   * @param sentence the judgement, beginning with the term
   * @param basis the numbers behind it: median and 90% interval
   */
  public record Judgement(double probability, Icd203 term, String sentence, String basis) {}

  /** Which quantile a statement reads. */
  enum Side {
    /** "at least the 5th percentile": about 95%. */
    AT_LEAST_P05(0.95),
    /** "at least the 25th percentile": about 75%. */
    AT_LEAST_P25(0.75),
    /** "more than the 75th percentile": about 25%. */
    MORE_THAN_P75(0.25),
    /** "more than the 95th percentile": about 5%. */
    MORE_THAN_P95(0.05);

    final double probability;

    Side(double probability) {
      this.probability = probability;
    }

    int value(Statistic s) {
      return switch (this) {
        case AT_LEAST_P05 -> s.p05();
        case AT_LEAST_P25 -> s.p25();
        case MORE_THAN_P75 -> s.p75();
        case MORE_THAN_P95 -> s.p95();
      };
    }
  }

  /**
   * The judgements of a forecast: killed and disengaged returnees, insurgents, relocated and
   * attacks, at +24 months (or the horizon if shorter) and at the horizon.
   *
   * @param f the forecast
   * @param start the date of month 0
   */
  public static List<Judgement> of(BriefForecast f, YearMonth start) {
    int h = f.horizon();
    int mid = Math.min(24, h);
    List<Judgement> out = new ArrayList<>();
    add(out, f, start, State.KILLED, mid, Side.AT_LEAST_P25, "will have been killed");
    add(
        out,
        f,
        start,
        State.DISENGAGED,
        h,
        Side.AT_LEAST_P05,
        "will be back in their home countries as disengaged returnees");
    add(
        out,
        f,
        start,
        State.INSURGENT,
        mid,
        Side.MORE_THAN_P75,
        "will still be fighting as insurgents in the core theatre");
    add(
        out,
        f,
        start,
        State.RELOCATED,
        h,
        Side.MORE_THAN_P95,
        "will have relocated to a third theatre");
    add(
        out,
        f,
        start,
        State.ATTACK,
        h,
        Side.MORE_THAN_P95,
        "will have carried out an attack as dispatched operatives");
    return out;
  }

  /**
   * A judgement on one state at one month, or none where the quantile is 0 (a statement about "at
   * least 0" says nothing).
   */
  static void add(
      List<Judgement> out,
      BriefForecast f,
      YearMonth start,
      State state,
      int month,
      Side side,
      String what) {
    Statistic s = f.at(month, state);
    int q = side.value(s);
    if (q <= 0 && (side == Side.AT_LEAST_P05 || side == Side.AT_LEAST_P25)) {
      return;
    }
    Icd203 term = Icd203.of(side.probability);
    String amount =
        (side == Side.AT_LEAST_P05 || side == Side.AT_LEAST_P25 ? "at least " : "more than ")
            + Numbers.count(q);
    String sentence =
        capitalise(term.words())
            + " (about "
            + Math.round(100 * side.probability)
            + "%"
            + ") that "
            + amount
            + " of the "
            + Numbers.count(Numbers.roundPeople(f.people()))
            + " foreigners "
            + what
            + " by +"
            + month
            + " months ("
            + Numbers.month(start.plusMonths(month))
            + ").";
    String basis =
        "Median "
            + Numbers.count(s.p50())
            + ", 90% interval "
            + Numbers.interval(s)
            + "; "
            + (side == Side.AT_LEAST_P05 || side == Side.AT_LEAST_P25 ? "the " : "above the ")
            + quantileName(side)
            + " percentile.";
    out.add(new Judgement(side.probability, term, sentence, basis));
  }

  private static String quantileName(Side side) {
    return switch (side) {
      case AT_LEAST_P05 -> "5th";
      case AT_LEAST_P25 -> "25th";
      case MORE_THAN_P75 -> "75th";
      case MORE_THAN_P95 -> "95th";
    };
  }

  private static String capitalise(String words) {
    return "It is " + words;
  }
}
