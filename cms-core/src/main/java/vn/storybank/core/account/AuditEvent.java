package vn.storybank.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One row of the audit log. Immutable: Hibernate never writes an update for it. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  private Long seq;

  @Column(name = "at", nullable = false)
  private Instant at;

  @Column(name = "username", nullable = false)
  private String username;

  @Column(name = "action", nullable = false)
  private String action;

  @Column(name = "tenant_code")
  private String tenant;

  @Column(name = "target")
  private String target;

  @Column(name = "address")
  private String address;

  @Column(name = "detail")
  private String detail;

  protected AuditEvent() {}

  AuditEvent(
      Instant at,
      String username,
      String action,
      String tenant,
      String target,
      String address,
      String detail) {
    this.at = at;
    this.username = cut(username, 100);
    this.action = action;
    this.tenant = tenant;
    this.target = cut(target, 300);
    this.address = cut(address, 64);
    this.detail = cut(detail, 1000);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  AuditView view() {
    return new AuditView(seq, at, username, action, tenant, target, address, detail);
  }
}
