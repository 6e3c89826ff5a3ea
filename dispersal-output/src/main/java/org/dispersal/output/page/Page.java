package org.dispersal.output.page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one page shell of the product: a self-contained HTML document with the {@link StyleSheet}
 * inline, a masthead, the body a writer appends, a footer and an optional inline script. The page
 * keeps the hashes of its inline code as it is built ({@link #hashes()}), and {@link #write} puts
 * them in a sidecar file next to the page (format in {@link InlineHashes}), so that a
 * Content-Security-Policy can allow exactly that code without reading the HTML.
 *
 * <p>Style attributes are written only through {@link #style}, which records their hash; text is
 * escaped with {@link Html#esc}; {@link #raw} takes markup that the caller has escaped.
 */
public final class Page {

  private static final String SHEET_HASH = InlineHashes.of(StyleSheet.CSS);

  private final String title;
  private final StringBuilder body = new StringBuilder(16 * 1024);
  private final Set<String> attributes = new LinkedHashSet<>();
  private final List<String> scripts = new ArrayList<>();
  private String footer = "";

  /**
   * A page with nothing in its body yet.
   *
   * @param title the document's title (plain text, escaped here)
   */
  public Page(String title) {
    this.title = title;
  }

  /** Appends the masthead: a small kicker above the heading, and a lede below it when not null. */
  public Page masthead(String kicker, String heading, String lede) {
    body.append("<header class=\"masthead\"><p class=\"kicker\">")
        .append(Html.esc(kicker))
        .append("</p><h1>")
        .append(Html.esc(heading))
        .append("</h1>");
    if (lede != null) {
      body.append("<p class=\"lede\">").append(Html.esc(lede)).append("</p>");
    }
    body.append("</header>\n");
    return this;
  }

  /** Appends markup that is already escaped. */
  public Page raw(String html) {
    body.append(html);
    return this;
  }

  /** Appends a section heading. */
  public Page h2(String text) {
    return raw("<h2>" + Html.esc(text) + "</h2>\n");
  }

  /** Appends a paragraph of plain text with a CSS class, or none when null. */
  public Page para(String cssClass, String text) {
    return raw(
        (cssClass == null ? "<p>" : "<p class=\"" + cssClass + "\">") + Html.esc(text) + "</p>\n");
  }

  /**
   * A {@code style} attribute, with a leading space, for markup this page will hold; its hash is
   * recorded. Use it for what a class cannot say (a computed width, a colour from data).
   *
   * @param declarations CSS declarations, such as {@code width:20%}
   */
  public String style(String declarations) {
    attributes.add(InlineHashes.of(declarations));
    return " style=\"" + Html.esc(declarations) + "\"";
  }

  /** Sets the footer's markup (already escaped). */
  public Page footer(String html) {
    footer = html;
    return this;
  }

  /** Adds an inline script, run at the end of the body. */
  public Page script(String javascript) {
    if (javascript.toLowerCase(Locale.ROOT).contains("</script")) {
      throw new IllegalArgumentException("an inline script cannot contain </script");
    }
    scripts.add(javascript);
    return this;
  }

  /** The whole document. */
  public String html() {
    StringBuilder h = new StringBuilder(body.length() + StyleSheet.CSS.length() + 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(Html.esc(title))
        .append("</title><style>")
        .append(StyleSheet.CSS)
        .append("</style></head><body><main>\n")
        .append(body);
    if (!footer.isEmpty()) {
      h.append("<footer>").append(footer).append("</footer>");
    }
    h.append("</main>");
    for (String s : scripts) {
      h.append("<script>").append(s).append("</script>");
    }
    return h.append("</body></html>\n").toString();
  }

  /** The hashes of this page's inline script, style sheet and style attributes. */
  public InlineHashes hashes() {
    return new InlineHashes(
        scripts.stream().map(InlineHashes::of).toList(),
        List.of(SHEET_HASH),
        List.copyOf(attributes));
  }

  /**
   * Writes the page to {@code file} and its hashes to the sidecar {@code file + ".csp"}, replacing
   * both if they exist.
   *
   * @return the hashes written to the sidecar
   * @throws IOException if either file cannot be written
   */
  public InlineHashes write(Path file) throws IOException {
    Files.writeString(file, html(), StandardCharsets.UTF_8);
    InlineHashes hashes = hashes();
    Files.writeString(sidecar(file), hashes.sidecar(), StandardCharsets.UTF_8);
    return hashes;
  }

  /** The sidecar of a page file: {@code X.html.csp} next to {@code X.html}. */
  public static Path sidecar(Path file) {
    return file.resolveSibling(file.getFileName() + InlineHashes.SUFFIX);
  }
}
