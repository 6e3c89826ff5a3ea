package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The policy of a downloaded report lists the hashes of exactly the inline script, style sheet and
 * style attributes of that file. The expected hashes were computed outside Java (Python's hashlib),
 * so the test does not repeat the code it checks.
 */
class ReportPolicyTest {

  private static final String PAGE =
      "<!doctype html><html><head><style>p { color: red; }</style></head><body>"
          + "<div style=\"width:5%\">a</div><span style=\"width:5%\">b</span>"
          + "<i style=\"content:&quot;a&amp;b&quot;\">c</i>"
          + "<script>\n var x = 1;\n</script><script src=\"elsewhere.js\"></script>"
          + "</body></html>";

  @Test
  void listsTheHashOfEachInlinePartAndNothingElse() {
    String policy = ReportPolicy.of(PAGE.getBytes(StandardCharsets.UTF_8));
    assertThat(policy)
        .contains("script-src 'sha256-ewfns+SVvcruFIDpkpKfZ2rZ91IJBqrdpyD859Asdo4=';")
        .contains("style-src-elem 'sha256-pckGv9YvNcB5xy+Y4fbqhyo+ib850wyiuWeNbZvLi00=';")
        .contains(
            "style-src-attr 'unsafe-hashes'"
                + " 'sha256-g7TjfyQeK41uaP4TMhNgOd8QBpUCXofUCBgm12yYSkA='"
                + " 'sha256-SxdO1OyRfwFS74FDBg3+s2iX0mNyLcsrBWoXFqcIDT4=';")
        .startsWith("default-src 'none';")
        .contains("sandbox allow-scripts")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("elsewhere");
  }

  @Test
  void aPageWithoutInlineCodeAllowsNone() {
    String policy = ReportPolicy.of("<p>plain</p>".getBytes(StandardCharsets.UTF_8));
    assertThat(policy)
        .contains("script-src 'none'")
        .contains("style-src-elem 'none'")
        .contains("style-src-attr 'none'");
  }

  @Test
  void textThatOnlyLooksLikeAStyleAttributeInsideAScriptIsNotAllowed() {
    String page = "<script>var s = '<b style=\"color:red\">';</script>";
    assertThat(ReportPolicy.of(page.getBytes(StandardCharsets.UTF_8)))
        .contains("style-src-attr 'none'");
  }
}
