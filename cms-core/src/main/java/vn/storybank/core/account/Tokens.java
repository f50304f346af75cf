package vn.storybank.core.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.core.persistence.Transactions;

/** Personal API tokens: issued once with their secret, listed and revoked by their owner. */
public final class Tokens {
  private final Transactions transactions;
  private final Clock clock;

  public Tokens(Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Issues a personal API token; its secret is in the result and nowhere else, ever. */
  public IssuedToken issueToken(TokenInput input, Actor actor) {
    return transactions.write(
        em -> {
          Violations v = new Violations();
          v.requireText("name", input.name(), 200);
          Instant now = clock.instant();
          if (input.expiresAt() != null && !input.expiresAt().isAfter(now)) {
            v.add("expiresAt", "must be in the future");
          }
          v.throwIfAny();
          if (em.find(AppUser.class, actor.recordedName()) == null) {
            throw StorybankException.notFound("There is no user '" + actor.recordedName() + "'.");
          }
          String secret = SignIn.TOKEN_PREFIX + Secrets.random();
          ApiToken token =
              new ApiToken(
                  UUID.randomUUID(),
                  actor.recordedName(),
                  input.name().strip(),
                  sha256(secret),
                  now,
                  input.expiresAt());
          em.persist(token);
          AuditLog.record(
              em,
              clock,
              actor.recordedName(),
              AuditLog.TOKEN_ISSUED,
              null,
              token.id().toString(),
              input.name().strip());
          return new IssuedToken(token.view(), secret);
        });
  }

  public List<TokenView> listTokens(Actor actor) {
    return transactions.read(
        em ->
            new AccountQueries(em)
                .tokensOf(actor.recordedName()).stream().map(ApiToken::view).toList());
  }

  /** Revokes one of the actor's own tokens; it stops working at once. */
  public TokenView revokeToken(UUID id, Actor actor) {
    return transactions.write(
        em -> {
          ApiToken token = id == null ? null : em.find(ApiToken.class, id);
          if (token == null || !token.username().equals(actor.recordedName())) {
            throw StorybankException.notFound("You have no token " + id + ".");
          }
          token.revoke(clock.instant());
          AuditLog.record(
              em, clock, actor.recordedName(), AuditLog.TOKEN_REVOKED, null, id.toString(), null);
          return token.view();
        });
  }

  private static String sha256(String text) {
    return Secrets.sha256(text);
  }
}
