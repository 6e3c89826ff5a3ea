package org.dispersal.output.analyst;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.dispersal.analyst.Interval;
import org.dispersal.output.report.Html;

/** A small HTML page builder shared by the analyst outputs, in the style of the forecast report. */
final class Page {

  private static final String CSS =
      """
      :root { --ink: #1d2733; --muted: #5d6b7a; --rule: #d9dee4; --soft: #f4f6f8;
        --accent: #1f4e79; --assume: #b7791f; --assume-bg: #fdf6e7; }
      * { box-sizing: border-box; }
      body { margin: 0; color: var(--ink); background: #fff;
        font: 15px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans",
          "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
      main { max-width: 1180px; margin: 0 auto; padding: 0 28px 48px; }
      .masthead { border-bottom: 3px solid var(--accent); padding: 28px 0 14px; margin-bottom: 8px; }
      .kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px;
        color: var(--accent); font-weight: 600; }
      h1 { font-size: 28px; line-height: 1.2; margin: 4px 0 8px; font-weight: 650; }
      h2 { font-size: 20px; margin: 34px 0 10px; padding-bottom: 6px;
        border-bottom: 1px solid var(--rule); font-weight: 650; }
      p { max-width: 95ch; }
      .lede { font-size: 16px; color: #34414e; }
      .summary { font-size: 16px; background: var(--soft); border-left: 4px solid var(--accent);
        padding: 14px 18px; margin: 18px 0 0; }
      .assume { background: var(--assume-bg); border-left: 4px solid var(--assume);
        padding: 10px 14px; font-size: 14px; }
      .note { color: var(--muted); font-size: 13px; }
      .ci { color: var(--muted); font-size: .86em; white-space: nowrap; }
      .table-wrap { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-size: 14px;
        font-variant-numeric: tabular-nums; }
      caption { caption-side: top; text-align: left; color: var(--muted); font-size: 13px;
        padding: 0 0 6px; }
      th, td { padding: 6px 10px; border-bottom: 1px solid var(--rule); text-align: left; }
      thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em;
        color: var(--muted); font-weight: 600; border-bottom: 2px solid #b9c2cc; }
      .num { text-align: right; }
      .ci.sig { color: var(--accent); font-weight: 650; }
      .freq { display: grid; grid-template-columns: repeat(2, minmax(240px, 1fr)); gap: 12px;
        max-width: 760px; }
      .freq div { background: var(--soft); padding: 10px 14px; border-radius: 4px; }
      .freq b { font-size: 22px; display: block; }
      svg text { font: 12px "DejaVu Sans", Arial, sans-serif; fill: var(--ink); }
      svg .axis { stroke: #8795a3; stroke-width: 1; }
      svg .grid { stroke: #e6e9ed; stroke-width: 1; }
      svg .muted { fill: var(--muted); }
      footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
      """;

  private final StringBuilder body = new StringBuilder();
  private final String title;

  Page(String kicker, String title, String lede) {
    this.title = title;
    body.append("<header class=\"masthead\"><p class=\"kicker\">")
        .append(esc(kicker))
        .append("</p><h1>")
        .append(esc(title))
        .append("</h1><p class=\"lede\">")
        .append(esc(lede))
        .append("</p></header>\n");
  }

  /** Appends raw, already escaped HTML. */
  Page raw(String html) {
    body.append(html).append('\n');
    return this;
  }

  /** Appends a heading. */
  Page h2(String text) {
    return raw("<h2>" + esc(text) + "</h2>");
  }

  /** Appends a paragraph of plain text with a CSS class (or none). */
  Page para(String cssClass, String text) {
    return raw((cssClass == null ? "<p>" : "<p class=\"" + cssClass + "\">") + esc(text) + "</p>");
  }

  /** Writes the page. */
  void write(Path file) throws IOException {
    String html =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>"
            + esc(title)
            + "</title><style>"
            + CSS
            + "</style></head><body><main>\n"
            + body
            + "<footer>Dispersal analyst tools. Aggregate numbers from the ensemble forecast;"
            + " nothing on this page is about an individual.</footer></main></body></html>\n";
    Files.writeString(file, html, StandardCharsets.UTF_8);
  }

  /** Escapes text for element content and quoted attributes, as {@link Html#esc} does. */
  static String esc(String text) {
    return Html.esc(text);
  }

  /** A count or amount with a sensible number of digits and thousands separators. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    String pattern =
        a >= 100 ? "#,##0" : a >= 10 ? "#,##0.0" : a >= 1 ? "0.0" : a == 0 ? "0" : "0.00";
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
  }

  /** A signed number. */
  static String signed(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return (v > 0 ? "+" : "") + num(v);
  }

  /** A share as a percentage. */
  static String pct(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, v < 0.1 ? "%.1f%%" : "%.0f%%", 100 * v);
  }

  /** A CSV number: plain, up to six significant decimals, empty when undefined. */
  static String csv(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
  }

  /** A cell with the mean and the 90% interval. */
  static String cell(Interval i, boolean percent) {
    if (i.defined() == 0) {
      return "<td class=\"num\">n/a</td>";
    }
    String m = percent ? pct(i.mean()) : num(i.mean());
    String lo = percent ? pct(i.p05()) : num(i.p05());
    String hi = percent ? pct(i.p95()) : num(i.p95());
    return "<td class=\"num\">" + m + " <span class=\"ci\">[" + lo + "–" + hi + "]</span></td>";
  }
}
