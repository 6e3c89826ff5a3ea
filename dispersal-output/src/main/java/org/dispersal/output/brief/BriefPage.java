package org.dispersal.output.brief;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dispersal.ensemble.Statistic;
import org.dispersal.hypotheses.Hypothesis;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.hypotheses.Icd203;
import org.dispersal.hypotheses.WatchList;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.dispersal.output.page.Html;

/**
 * The brief as one XHTML document with print CSS (A4, running footer with page numbers): key
 * judgements and the headline table on the first page, the fan chart, drivers and indicators next,
 * then the track record and the sources.
 */
final class BriefPage {

  /** The headline months, where within the horizon. */
  static final int[] HEADLINE_MONTHS = {6, 12, 24, 36};

  /** How many drivers and indicators the brief lists. */
  static final int TOP = 5;

  private static final String COLOUR = "#1f6f8b";

  private static final String CSS =
      "@page { size: A4; margin: 16mm 15mm 18mm 15mm;"
          + " @bottom-left { content: element(footer); }"
          + " @bottom-right { content: 'Page ' counter(page) ' of ' counter(pages);"
          + " font: 8pt Helvetica, sans-serif; color: #666; } }"
          + " body { font-family: Helvetica, sans-serif; font-size: 9.5pt; line-height: 1.35;"
          + " color: #1a1a1a; }"
          + " #footer { position: running(footer); font-size: 8pt; color: #666; }"
          + " h1 { font-size: 17pt; margin: 0 0 2pt 0; color: #0f3d4c; }"
          + " h2 { font-size: 12pt; margin: 12pt 0 4pt 0; color: #0f3d4c;"
          + " border-bottom: 0.8pt solid #9bb; padding-bottom: 1pt; page-break-after: avoid; }"
          + " .kicker { font-size: 8pt; text-transform: uppercase; letter-spacing: 1pt;"
          + " color: #666; margin: 0; }"
          + " .lede { margin: 2pt 0 4pt 0; }"
          + " .facts { font-size: 8pt; color: #444; margin: 0 0 4pt 0; }"
          + " ul.judgements { padding-left: 12pt; margin: 2pt 0; }"
          + " ul.judgements li { margin-bottom: 4pt; }"
          + " .term { font-weight: bold; }"
          + " .basis { display: block; font-size: 8pt; color: #555; }"
          + " .note { font-size: 8pt; color: #444; margin: 3pt 0; }"
          + " table { border-collapse: collapse; width: 100%; font-size: 8.5pt;"
          + " page-break-inside: avoid; }"
          + " th { text-align: left; border-bottom: 0.8pt solid #666; padding: 2pt 3pt; }"
          + " td { border-bottom: 0.4pt solid #ccc; padding: 1pt 3pt; vertical-align: top; }"
          + " td.num, th.num { text-align: right; white-space: nowrap; }"
          + " td.num span { white-space: nowrap; }"
          + " .med { font-weight: bold; }"
          + " .ci { color: #555; font-size: 7.5pt; }"
          + " .chart { page-break-inside: avoid; margin: 2pt 0; }"
          + " .keep { page-break-inside: avoid; }"
          + " .break { page-break-before: always; }"
          + " p.sources { font-size: 6.8pt; line-height: 1.25; margin: 2pt 0; text-align: justify; }"
          + " code { font-family: Courier, monospace; font-size: 8pt; }";

  private BriefPage() {}

  static String xhtml(Brief b, Map<String, String> citations) {
    Scenario s = b.scenario();
    BriefForecast f = b.forecast();
    StringBuilder h = new StringBuilder(32_000);
    h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
        .append("<meta charset=\"UTF-8\"/><title>")
        .append(esc("Brief: " + s.name()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>");
    h.append("<div id=\"footer\">")
        .append(esc("Dispersal brief, " + s.name() + ". " + b.produced()))
        .append("</div>");
    header(h, b);
    judgements(h, b);
    headline(h, b);
    chart(h, b);
    drivers(h, b);
    watch(h, b);
    track(h, b);
    sources(h, b, citations);
    h.append("</body></html>");
    return h.toString();
  }

  private static void header(StringBuilder h, Brief b) {
    Scenario s = b.scenario();
    BriefForecast f = b.forecast();
    h.append("<p class=\"kicker\">Dispersal: brief for policymakers</p>")
        .append("<h1>Where the foreign fighters go: ")
        .append(esc(s.name()))
        .append("</h1>");
    if (s.description() != null && !s.description().isBlank()) {
      h.append("<p class=\"lede\">").append(esc(s.description())).append("</p>");
    }
    h.append("<p class=\"facts\">")
        .append(
            esc(
                String.format(
                    Locale.ROOT,
                    "From %s, %d months to %s. %s: %,d replications, seed %d. People counted at the"
                        + " start: %s (mean).",
                    Numbers.month(s.start()),
                    s.months(),
                    Numbers.month(s.start().plusMonths(s.months())),
                    f.origin(),
                    f.replications(),
                    f.seed(),
                    Numbers.count(f.people()))))
        .append("</p>");
  }

  private static void judgements(StringBuilder h, Brief b) {
    h.append("<h2>Key judgements</h2><ul class=\"judgements\">");
    for (KeyJudgements.Judgement j : KeyJudgements.of(b.forecast(), b.scenario().start())) {
      String sentence = j.sentence();
      String lead = "It is " + j.term().words();
      h.append("<li><span class=\"term\">")
          .append(esc(lead))
          .append("</span>")
          .append(esc(sentence.substring(lead.length())))
          .append("<span class=\"basis\">")
          .append(esc(j.basis()))
          .append("</span></li>");
    }
    h.append("</ul><p class=\"note\">")
        .append(
            esc(
                "Words of estimative probability as in ICD 203: almost no chance below 5%, very"
                    + " unlikely 5-20%, unlikely 20-45%, roughly even chance 45-55%, likely 55-80%,"
                    + " very likely 80-95%, almost certain above 95%. Each probability is the share"
                    + " of the ensemble's replications read from its quantiles (at least the 25th"
                    + " percentile: about 75%; above the 95th: about 5%). It is the model's"
                    + " probability given its assumptions; the track record below shows its"
                    + " intervals have been too narrow."))
        .append("</p>");
  }

  private static void headline(StringBuilder h, Brief b) {
    BriefForecast f = b.forecast();
    List<Integer> months = headlineMonths(f.horizon());
    YearMonth start = b.scenario().start();
    h.append("<div class=\"keep\"><h2>Headline: world totals</h2><table><thead><tr>")
        .append("<th>Pathway or state</th>");
    for (int m : months) {
      h.append("<th class=\"num\">+")
          .append(m)
          .append(" months<br/><span class=\"ci\">")
          .append(esc(Numbers.month(start.plusMonths(m))))
          .append("</span></th>");
    }
    h.append("</tr></thead><tbody>");
    for (State st : State.HEADLINE) {
      h.append("<tr><td>").append(pathway(st)).append(esc(st.label())).append("</td>");
      for (int m : months) {
        Statistic x = f.at(m, st);
        h.append("<td class=\"num\"><span class=\"med\">")
            .append(Numbers.count(x.p50()))
            .append("</span><br/><span class=\"ci\">[")
            .append(esc(Numbers.interval(x)))
            .append("]</span></td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table><p class=\"note\">")
        .append(
            esc(
                "Median and [90% interval] (5th to 95th percentile) over "
                    + Numbers.count(f.replications())
                    + " replications, all people. Pathways: 1 disengage and return home, 2 remain"
                    + " as insurgents, 3 join another group, 4 relocate to a third theatre, 5 be"
                    + " dispatched as operatives."))
        .append("</p></div>");
  }

  private static String pathway(State st) {
    return st.pathway() > 0 && st != State.ARRESTED && st != State.ATTACK
        ? st.pathway() + ". "
        : "";
  }

  static List<Integer> headlineMonths(int horizon) {
    List<Integer> out = new ArrayList<>();
    for (int m : HEADLINE_MONTHS) {
      if (m <= horizon) {
        out.add(m);
      }
    }
    if (out.isEmpty() || out.get(out.size() - 1) < horizon) {
      out.add(horizon);
    }
    return out;
  }

  private static void chart(StringBuilder h, Brief b) {
    State st = State.DISENGAGED;
    h.append("<div class=\"chart\"><h2>Returnees over time</h2>")
        .append(
            BriefFanChart.svg(
                "Disengaged returnees, world",
                COLOUR,
                b.scenario().start(),
                b.forecast().series(st)))
        .append("<p class=\"note\">")
        .append(
            esc(
                "Disengaged returnees in the world by month (pathway 1): median (line), 50%"
                    + " interval (dark band) and 90% interval (light band)."))
        .append("</p></div>");
  }

  private static void drivers(StringBuilder h, Brief b) {
    Drivers d = b.drivers();
    h.append("<div class=\"keep\"><h2>What drives it</h2>");
    if (d == null || d.top().isEmpty()) {
      h.append("<p>")
          .append(esc("No sensitivity screening was run for this brief (--drivers 0)."))
          .append("</p></div>");
      return;
    }
    h.append("<p>")
        .append(esc("The parameters that move " + d.output() + " most (Morris screening):"))
        .append("</p><table><thead><tr><th>#</th><th>Parameter</th><th>What it is</th>")
        .append("<th class=\"num\">&#181;* (people)</th><th class=\"num\">sigma</th></tr></thead>")
        .append("<tbody>");
    int rank = 1;
    for (Drivers.Driver x : d.top()) {
      var p = b.scenario().parameters().get(x.name());
      String what = p == null || p.description() == null ? "" : p.description();
      h.append("<tr><td>")
          .append(rank++)
          .append("</td><td><code>")
          .append(esc(x.name()))
          .append("</code></td><td>")
          .append(esc(shorten(what, 110)))
          .append("</td><td class=\"num\">")
          .append(Numbers.count(x.muStar()))
          .append("</td><td class=\"num\">")
          .append(Numbers.count(x.sigma()))
          .append("</td></tr>");
    }
    h.append("</tbody></table><p class=\"note\">")
        .append(
            esc(
                "mu* is the mean absolute change of the output when the parameter moves across its"
                    + " prior range (Campolongo et al. 2007); sigma large against mu* means"
                    + " interactions or non-linearity. "
                    + d.method()))
        .append("</p></div>");
  }

  private static void watch(StringBuilder h, Brief b) {
    HypothesisSet set = b.hypotheses();
    h.append("<div class=\"keep\"><h2>Indicators to watch</h2>");
    if (set == null || set.indicators().isEmpty()) {
      h.append("<p>")
          .append(esc("Scenario " + b.scenario().name() + " declares no competing hypotheses."))
          .append("</p></div>");
      return;
    }
    double[] w = set.priorWeights();
    h.append("<p>")
        .append(
            esc(
                "Competing hypotheses at their prior weights (analysts' judgements,"
                    + " not model output): "));
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < set.hypotheses().size(); i++) {
      Hypothesis hy = set.hypotheses().get(i);
      parts.add(hy.name() + " " + Icd203.describe(w[i]));
    }
    h.append(esc(String.join("; ", parts) + ".")).append("</p>");
    h.append("<table><thead><tr><th>Indicator</th><th>Window</th>")
        .append("<th class=\"num\">Chance seen</th><th>If seen, most gains</th>")
        .append("<th class=\"num\">Expected shift</th></tr></thead><tbody>");
    List<WatchList.Watch> ranked = WatchList.rank(set.indicators(), w, Brief.WATCH_RELIABILITY);
    for (WatchList.Watch x : ranked.subList(0, Math.min(TOP, ranked.size()))) {
      double[] seen = x.ifSeen();
      int best = 0;
      for (int i = 1; i < seen.length; i++) {
        if (seen[i] - w[i] > seen[best] - w[best]) {
          best = i;
        }
      }
      h.append("<tr><td>")
          .append(esc(x.indicator().name()))
          .append("</td><td class=\"num\">")
          .append(esc(x.indicator().from() + " to " + x.indicator().to()))
          .append("</td><td class=\"num\">")
          .append(esc(Icd203.percent(x.probabilitySeen())))
          .append("</td><td>")
          .append(
              esc(
                  set.hypotheses().get(best).name()
                      + ": "
                      + Icd203.percent(w[best])
                      + " to "
                      + Icd203.percent(seen[best])))
          .append("</td><td class=\"num\">")
          .append(esc(Icd203.percent(x.expectedShift())))
          .append("</td></tr>");
    }
    h.append("</tbody></table><p class=\"note\">")
        .append(
            esc(
                "Ranked by the expected shift of the hypotheses' weights (total variation) when"
                    + " the indicator is seen or its window closes without it, at the prior"
                    + " weights, a sighting reported with reliability "
                    + Brief.WATCH_RELIABILITY
                    + " (dispersal update's default). Update with dispersal update --events FILE."))
        .append("</p></div>");
  }

  private static void track(StringBuilder h, Brief b) {
    TrackRecord t = b.track();
    h.append("<div><h2>Track record</h2><p>").append(esc(t.summary())).append("</p><ul>");
    for (String p : t.points()) {
      h.append("<li>").append(esc(p)).append("</li>");
    }
    h.append("</ul><p class=\"note\">Source: ").append(esc(t.source())).append("</p></div>");
  }

  private static void sources(StringBuilder h, Brief b, Map<String, String> citations) {
    h.append("<h2>Sources</h2>");
    var ids = b.cited();
    if (ids.isEmpty()) {
      h.append("<p>").append(esc("The scenario cites no source.")).append("</p>");
      return;
    }
    h.append("<p class=\"note\">")
        .append(
            esc(
                "The "
                    + ids.size()
                    + " sources the scenario's parameters, origins and hypotheses cite; every"
                    + " other number is a named assumption with a range (dispersal explain "
                    + b.scenario().name()
                    + ")."))
        .append("</p><p class=\"sources\">");
    boolean first = true;
    for (String id : ids) {
      String text = citations.get(id);
      h.append(first ? "" : " &#8226; ")
          .append("<b>")
          .append(esc(id))
          .append("</b>")
          .append(text == null ? "" : esc(": " + text));
      first = false;
    }
    h.append("</p>");
  }

  private static String shorten(String text, int max) {
    String t = text.strip();
    if (t.length() <= max) {
      return t;
    }
    int cut = t.lastIndexOf(' ', max - 1);
    return t.substring(0, cut > 0 ? cut : max - 1) + "\u2026";
  }

  /** Escapes text and replaces what the PDF's standard fonts cannot show. */
  static String esc(String text) {
    return Html.esc(Pdf.latin(text));
  }

  /** The characters of the standard fonts. */
  static final class Pdf {
    private Pdf() {}

    static String latin(String text) {
      if (text == null) {
        return "";
      }
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints()
          .forEach(
              c -> {
                if (c < 0x100
                    || "\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac".indexOf(c) >= 0) {
                  out.appendCodePoint(c);
                } else if (c == 0x2248) {
                  out.append('~');
                } else if (c == 0x2212) {
                  out.append('-');
                } else {
                  out.append('?');
                }
              });
      return out.toString();
    }
  }
}
