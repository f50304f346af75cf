package vn.storybank.core.account;

import java.time.Instant;

/** One audit row as the API shows it. */
public record AuditView(
    long seq,
    Instant at,
    String user,
    String action,
    String tenant,
    String target,
    String address,
    String detail) {}
