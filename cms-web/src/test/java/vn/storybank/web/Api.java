package vn.storybank.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import vn.storybank.core.json.Json;

/** A small HTTP client for the API tests: real requests, bodies as text or JSON. */
final class Api {
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI base;
  private final String authorization;
  private final java.util.Map<String, String> headers;

  Api(URI base, String user, String password) {
    this(base, user == null ? null : basic(user, password));
  }

  /** The value of an {@code Authorization} header for HTTP Basic. */
  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private Api(URI base, String authorization) {
    this(base, authorization, java.util.Map.<String, String>of());
  }

  private Api(URI base, String authorization, java.util.Map<String, String> headers) {
    this.base = base;
    this.authorization = authorization;
    this.headers = headers;
  }

  /** The same client sending one more header on every request (a cookie, a CSRF token). */
  Api withHeader(String name, String value) {
    java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new Api(base, authorization, more);
  }

  /** The same server with a personal API token. */
  Api bearer(String token) {
    return new Api(base, "Bearer " + token);
  }

  static Api admin(PayaraServer server) {
    return new Api(server.base(), "admin", PayaraServer.ADMIN_PASSWORD);
  }

  Api anonymous() {
    return new Api(base, (String) null, (String) null);
  }

  Api as(String user, String password) {
    return new Api(base, user, password);
  }

  Reply get(String path) {
    return send("GET", path, null, null, null);
  }

  /** A GET asking for one representation. */
  Reply get(String path, String accept) {
    return send("GET", path, null, null, null, false, accept);
  }

  Reply post(String path, String json) {
    return send("POST", path, "application/json", json, null);
  }

  Reply put(String path, String json) {
    return send("PUT", path, "application/json", json, null);
  }

  Reply patch(String path, String json, String ifMatch) {
    return send("PATCH", path, "application/merge-patch+json", json, ifMatch);
  }

  Reply delete(String path, String ifMatch) {
    return send("DELETE", path, null, null, ifMatch);
  }

  /**
   * A large body sent with {@code Expect: 100-continue}, as well-behaved clients do, so that a
   * server refusing it by its Content-Length can answer before the body is sent.
   */
  Reply postLarge(String path, String json) {
    return send("POST", path, "application/json", json, null, true, null);
  }

  Reply send(String method, String path, String contentType, String body, String ifMatch) {
    return send(method, path, contentType, body, ifMatch, false, null);
  }

  /** A body given as bytes, for what a string cannot hold (invalid UTF-8). */
  Reply sendBytes(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", contentType);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    headers.forEach(request::header);
    return exchange(request);
  }

  private Reply send(
      String method,
      String path,
      String contentType,
      String body,
      String ifMatch,
      boolean expectContinue,
      String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .expectContinue(expectContinue);
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    headers.forEach(request::header);
    return exchange(request);
  }

  private Reply exchange(HttpRequest.Builder request) {
    try {
      return new Reply(
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response, with its body parsed when it is JSON. */
  record Reply(HttpResponse<String> response) {
    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    JsonNode json() {
      try {
        return Json.mapper().readTree(response.body());
      } catch (IOException e) {
        throw new AssertionError("Not JSON (" + status() + "): " + response.body(), e);
      }
    }

    @Override
    public String toString() {
      return status() + " " + response.body();
    }
  }
}
