package vn.storybank.core.secret;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.persistence.Transactions;

/**
 * Secrets kept in the database, so that every node sharing it uses the same one without anyone
 * configuring it: the first node that asks generates it, the others read it.
 */
public final class ServerSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Transactions transactions;
  private final Clock clock;

  public ServerSecrets(Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * The named secret: 32 random bytes (base64url), made and stored on first use. Two nodes asking
   * at once both end up with the one that was stored first.
   */
  public String get(String name) {
    String stored = find(name);
    if (stored != null) {
      return stored;
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String made = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try {
      transactions.write(
          em -> {
            em.persist(new ServerSecret(name, made, clock.instant()));
            return null;
          });
      return made;
    } catch (StorybankException e) {
      // Another node stored one meanwhile (primary key): use it.
      String theirs = e.kind() == ErrorKind.CONFLICT ? find(name) : null;
      if (theirs == null) {
        throw e;
      }
      return theirs;
    }
  }

  private String find(String name) {
    return transactions.read(
        em -> {
          ServerSecret secret = em.find(ServerSecret.class, name);
          return secret == null ? null : secret.secret();
        });
  }

  public static List<Class<?>> entityClasses() {
    return List.of(ServerSecret.class);
  }
}
