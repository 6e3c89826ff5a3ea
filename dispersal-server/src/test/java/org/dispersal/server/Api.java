package org.dispersal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A test client of the service over real HTTP: keeps the session cookie and CSRF token of a login,
 * or sends an API token, like a browser or a script would.
 */
final class Api {

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final String base;
  String cookie;
  String csrf;
  String bearer;

  Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** A response with its body parsed when it is JSON. */
  record Reply(int status, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return Json.MAPPER.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String body() {
      return raw.body();
    }

    static JsonNode parse(String text) {
      try {
        return Json.MAPPER.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Logs in, keeping the cookie and CSRF token; returns the reply. */
  Reply login(String user, String password) {
    Reply r = send("POST", "/api/session", json("username", user, "password", password));
    if (r.status() == 200) {
      String set = r.header("Set-Cookie");
      cookie = set.substring(0, set.indexOf(';'));
      csrf = r.json().get("csrfToken").asText();
    }
    return r;
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  /** A GET that must answer 200; the reply. */
  Reply getOk(String path) {
    Reply r = get(path);
    assertThat(r.status()).as("GET %s: %s", path, r.body()).isEqualTo(200);
    return r;
  }

  Reply post(String path, String body) {
    return send("POST", path, body);
  }

  Reply put(String path, String body) {
    return send("PUT", path, body);
  }

  Reply delete(String path) {
    return send("DELETE", path, null);
  }

  /** A GET whose body is kept as bytes (a PDF, a Parquet file). */
  HttpResponse<byte[]> download(String path) {
    try {
      return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A HEAD request with the session cookie or token, without a CSRF token. */
  Reply head(String path) {
    return exchange(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
  }

  /** Sends a request with the session cookie (and CSRF token on unsafe methods) or token. */
  Reply send(String method, String path, String body) {
    HttpRequest.Builder b = request(path);
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (!method.equals("GET") && csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return exchange(b.build());
  }

  /** A request for a run's progress stream, with the credentials. */
  HttpRequest.Builder events(long run) {
    return request("/api/runs/" + run + "/events").header("Accept", "text/event-stream");
  }

  /** A request builder with the credentials but no CSRF header. */
  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return b;
  }

  static Reply exchange(HttpRequest request) {
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A JSON object from name/value pairs (values: strings, numbers, booleans or null). */
  static String json(Object... pairs) {
    var node = Json.MAPPER.createObjectNode();
    for (int i = 0; i < pairs.length; i += 2) {
      node.set((String) pairs[i], Json.MAPPER.valueToTree(pairs[i + 1]));
    }
    return node.toString();
  }
}
