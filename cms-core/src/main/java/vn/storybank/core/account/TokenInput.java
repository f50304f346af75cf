package vn.storybank.core.account;

import java.time.Instant;

/** A token to issue: a name that says what script uses it, and optionally when it expires. */
public record TokenInput(String name, Instant expiresAt) {}
