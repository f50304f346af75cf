package vn.storybank.core.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per username and per address within a window. After too many, further attempts
 * are refused without checking the password until the oldest failure leaves the window. Kept in
 * memory: each node counts its own attempts, which bounds guessing to (nodes × limit) per window.
 */
final class LoginThrottle {
  static final int PER_USER = 5;
  static final int PER_ADDRESS = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_KEYS = 100_000;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long the caller must wait, if the username or the address is blocked now. */
  Optional<Duration> blocked(String username, String address) {
    Instant now = clock.instant();
    Optional<Duration> user = wait("u:" + username, PER_USER, now);
    Optional<Duration> from =
        address == null ? Optional.empty() : wait("a:" + address, PER_ADDRESS, now);
    if (user.isPresent() && from.isPresent()) {
      return user.get().compareTo(from.get()) > 0 ? user : from;
    }
    return user.isPresent() ? user : from;
  }

  /**
   * How long the caller must wait, if the address is blocked now: for secrets that name no user (a
   * token, a session cookie), where only the address can be counted.
   */
  Optional<Duration> blocked(String address) {
    return address == null ? Optional.empty() : wait("a:" + address, PER_ADDRESS, clock.instant());
  }

  /** A wrong secret that names no user: counted against the address only. */
  void failed(String address) {
    if (address != null) {
      Instant now = clock.instant();
      forgetPassedWindows(now);
      add("a:" + address, now);
    }
  }

  void failed(String username, String address) {
    Instant now = clock.instant();
    forgetPassedWindows(now);
    add("u:" + username, now);
    if (address != null) {
      add("a:" + address, now);
    }
  }

  private void forgetPassedWindows(Instant now) {
    if (failures.size() > MAX_KEYS) {
      // A flood of distinct names must not exhaust memory; forget windows that have passed.
      failures.entrySet().removeIf(e -> prune(e.getValue(), now).isEmpty());
    }
  }

  void succeeded(String username) {
    failures.remove("u:" + username);
  }

  private void add(String key, Instant now) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      prune(times, now).addLast(now);
    }
  }

  private Optional<Duration> wait(String key, int limit, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    synchronized (times) {
      prune(times, now);
      if (times.size() < limit) {
        return Optional.empty();
      }
      return Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
    }
  }

  private static Deque<Instant> prune(Deque<Instant> times, Instant now) {
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
        times.removeFirst();
      }
      return times;
    }
  }
}
