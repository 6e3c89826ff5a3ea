package org.dispersal.server;

import java.util.Locale;

/**
 * Reads an {@code Accept-Encoding} request header (RFC 9110, section 12.5.3) for one question: may
 * the answer be sent gzip-compressed? It may when the header names {@code gzip} (or the old alias
 * {@code x-gzip}) with a weight above zero, or when it does not name gzip and names {@code *} with
 * a weight above zero. No header, or {@code gzip;q=0}, means no.
 */
final class AcceptEncoding {

  private AcceptEncoding() {}

  /** Whether a response may carry {@code Content-Encoding: gzip} for this request header. */
  static boolean allowsGzip(String header) {
    if (header == null || header.isBlank()) {
      return false;
    }
    Boolean gzip = null;
    Boolean any = null;
    for (String item : header.split(",")) {
      String[] parts = item.split(";");
      String coding = parts[0].trim().toLowerCase(Locale.ROOT);
      boolean positive = weight(parts) > 0;
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        gzip = gzip == null ? positive : gzip || positive;
      } else if (coding.equals("*")) {
        any = positive;
      }
    }
    return gzip != null ? gzip : Boolean.TRUE.equals(any);
  }

  /** The item's {@code q} parameter, 1 when absent, 0 when it cannot be read. */
  private static double weight(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.length() > 1 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.contains("=")) {
        try {
          return Double.parseDouble(p.substring(p.indexOf('=') + 1).trim());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
