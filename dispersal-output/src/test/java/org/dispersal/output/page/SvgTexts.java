package org.dispersal.output.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every text of the inline SVG charts in a page stays inside its chart's viewBox, with
 * the width estimated as the charts estimate it ({@link Svg#textWidth}) at the font size the style
 * sheet gives its class, turned as its transform turns it. A label that leaves the viewBox is cut
 * in the browser ("naining insurgent..." for "Remaining insurgent...", issue #16).
 */
public final class SvgTexts {

  private static final Pattern SVG = Pattern.compile("<svg\\b([^>]*)>(.*?)</svg>", Pattern.DOTALL);
  private static final Pattern VIEW_BOX =
      Pattern.compile("viewBox=\"([-\\d.]+) ([-\\d.]+) ([\\d.]+) ([\\d.]+)\"");
  private static final Pattern TEXT =
      Pattern.compile("<text\\b([^>]*)>(.*?)</text>", Pattern.DOTALL);
  private static final Pattern TRANSFORM =
      Pattern.compile("translate\\(([-\\d.]+),([-\\d.]+)\\) rotate\\(([-\\d.]+)\\)");

  /**
   * Font sizes of the classes the style sheet sizes, the later class of a text winning as in the
   * style sheet ({@code tick date}); any other text is {@link Svg#FONT}.
   */
  private static final Map<String, Double> FONTS =
      Map.of(
          "tick", 10.5, "date", 9.5, "group-head", 11.5, "node-label", 12.5, "column-head", 12.0);

  /** Where a text lies: its label and bounds in the chart's user units. */
  public record Extent(String text, double left, double top, double right, double bottom) {}

  private SvgTexts() {}

  /** Fails naming every text of the page's charts that leaves its chart's viewBox. */
  public static void assertAllInside(String html) {
    List<String> outside = new ArrayList<>();
    int charts = 0;
    Matcher svg = SVG.matcher(html);
    while (svg.find()) {
      Matcher box = VIEW_BOX.matcher(svg.group(1));
      if (!box.find()) {
        continue;
      }
      charts++;
      double x0 = Double.parseDouble(box.group(1));
      double y0 = Double.parseDouble(box.group(2));
      double x1 = x0 + Double.parseDouble(box.group(3));
      double y1 = y0 + Double.parseDouble(box.group(4));
      for (Extent e : extents(svg.group(2))) {
        if (e.left() < x0 || e.right() > x1 || e.top() < y0 || e.bottom() > y1) {
          outside.add(e + " outside " + box.group());
        }
      }
    }
    assertThat(charts).as("charts in the page").isPositive();
    assertThat(outside).as("texts that leave their chart").isEmpty();
  }

  /** The estimated extent of every text in an SVG's markup. */
  public static List<Extent> extents(String markup) {
    List<Extent> out = new ArrayList<>();
    Matcher t = TEXT.matcher(markup);
    while (t.find()) {
      String attributes = t.group(1);
      String text = unescape(t.group(2).replaceAll("<[^>]+>", ""));
      double font = Svg.FONT;
      String cssClass = attribute(attributes, "class");
      if (cssClass != null) {
        for (String c : cssClass.split(" ")) {
          font = FONTS.getOrDefault(c, font);
        }
      }
      double x;
      double y;
      double degrees = 0;
      Matcher turn = TRANSFORM.matcher(attributes);
      if (turn.find()) {
        x = Double.parseDouble(turn.group(1));
        y = Double.parseDouble(turn.group(2));
        degrees = Double.parseDouble(turn.group(3));
      } else {
        x = Double.parseDouble(attribute(attributes, "x"));
        y = Double.parseDouble(attribute(attributes, "y"));
      }
      double w = Svg.textWidth(text, font);
      String anchor = attribute(attributes, "text-anchor");
      double a0 =
          "middle".equals(anchor) ? -w / 2 : "end".equals(anchor) ? -w : 0; // along the baseline
      double[][] corners = {
        {a0, -font * 0.8}, {a0 + w, -font * 0.8}, {a0, font * 0.25}, {a0 + w, font * 0.25}
      };
      double r = Math.toRadians(degrees);
      double left = Double.POSITIVE_INFINITY;
      double right = Double.NEGATIVE_INFINITY;
      double top = Double.POSITIVE_INFINITY;
      double bottom = Double.NEGATIVE_INFINITY;
      for (double[] c : corners) {
        double cx = x + c[0] * Math.cos(r) - c[1] * Math.sin(r);
        double cy = y + c[0] * Math.sin(r) + c[1] * Math.cos(r);
        left = Math.min(left, cx);
        right = Math.max(right, cx);
        top = Math.min(top, cy);
        bottom = Math.max(bottom, cy);
      }
      out.add(new Extent(text, left, top, right, bottom));
    }
    return out;
  }

  private static String attribute(String attributes, String name) {
    Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
    return m.find() ? m.group(1) : null;
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
