package org.dispersal.output.page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SHA-256 hashes of a page's inline code, as Content-Security-Policy hash sources ({@code
 * 'sha256-<base64>'}), so that a policy can allow exactly that code without reading the page.
 *
 * <p>Every page written by {@link Page#write} has a sidecar {@code X.html.csp} next to {@code
 * X.html}: UTF-8 text, exactly three lines in this order, each a directive name followed by its
 * hash sources separated by single spaces (none when the page has no such code):
 *
 * <pre>
 * script-src 'sha256-…'
 * style-src-elem 'sha256-…'
 * style-src-attr 'sha256-…' 'sha256-…'
 * </pre>
 *
 * <p>{@code script-src} lists the inline scripts, {@code style-src-elem} the style sheets and
 * {@code style-src-attr} the distinct values of {@code style} attributes, each hashed as the
 * browser sees it (the text between the tags; an attribute's value with its references decoded).
 *
 * @param scripts hash sources of the inline scripts
 * @param sheets hash sources of the inline style sheets
 * @param attributes hash sources of the style attribute values
 */
public record InlineHashes(List<String> scripts, List<String> sheets, List<String> attributes) {

  /** The sidecar's file name suffix. */
  public static final String SUFFIX = ".csp";

  private static final Pattern SOURCE = Pattern.compile("'sha256-[A-Za-z0-9+/]{43}='");
  private static final List<String> DIRECTIVES =
      List.of("script-src", "style-src-elem", "style-src-attr");

  /** Copies the lists, dropping duplicates, and checks that each is a SHA-256 hash source. */
  public InlineHashes {
    scripts = checked(scripts);
    sheets = checked(sheets);
    attributes = checked(attributes);
  }

  /** The hash source of a text, {@code 'sha256-<base64 of the UTF-8 bytes' digest>'}. */
  public static String of(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The sidecar text (see the class comment). */
  public String sidecar() {
    List<List<String>> lists = List.of(scripts, sheets, attributes);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < DIRECTIVES.size(); i++) {
      out.append(DIRECTIVES.get(i));
      lists.get(i).forEach(h -> out.append(' ').append(h));
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * Reads a sidecar text.
   *
   * @throws IllegalArgumentException unless it has the three directives in order and every other
   *     word is a SHA-256 hash source
   */
  public static InlineHashes parse(String sidecar) {
    String[] lines = sidecar.strip().split("\r?\n");
    if (lines.length != DIRECTIVES.size()) {
      throw new IllegalArgumentException(
          "a .csp sidecar has " + DIRECTIVES.size() + " lines, not " + lines.length);
    }
    List<List<String>> lists = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String[] words = lines[i].strip().split(" +");
      if (!words[0].equals(DIRECTIVES.get(i))) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + " of a .csp sidecar must start with " + DIRECTIVES.get(i));
      }
      lists.add(List.of(words).subList(1, words.length));
    }
    return new InlineHashes(lists.get(0), lists.get(1), lists.get(2));
  }

  private static List<String> checked(List<String> sources) {
    Set<String> distinct = new LinkedHashSet<>(sources);
    for (String s : distinct) {
      if (!SOURCE.matcher(s).matches()) {
        throw new IllegalArgumentException("not a SHA-256 hash source: " + s);
      }
    }
    return List.copyOf(distinct);
  }
}
