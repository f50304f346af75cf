package vn.storybank.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who signs in: the bootstrap administrator or a local account. */
@Entity
@Table(name = "app_user")
public class AppUser {
  @Id
  @Column(name = "username")
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected AppUser() {}

  AppUser(String username, String passwordHash, String displayName, Instant now) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.displayName = displayName;
    this.createdAt = now;
    this.updatedAt = now;
  }

  String username() {
    return username;
  }

  String displayName() {
    return displayName;
  }

  Instant createdAt() {
    return createdAt;
  }

  String passwordHash() {
    return passwordHash;
  }

  void changePassword(String hash, Instant now) {
    this.passwordHash = hash;
    this.updatedAt = now;
  }
}
