package vn.storybank.core.account;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every query over users, memberships, tokens and browser sessions, in the transaction of the
 * entity manager it is given.
 */
final class AccountQueries {
  private final EntityManager em;

  AccountQueries(EntityManager em) {
    this.em = em;
  }

  /** Every user, by name. */
  List<AppUser> users() {
    return em.createQuery("select u from AppUser u order by u.username", AppUser.class)
        .getResultList();
  }

  /** The user's memberships, by tenant. */
  List<Membership> membershipsOf(String username) {
    return em.createQuery(
            "select m from Membership m where m.username = :user order by m.tenant",
            Membership.class)
        .setParameter("user", username)
        .getResultList();
  }

  /** The tenant's members, by name. */
  List<Membership> membersOf(String tenant) {
    return em.createQuery(
            "select m from Membership m where m.tenant = :tenant order by m.username",
            Membership.class)
        .setParameter("tenant", tenant)
        .getResultList();
  }

  /** The token with this secret's hash. */
  Optional<ApiToken> tokenByHash(String hash) {
    return em.createQuery("select t from ApiToken t where t.secretHash = :hash", ApiToken.class)
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst();
  }

  /** The user's tokens, newest first. */
  List<ApiToken> tokensOf(String username) {
    return em.createQuery(
            "select t from ApiToken t where t.username = :user order by t.createdAt desc",
            ApiToken.class)
        .setParameter("user", username)
        .getResultList();
  }

  /** Ends the user's open browser sessions; returns how many. */
  int endSessions(String username, Instant now) {
    return em.createQuery(
            "update WebSession s set s.revokedAt = :now where s.username = :user"
                + " and s.revokedAt is null and s.expiresAt > :now")
        .setParameter("now", now)
        .setParameter("user", username)
        .executeUpdate();
  }

  /** Ends the user's open browser sessions but the one with this hash; returns how many. */
  int endSessionsBut(String username, String keepHash, Instant now) {
    return em.createQuery(
            "update WebSession s set s.revokedAt = :now where s.username = :user"
                + " and s.revokedAt is null and s.expiresAt > :now and s.secretHash <> :keep")
        .setParameter("now", now)
        .setParameter("user", username)
        .setParameter("keep", keepHash)
        .executeUpdate();
  }
}
