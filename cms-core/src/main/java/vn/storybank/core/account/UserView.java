package vn.storybank.core.account;

import java.time.Instant;
import java.util.List;

/**
 * A user as the API shows it: never a password hash. {@code memberships} lists only the tenants the
 * viewer administers (all of them for the super-admin or the user themself).
 */
public record UserView(
    String username,
    String displayName,
    boolean superAdmin,
    Instant createdAt,
    List<MemberView> memberships) {}
