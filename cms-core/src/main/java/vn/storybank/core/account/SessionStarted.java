package vn.storybank.core.account;

import java.time.Instant;

/**
 * A browser session just started: {@code secret} goes into an HttpOnly cookie, {@code csrfToken} to
 * the page, which sends it back in {@code X-CSRF-Token} on every unsafe request.
 */
public record SessionStarted(String username, String secret, String csrfToken, Instant expiresAt) {}
