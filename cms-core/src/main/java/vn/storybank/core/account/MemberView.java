package vn.storybank.core.account;

import java.time.Instant;
import java.util.List;

/** A membership as the API shows it. */
public record MemberView(
    String username,
    String tenant,
    List<String> roles,
    List<String> locales,
    Instant updatedAt,
    String updatedBy) {
  static MemberView of(Membership m) {
    return new MemberView(
        m.username(),
        m.tenant(),
        m.roles().stream().map(Role::code).toList(),
        m.locales(),
        m.updatedAt(),
        m.updatedBy());
  }
}
