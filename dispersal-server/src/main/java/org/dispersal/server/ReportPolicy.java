package org.dispersal.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.dispersal.output.page.InlineHashes;
import org.dispersal.store.RunStore;

/**
 * The Content-Security-Policy of one downloaded report. A report is a self-contained HTML file with
 * its own inline script, style sheet and style attributes; instead of allowing every inline script
 * and style, the policy lists the SHA-256 of exactly the ones this file holds, so that nothing else
 * can run even if text in a scenario were to slip through as markup. The report also runs in a
 * sandbox with an opaque origin, which can reach neither the service's cookies nor its API, loads
 * nothing from anywhere and cannot be framed.
 *
 * <p>The hashes come from the sidecar {@code X.html.csp} that the page writer stored with the run
 * ({@link InlineHashes}); the HTML is never read. A run stored without a sidecar, or with one that
 * does not parse, gets the strict policy: no inline script or style at all, so its report opens
 * unstyled and without its table filter, but safely.
 */
final class ReportPolicy {

  private static final InlineHashes NONE = new InlineHashes(List.of(), List.of(), List.of());

  private ReportPolicy() {}

  /** The policy of the report {@code name} of stored run {@code id}, from its sidecar. */
  static String of(RunStore runs, long id, String name) {
    return of(runs.artifact(id, name + InlineHashes.SUFFIX));
  }

  /** The policy from a sidecar's bytes (UTF-8), or the strict policy without one. */
  static String of(Optional<byte[]> sidecar) {
    InlineHashes hashes = sidecar.map(ReportPolicy::parse).orElse(NONE);
    return "default-src 'none'; script-src "
        + list(hashes.scripts())
        + "; style-src-elem "
        + list(hashes.sheets())
        + "; style-src-attr "
        + (hashes.attributes().isEmpty()
            ? "'none'"
            : "'unsafe-hashes' " + String.join(" ", hashes.attributes()))
        + "; img-src data:; sandbox allow-scripts; frame-ancestors 'none'";
  }

  private static InlineHashes parse(byte[] sidecar) {
    try {
      return InlineHashes.parse(new String(sidecar, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return NONE;
    }
  }

  private static String list(List<String> hashes) {
    return hashes.isEmpty() ? "'none'" : String.join(" ", hashes);
  }
}
