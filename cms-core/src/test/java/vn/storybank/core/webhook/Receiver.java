package vn.storybank.core.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's webhook endpoint on loopback: answers with the statuses it is told to (then 204), and
 * keeps every request it received.
 */
public final class Receiver implements AutoCloseable {
  /** One received request. */
  public record Request(String id, String timestamp, String signature, String body) {
    /** Verifies the signature as a partner would, with the Standard Webhooks recipe. */
    public boolean signedWith(String secret) {
      try {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected =
            mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String candidate : signature.split(" ")) {
          String[] parts = candidate.split(",", 2);
          if (parts.length == 2
              && parts[0].equals("v1")
              && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
            return true;
          }
        }
        return false;
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final HttpServer server;
  private final Deque<Map.Entry<Integer, String>> answers = new ArrayDeque<>();
  private final List<Request> received = new ArrayList<>();

  public Receiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Map.Entry<Integer, String> answer;
          synchronized (this) {
            received.add(
                new Request(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(body, StandardCharsets.UTF_8)));
            answer = answers.isEmpty() ? Map.entry(204, "") : answers.poll();
          }
          if (!answer.getValue().isEmpty()) {
            exchange.getResponseHeaders().add("Retry-After", answer.getValue());
          }
          exchange.sendResponseHeaders(answer.getKey(), -1);
          exchange.close();
        });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** The next answers, in order; after them, 204. */
  public synchronized void answer(int... statuses) {
    for (int status : statuses) {
      answers.add(Map.entry(status, ""));
    }
  }

  public synchronized void answerWithRetryAfter(int status, String retryAfter) {
    answers.add(Map.entry(status, retryAfter));
  }

  public synchronized List<Request> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
