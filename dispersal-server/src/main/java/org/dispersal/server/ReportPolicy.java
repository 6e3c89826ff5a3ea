package org.dispersal.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of one downloaded report. A report is a self-contained HTML file with
 * its own inline script, style sheet and style attributes; instead of allowing every inline script
 * and style, the policy lists the SHA-256 of exactly the ones this file holds, so that nothing else
 * can run even if text in a scenario were to slip through as markup. The report also runs in a
 * sandbox with an opaque origin, which can reach neither the service's cookies nor its API, loads
 * nothing from anywhere and cannot be framed.
 */
final class ReportPolicy {

  private static final Pattern SCRIPT =
      Pattern.compile(
          "<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern STYLE =
      Pattern.compile("<style\\b[^>]*>(.*?)</style>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern STYLE_ATTRIBUTE =
      Pattern.compile("<[^>]*?\\sstyle=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern SOURCE_ATTRIBUTE =
      Pattern.compile("\\ssrc\\s*=", Pattern.CASE_INSENSITIVE);

  private ReportPolicy() {}

  /** The policy for a report's bytes (UTF-8 HTML). */
  static String of(byte[] html) {
    String text = new String(html, StandardCharsets.UTF_8);
    Set<String> scripts = new LinkedHashSet<>();
    Matcher m = SCRIPT.matcher(text);
    while (m.find()) {
      if (!SOURCE_ATTRIBUTE.matcher(m.group(1)).find()) {
        scripts.add(hash(m.group(2)));
      }
    }
    Set<String> sheets = new LinkedHashSet<>();
    m = STYLE.matcher(text);
    while (m.find()) {
      sheets.add(hash(m.group(1)));
    }
    Set<String> attributes = new LinkedHashSet<>();
    // Only the markup outside script and style elements carries attributes that the browser reads.
    m = STYLE_ATTRIBUTE.matcher(STYLE.matcher(SCRIPT.matcher(text).replaceAll("")).replaceAll(""));
    while (m.find()) {
      attributes.add(hash(unescape(m.group(1))));
    }
    return "default-src 'none'; script-src "
        + list(scripts)
        + "; style-src-elem "
        + list(sheets)
        + "; style-src-attr "
        + (attributes.isEmpty() ? "'none'" : "'unsafe-hashes' " + String.join(" ", attributes))
        + "; img-src data:; sandbox allow-scripts; frame-ancestors 'none'";
  }

  private static String list(Set<String> hashes) {
    return hashes.isEmpty() ? "'none'" : String.join(" ", hashes);
  }

  /** A CSP hash source, {@code 'sha256-<base64>'}, of the text as the browser sees it. */
  static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** An attribute value with the character references our HTML writers use decoded. */
  private static String unescape(String value) {
    if (value.indexOf('&') < 0) {
      return value;
    }
    return value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
