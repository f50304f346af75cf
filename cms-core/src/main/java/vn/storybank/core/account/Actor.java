package vn.storybank.core.account;

import java.util.Objects;

/**
 * Who acts: a signed-in user, a partner key, the scheduler or the system itself. Every service
 * method that reads or writes a tenant's content takes one and checks it in its own transaction
 * (see {@link Access}). The database and the API never see this type, only {@link #recordedName()}:
 * the text written as created-by, in the change log and in the audit log, the same text as before
 * there was a type.
 */
public sealed interface Actor {
  /** The bootstrap administrator's username: the super-admin of every tenant. */
  String SUPER_ADMIN_NAME = "admin";

  /** The scheduler firing due publish, unpublish and embargo times. */
  Actor SCHEDULER = new Scheduler();

  /** The webhook sender, which disables a subscription whose receiver answered 410 Gone. */
  Actor WEBHOOKS = new System("webhooks");

  /**
   * The names the process's own actors write in the audit log: no user may take one, so that a row
   * by "scheduler" is always the scheduler's.
   */
  java.util.Set<String> PROCESS_NAMES =
      java.util.Set.of(SCHEDULER.recordedName(), WEBHOOKS.recordedName());

  /** The name recorded as created-by, in the change log and in the audit log. */
  String recordedName();

  /**
   * Whether no membership limits this actor: the bootstrap administrator, the scheduler and the
   * system. A partner key and every other user are checked against their memberships.
   */
  boolean unrestricted();

  static User user(String username) {
    return new User(username);
  }

  /** The bootstrap administrator, who behaves as the super-admin of every tenant. */
  static User superAdmin() {
    return new User(SUPER_ADMIN_NAME);
  }

  /** Whether this username is the bootstrap administrator's. */
  static boolean isSuperAdmin(String username) {
    return SUPER_ADMIN_NAME.equals(username);
  }

  /** Work the process starts on its own (migrations, start-up jobs), recorded under {@code job}. */
  static Actor system(String job) {
    return new System(job);
  }

  /** A person signed in with a password, a session or a personal token. */
  record User(String username) implements Actor {
    public User {
      Objects.requireNonNull(username, "username");
    }

    @Override
    public String recordedName() {
      return username;
    }

    @Override
    public boolean unrestricted() {
      return isSuperAdmin(username);
    }
  }

  /** A delivery partner's key; it reads published content and manages nothing. */
  record Partner(String keyId) implements Actor {
    public Partner {
      Objects.requireNonNull(keyId, "keyId");
    }

    @Override
    public String recordedName() {
      return "partner " + keyId;
    }

    @Override
    public boolean unrestricted() {
      return false;
    }
  }

  /** The scheduler; recorded as "scheduler", as it always was. */
  record Scheduler() implements Actor {
    @Override
    public String recordedName() {
      return "scheduler";
    }

    @Override
    public boolean unrestricted() {
      return true;
    }
  }

  /** The process itself, recorded under the name of its job. */
  record System(String job) implements Actor {
    public System {
      Objects.requireNonNull(job, "job");
    }

    @Override
    public String recordedName() {
      return job;
    }

    @Override
    public boolean unrestricted() {
      return true;
    }
  }
}
