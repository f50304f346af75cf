package vn.storybank.core.secret;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A secret every node of the installation shares, by name; never changed once made. */
@Entity
@Table(name = "server_secret")
public class ServerSecret {
  @Id
  @Column(name = "name")
  private String name;

  @Column(name = "secret", nullable = false, updatable = false)
  private String secret;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected ServerSecret() {}

  ServerSecret(String name, String secret, Instant createdAt) {
    this.name = name;
    this.secret = secret;
    this.createdAt = createdAt;
  }

  String secret() {
    return secret;
  }
}
