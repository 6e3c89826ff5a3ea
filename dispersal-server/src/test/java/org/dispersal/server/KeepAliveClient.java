package org.dispersal.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection to a loopback server, kept open between requests (keep-alive), for {@link
 * SummaryLoad}: GET requests written as bytes and answers read by their {@code Content-Length} or
 * chunked encoding, in the calling thread. It does what a load generator such as wrk does and no
 * more (no redirects, no TLS, no decoding of the body), so the time it takes is small next to the
 * server's, and a test on two cores measures the server rather than {@code java.net.http}'s
 * selector and executor threads. A connection the server closes (a {@code Connection: close}
 * answer, an error) is opened again for the next request.
 */
final class KeepAliveClient implements AutoCloseable {

  /** One answer: its status, ETag and Content-Encoding headers (or null) and its body as sent. */
  record Reply(int status, String etag, String contentEncoding, byte[] body) {}

  private final String host;
  private final int port;
  private final int timeoutMillis;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  KeepAliveClient(String host, int port, int timeoutMillis) {
    this.host = host;
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Sends a GET and reads the whole answer.
   *
   * @param target the path and query
   * @param headers extra header lines, each "Name: value"
   * @throws IOException when the connection fails or the answer is not HTTP/1.1 as expected
   */
  Reply get(String target, String... headers) throws IOException {
    StringBuilder req = new StringBuilder(256);
    req.append("GET ").append(target).append(" HTTP/1.1\r\nHost: ").append(host).append(':');
    req.append(port).append("\r\n");
    for (String h : headers) {
      req.append(h).append("\r\n");
    }
    req.append("\r\n");
    byte[] bytes = req.toString().getBytes(StandardCharsets.ISO_8859_1);
    if (socket == null) {
      open();
    }
    try {
      out.write(bytes);
      out.flush();
      return read();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private void open() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(timeoutMillis);
    socket.connect(new InetSocketAddress(host, port), timeoutMillis);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    out = socket.getOutputStream();
  }

  private Reply read() throws IOException {
    String status = line();
    if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
      throw new IOException("not an HTTP/1.1 status line: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closes = false;
    String etag = null;
    String encoding = null;
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        throw new IOException("a header line without a colon: " + h);
      }
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> closes = value.equalsIgnoreCase("close");
        case "etag" -> etag = value;
        case "content-encoding" -> encoding = value;
        default -> {}
      }
    }
    byte[] body;
    if (code == 304 || code == 204 || code / 100 == 1) {
      body = new byte[0];
    } else if (chunked) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int size = chunkSize(); size > 0; size = chunkSize()) {
        all.write(exactly(size));
        line();
      }
      for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
        // trailers are not used
      }
      body = all.toByteArray();
    } else if (length >= 0) {
      body = exactly(Math.toIntExact(length));
    } else {
      body = in.readAllBytes();
      closes = true;
    }
    if (closes) {
      close();
    }
    return new Reply(code, etag, encoding, body);
  }

  private int chunkSize() throws IOException {
    String l = line();
    int semi = l.indexOf(';');
    return Integer.parseInt((semi < 0 ? l : l.substring(0, semi)).trim(), 16);
  }

  private byte[] exactly(int n) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length != n) {
      throw new EOFException("the answer ended after " + b.length + " of " + n + " bytes");
    }
    return b;
  }

  private String line() throws IOException {
    StringBuilder s = new StringBuilder(64);
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException("the connection closed inside an answer");
      }
      if (c == '\n') {
        int end = s.length();
        if (end > 0 && s.charAt(end - 1) == '\r') {
          s.setLength(end - 1);
        }
        return s.toString();
      }
      s.append((char) c);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a loopback socket that already failed: nothing to do
      }
      socket = null;
    }
  }
}
