package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the summary's stored gzip copy may be sent. */
class AcceptEncodingTest {

  @Test
  void gzipIsSentOnlyWhenTheClientAcceptsIt() {
    for (String yes :
        new String[] {
          "gzip", "gzip, deflate, br, zstd", "br;q=1.0, GZIP;q=0.5", "x-gzip", "*", "br, *;q=0.1"
        }) {
      assertThat(AcceptEncoding.allowsGzip(yes)).as(yes).isTrue();
    }
    for (String no :
        new String[] {
          null,
          "",
          "identity",
          "br",
          "gzip;q=0",
          "gzip; q=0.0, br",
          "*, gzip;q=0",
          "*;q=0",
          "gzip;q=x"
        }) {
      assertThat(AcceptEncoding.allowsGzip(no)).as(no).isFalse();
    }
  }
}
