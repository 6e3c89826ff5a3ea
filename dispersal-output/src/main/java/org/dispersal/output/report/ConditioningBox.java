package org.dispersal.output.report;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.dispersal.assimilation.Assimilation;
import org.dispersal.output.page.Html;

/**
 * The report's "Conditioned on N figures published by DATE" box of a forecast made as of a date
 * ({@code dispersal forecast --as-of}): how many figures were used and set aside, the effective
 * sample size, and where the forecast starts and which months were used for conditioning only.
 */
final class ConditioningBox {

  private ConditioningBox() {}

  /** The box. */
  static String html(Assimilation.Plan plan, Assimilation.Result result) {
    YearMonth asOf = YearMonth.from(plan.asOf());
    StringBuilder h =
        new StringBuilder("<div class=\"summary\" id=\"conditioning\"><p><strong>Conditioned on ")
            .append(plan.used().size())
            .append(plan.used().size() == 1 ? " figure" : " figures")
            .append(" published by ")
            .append(Html.esc(plan.asOf().toString()))
            .append(".</strong> ");
    h.append(plan.setAside().size())
        .append(" other figures were set aside (published later, dated before the start, or not")
        .append(" a model target); <code>assimilation.csv</code> and <code>manifest.json</code>")
        .append(" list every figure with the reason. The initial stocks are the shared data known")
        .append(" by that date. ");
    if (!plan.used().isEmpty()) {
      h.append(
          String.format(
              Locale.ROOT,
              "The %s replications were resampled by the reporting model's likelihood of the"
                  + " figures: effective sample size %.0f (%.1f%%), %d distinct replications"
                  + " kept. ",
              Fmt.count(result.particles()),
              result.effectiveSampleSize(),
              100 * result.effectiveSampleSize() / result.particles(),
              result.distinct()));
    }
    if (result.filter() == Assimilation.Filter.MONTHLY && !result.steps().isEmpty()) {
      int vectors = result.steps().get(result.steps().size() - 1).parameterVectors();
      h.append(
          String.format(
              Locale.ROOT,
              "They were filtered month by month (%d steps, one per month with figures; the"
                  + " effective sample size above is the smallest step's), and every chosen copy"
                  + " continued with fresh random draws after its step's month, so the %s"
                  + " trajectories differ after the figures",
              result.steps().size(),
              Fmt.count(result.particles())));
      h.append(
          vectors > result.distinct()
              ? String.format(
                  Locale.ROOT,
                  "; the parameters moved at each step (Liu-West), so the copies hold %s"
                      + " distinct parameter vectors. ",
                  Fmt.count(vectors))
              : String.format(
                  Locale.ROOT,
                  " while the %d kept replications fix the parameters. ",
                  result.distinct()));
    }
    if (result.lowEffectiveSampleSize()) {
      h.append("<strong>Warning: the effective sample size is below ")
          .append(Math.round(100 * Assimilation.ESS_WARNING_SHARE))
          .append("% of the replications; the figures disagree with most of the ensemble, and")
          .append(" the intervals rest on few distinct replications.</strong> ");
    }
    YearMonth modelStart = plan.start();
    if (asOf.isAfter(modelStart)) {
      h.append("The forecast starts at ")
          .append(asOf)
          .append(" (month 0 of the tables): the model ran from the scenario's start, ")
          .append(modelStart)
          .append(", and its ")
          .append(ChronoUnit.MONTHS.between(modelStart, asOf))
          .append(" months before ")
          .append(asOf)
          .append(" were used for conditioning on these figures, not shown. Strongholds lost by")
          .append(" that date are lost; those still held cannot fall before it.");
    } else {
      h.append("The forecast starts at ")
          .append(modelStart)
          .append(" (month 0 of the tables), from the stocks published by ")
          .append(Html.esc(plan.asOf().toString()))
          .append("; before 2017 people still arrive in the core theatre (the arrival flow).");
    }
    return h.append("</p></div>").toString();
  }
}
