package org.dispersal.server;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends bytes the server already holds (a cached summary answer, plain or gzip-compressed) as the
 * whole response body in one write with its {@code Content-Length}, straight to the servlet
 * response. {@code Context.result(byte[])} would copy them through Javalin's compressing stream in
 * 32 KB pieces with chunked transfer encoding; with the length known, Jetty writes the headers and
 * the body together and the connection stays open for the client's next request. Headers set before
 * (security headers, ETag, Vary, Content-Encoding) are sent as they are; a HEAD request gets the
 * headers and no body, as Jetty answers HEAD.
 */
final class KeptBytes {

  private KeptBytes() {}

  /**
   * Writes the body now; the handler must not set a result afterwards.
   *
   * @param ctx the request
   * @param contentType the response's content type
   * @param body the whole body, not changed
   */
  static void send(Context ctx, String contentType, byte[] body) {
    HttpServletResponse res = ctx.res();
    res.setContentType(contentType);
    res.setContentLengthLong(body.length);
    try {
      res.getOutputStream().write(body);
    } catch (IOException e) {
      // The client closed the connection mid-answer (Jetty's EofException): no one is left to
      // answer and nothing is wrong with the server, so nothing is logged; Jetty drops the
      // connection.
    }
  }
}
