package org.dispersal.output.report;

/**
 * A small writer of SVG elements into a string, with coordinates rounded for a compact file and
 * every text escaped.
 */
final class Svg {

  private final StringBuilder out = new StringBuilder(4096);

  /** Opens an {@code <svg>} that scales to its container, with a title for screen readers. */
  Svg(double width, double height, String cssClass, String title) {
    out.append("<svg class=\"")
        .append(cssClass)
        .append("\" viewBox=\"0 0 ")
        .append(Fmt.px(width))
        .append(' ')
        .append(Fmt.px(height))
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.esc(title))
        .append("\"><title>")
        .append(Html.esc(title))
        .append("</title>");
  }

  /** A line. */
  Svg line(double x1, double y1, double x2, double y2, String cssClass) {
    out.append("<line x1=\"")
        .append(Fmt.px(x1))
        .append("\" y1=\"")
        .append(Fmt.px(y1))
        .append("\" x2=\"")
        .append(Fmt.px(x2))
        .append("\" y2=\"")
        .append(Fmt.px(y2))
        .append("\" class=\"")
        .append(cssClass)
        .append("\"/>");
    return this;
  }

  /** A filled rectangle with an optional tooltip. */
  Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
    out.append("<rect x=\"")
        .append(Fmt.px(x))
        .append("\" y=\"")
        .append(Fmt.px(y))
        .append("\" width=\"")
        .append(Fmt.px(w))
        .append("\" height=\"")
        .append(Fmt.px(h))
        .append("\" fill=\"")
        .append(fill)
        .append('"');
    return closeWithTooltip("rect", tooltip);
  }

  /** A circle. */
  Svg circle(double cx, double cy, double r, String fill) {
    out.append("<circle cx=\"")
        .append(Fmt.px(cx))
        .append("\" cy=\"")
        .append(Fmt.px(cy))
        .append("\" r=\"")
        .append(Fmt.px(r))
        .append("\" fill=\"")
        .append(fill)
        .append("\"/>");
    return this;
  }

  /** A path with presentation attributes given verbatim, and an optional tooltip. */
  Svg path(String d, String attributes, String tooltip) {
    out.append("<path d=\"").append(d).append("\" ").append(attributes);
    return closeWithTooltip("path", tooltip);
  }

  /** A text; {@code anchor} is start, middle or end. */
  Svg text(double x, double y, String anchor, String cssClass, String text) {
    out.append("<text x=\"")
        .append(Fmt.px(x))
        .append("\" y=\"")
        .append(Fmt.px(y))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\" class=\"")
        .append(cssClass)
        .append("\">")
        .append(Html.esc(text))
        .append("</text>");
    return this;
  }

  /** A label followed by a muted value, with a white halo so it stays readable over bands. */
  Svg label(double x, double y, String anchor, String label, String value) {
    out.append("<text x=\"")
        .append(Fmt.px(x))
        .append("\" y=\"")
        .append(Fmt.px(y))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\" class=\"node-label\">")
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
  String finish() {
    return out.append("</svg>").toString();
  }
}
