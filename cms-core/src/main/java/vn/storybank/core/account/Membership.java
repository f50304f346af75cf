package vn.storybank.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One person's roles in one tenant (and, for translators, their locales). */
@Entity
@Table(name = "tenant_member")
@IdClass(Membership.Key.class)
public class Membership {
  @Id
  @Column(name = "username")
  private String username;

  @Id
  @Column(name = "tenant_code")
  private String tenant;

  @Column(name = "roles", nullable = false)
  private String roles;

  @Column(name = "locales", nullable = false)
  private String locales;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  protected Membership() {}

  Membership(String username, String tenant) {
    this.username = username;
    this.tenant = tenant;
  }

  void replace(Set<Role> roles, List<String> locales, String by, Instant now) {
    this.roles = String.join(",", roles.stream().map(Role::code).toList());
    this.locales = String.join(",", locales);
    this.updatedAt = now;
    this.updatedBy = by;
  }

  String username() {
    return username;
  }

  String tenant() {
    return tenant;
  }

  Set<Role> roles() {
    Set<Role> set = new LinkedHashSet<>();
    split(roles).forEach(code -> Role.of(code).ifPresent(set::add));
    return set;
  }

  List<String> locales() {
    return split(locales);
  }

  Instant updatedAt() {
    return updatedAt;
  }

  String updatedBy() {
    return updatedBy;
  }

  private static List<String> split(String list) {
    return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
  }

  /** The composite key (username, tenant). */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String username;
    private String tenant;

    public Key() {}

    Key(String username, String tenant) {
      this.username = username;
      this.tenant = tenant;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(username, k.username)
          && Objects.equals(tenant, k.tenant);
    }

    @Override
    public int hashCode() {
      return Objects.hash(username, tenant);
    }
  }
}
