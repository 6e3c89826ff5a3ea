package org.dispersal.output.page;

import java.util.ArrayList;
import java.util.List;

/**
 * The one writer of inline SVG charts: elements into a string, coordinates rounded to a tenth for a
 * compact file, every text escaped. Presentation comes from {@link StyleSheet} classes ({@code
 * grid}, {@code axis}, {@code tick}, {@code muted}, ...) and from fill and stroke attributes, never
 * from style attributes.
 */
public final class Svg {

  /** The font size of chart text in user units ({@link StyleSheet}: {@code svg text 12px}). */
  public static final double FONT = 12;

  /**
   * A character's width as a share of the font size, on the generous side of the page's sans-serif
   * (about 0.52 on average), so a label measured with it is never cut.
   */
  private static final double CHARACTER = 0.6;

  private final StringBuilder out = new StringBuilder(4096);

  /**
   * Opens an {@code <svg>} that scales to the width of its container, with a title for screen
   * readers.
   *
   * @param width the width of the drawing in user units
   * @param height the height in user units
   * @param cssClass classes besides {@code chart}
   * @param title what the chart shows
   */
  public Svg(double width, double height, String cssClass, String title) {
    this(width, height, "chart " + cssClass, title, false);
  }

  private Svg(double width, double height, String cssClass, String title, boolean fixed) {
    out.append("<svg class=\"")
        .append(cssClass)
        .append("\" viewBox=\"0 0 ")
        .append(px(width))
        .append(' ')
        .append(px(height));
    if (fixed) {
      out.append("\" width=\"").append(px(width)).append("\" height=\"").append(px(height));
    }
    out.append("\" role=\"img\" aria-label=\"")
        .append(Html.esc(title))
        .append("\"><title>")
        .append(Html.esc(title))
        .append("</title>");
  }

  /**
   * An {@code <svg>} drawn at its own size (shrunk, never enlarged, to fit a narrow container): for
   * small charts that would be too coarse at full width.
   */
  public static Svg fixed(double width, double height, String cssClass, String title) {
    return new Svg(width, height, ("fixed " + cssClass).strip(), title, true);
  }

  /** The estimated width of a text at a font size, in user units (generous, see CHARACTER). */
  public static double textWidth(String text, double fontSize) {
    return CHARACTER * fontSize * text.codePointCount(0, text.length());
  }

  /**
   * A text broken at spaces into lines no wider than {@code width} at a font size (a single word
   * longer than that keeps a line of its own).
   */
  public static List<String> wrap(String text, double width, double fontSize) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      String longer = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && textWidth(longer, fontSize) > width) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(longer);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  /** A coordinate or length rounded to a tenth, without a trailing {@code .0}. */
  public static String px(double value) {
    long tenths = Math.round(value * 10);
    if (tenths % 10 == 0) {
      return Long.toString(tenths / 10);
    }
    return (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
  }

  /** A line. */
  public Svg line(double x1, double y1, double x2, double y2, String cssClass) {
    open("line", "x1", x1, "y1", y1, "x2", x2, "y2", y2, "class", cssClass);
    out.append("/>");
    return this;
  }

  /** A line with a colour and width of its own, and an optional tooltip. */
  public Svg stroke(
      double x1, double y1, double x2, double y2, String colour, double width, String tooltip) {
    open("line", "x1", x1, "y1", y1, "x2", x2, "y2", y2, "stroke", colour, "stroke-width", width);
    return closeWithTooltip("line", tooltip);
  }

  /** A filled rectangle with an optional tooltip. */
  public Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
    open("rect", "x", x, "y", y, "width", w, "height", h, "fill", fill);
    return closeWithTooltip("rect", tooltip);
  }

  /** A rectangle filled with a colour at an opacity from 0 to 1, with an optional tooltip. */
  public Svg rect(
      double x, double y, double w, double h, String fill, double opacity, String tooltip) {
    open("rect", "x", x, "y", y, "width", w, "height", h, "fill", fill);
    out.append(" fill-opacity=\"").append(opacity).append('"');
    return closeWithTooltip("rect", tooltip);
  }

  /** A circle. */
  public Svg circle(double cx, double cy, double r, String fill) {
    return circle(cx, cy, r, fill, null);
  }

  /** A circle with an outline, or none when {@code outline} is null. */
  public Svg circle(double cx, double cy, double r, String fill, String outline) {
    open("circle", "cx", cx, "cy", cy, "r", r, "fill", fill);
    if (outline != null) {
      out.append(" stroke=\"").append(outline).append('"');
    }
    out.append("/>");
    return this;
  }

  /**
   * Opens an element with its attributes, given as name and value in turn: a number as a coordinate
   * or length ({@link #px}), anything else as it is.
   */
  private void open(String element, Object... attributes) {
    out.append('<').append(element);
    for (int i = 0; i < attributes.length; i += 2) {
      Object value = attributes[i + 1];
      out.append(' ')
          .append(attributes[i])
          .append("=\"")
          .append(value instanceof Double d ? px(d) : value)
          .append('"');
    }
  }

  /** A path with presentation attributes given verbatim, and an optional tooltip. */
  public Svg path(String d, String attributes, String tooltip) {
    out.append("<path d=\"").append(d).append("\" ").append(attributes);
    return closeWithTooltip("path", tooltip);
  }

  /** A text; {@code anchor} is start, middle or end; no class when {@code cssClass} is empty. */
  public Svg text(double x, double y, String anchor, String cssClass, String text) {
    open("text", "x", x, "y", y);
    return closeText(anchor, cssClass, text);
  }

  /** A text turned by {@code degrees} (clockwise) about its anchor point at (x, y). */
  public Svg turned(
      double x, double y, double degrees, String anchor, String cssClass, String text) {
    open("text", "transform", "translate(" + px(x) + ',' + px(y) + ") rotate(" + px(degrees) + ")");
    return closeText(anchor, cssClass, text);
  }

  private Svg closeText(String anchor, String cssClass, String text) {
    out.append(" text-anchor=\"").append(anchor).append('"');
    if (!cssClass.isEmpty()) {
      out.append(" class=\"").append(cssClass).append('"');
    }
    out.append('>').append(Html.esc(text)).append("</text>");
    return this;
  }

  /** A label followed by a muted value, with a white halo so it stays readable over bands. */
  public Svg label(double x, double y, String anchor, String label, String value) {
    open("text", "x", x, "y", y, "text-anchor", anchor, "class", "node-label");
    out.append('>')
        .append(Html.esc(label))
        .append(" <tspan class=\"value\">")
        .append(Html.esc(value))
        .append("</tspan></text>");
    return this;
  }

  private Svg closeWithTooltip(String element, String tooltip) {
    if (tooltip == null) {
      out.append("/>");
    } else {
      out.append("><title>")
          .append(Html.esc(tooltip))
          .append("</title></")
          .append(element)
          .append('>');
    }
    return this;
  }

  /** Closes the element and returns the markup. */
  public String finish() {
    return out.append("</svg>").toString();
  }
}
