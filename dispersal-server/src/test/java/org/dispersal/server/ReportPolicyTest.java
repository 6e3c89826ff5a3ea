package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The policy of a downloaded report lists the hashes of exactly the inline script, style sheet and
 * style attributes that the report's sidecar names, and nothing inline without one. The hashes were
 * computed outside Java (Python's hashlib) for {@code "\n var x = 1;\n"}, {@code "p { color: red;
 * }"}, {@code "width:5%"} and {@code content:"a&b"}; the output module's tests check that its page
 * writer produces the same ones.
 */
class ReportPolicyTest {

  private static final String SCRIPT = "'sha256-ewfns+SVvcruFIDpkpKfZ2rZ91IJBqrdpyD859Asdo4='";
  private static final String SHEET = "'sha256-pckGv9YvNcB5xy+Y4fbqhyo+ib850wyiuWeNbZvLi00='";
  private static final String WIDTH = "'sha256-g7TjfyQeK41uaP4TMhNgOd8QBpUCXofUCBgm12yYSkA='";
  private static final String CONTENT = "'sha256-SxdO1OyRfwFS74FDBg3+s2iX0mNyLcsrBWoXFqcIDT4='";

  private static Optional<byte[]> sidecar(String text) {
    return Optional.of(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void listsTheHashesOfTheSidecarAndNothingElse() {
    String policy =
        ReportPolicy.of(
            sidecar(
                "script-src "
                    + SCRIPT
                    + "\nstyle-src-elem "
                    + SHEET
                    + "\nstyle-src-attr "
                    + WIDTH
                    + " "
                    + CONTENT
                    + "\n"));
    assertThat(policy)
        .contains("script-src " + SCRIPT + ";")
        .contains("style-src-elem " + SHEET + ";")
        .contains("style-src-attr 'unsafe-hashes' " + WIDTH + " " + CONTENT + ";")
        .startsWith("default-src 'none';")
        .contains("sandbox allow-scripts")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
  }

  @Test
  void aPageWithoutInlineCodeAllowsNone() {
    String policy = ReportPolicy.of(sidecar("script-src\nstyle-src-elem\nstyle-src-attr\n"));
    assertThat(policy)
        .contains("script-src 'none'")
        .contains("style-src-elem 'none'")
        .contains("style-src-attr 'none'");
  }

  @Test
  void aRunStoredWithoutASidecarGetsTheStrictPolicy() {
    assertThat(ReportPolicy.of(Optional.empty()))
        .isEqualTo(ReportPolicy.of(sidecar("script-src\nstyle-src-elem\nstyle-src-attr\n")))
        .contains("script-src 'none'")
        .contains("style-src-attr 'none'");
  }

  @Test
  void aSidecarThatIsNotListsOfHashesCannotWidenThePolicy() {
    for (String bad :
        new String[] {
          "script-src 'unsafe-inline'\nstyle-src-elem\nstyle-src-attr\n",
          "script-src *; connect-src *\nstyle-src-elem\nstyle-src-attr\n",
          "style-src-elem " + SHEET + "\nscript-src\nstyle-src-attr\n",
          "<!DOCTYPE html><script>alert(1)</script>"
        }) {
      assertThat(ReportPolicy.of(sidecar(bad)))
          .as(bad)
          .contains("script-src 'none';")
          .contains("style-src-elem 'none';")
          .doesNotContain("unsafe-inline")
          .doesNotContain("connect-src");
    }
  }
}
