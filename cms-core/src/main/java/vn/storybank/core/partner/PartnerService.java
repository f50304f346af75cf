package vn.storybank.core.partner;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Actor;
import vn.storybank.core.account.AuditLog;
import vn.storybank.core.account.Guesses;
import vn.storybank.core.channel.ChannelQueries;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.RateLimitedException;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.tenant.TenantQueries;

/**
 * Partner API keys: issued once, stored hashed, scoped to a tenant and its channels, rate limited,
 * and counted per key, channel, locale and day.
 *
 * <p>A key is {@code sbk_<prefix>_<secret>}: the prefix finds the row, the SHA-256 of the secret is
 * compared in constant time. The secret has 256 random bits, so a fast hash is as safe as a slow
 * one and keeps every feed request cheap.
 */
public final class PartnerService {
  private static final Pattern KEY = Pattern.compile("sbk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})");
  private static final Duration REMEMBER = Duration.ofSeconds(30);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Transactions transactions;
  private final Clock clock;
  private final RateLimits rateLimits;
  private final Guesses guesses;
  private final Map<String, Remembered> keys = new ConcurrentHashMap<>();
  private final Map<UsageCount.Key, LongAdder> pending = new ConcurrentHashMap<>();

  /**
   * @param guesses where wrong keys are counted per address, with wrong passwords and tokens
   * @param sharedDatabase whether other nodes may use the database (PostgreSQL): then a key's rate
   *     is counted in the database, for the installation, instead of in this node's memory
   */
  public PartnerService(
      Transactions transactions, Clock clock, Guesses guesses, boolean sharedDatabase) {
    this.transactions = transactions;
    this.clock = clock;
    this.rateLimits =
        sharedDatabase ? RateLimits.shared(clock, transactions) : RateLimits.inMemory(clock);
    this.guesses = guesses;
  }

  /** A key just issued: the only time its secret is shown. */
  public record Issued(PartnerView partner, String key) {}

  /** A request a key may make. */
  public record Grant(UUID keyId, String tenant, ZoneId zone) {}

  public Issued create(String tenant, PartnerInput input, Actor actor) {
    return transactions.write(
        em -> {
          Access.require(em, actor, tenant, Action.TENANT_SETTINGS);
          validate(em, tenant, input);
          String prefix = random(12);
          byte[] secretBytes = new byte[32];
          RANDOM.nextBytes(secretBytes);
          String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
          PartnerKey key =
              new PartnerKey(
                  UUID.randomUUID(),
                  tenant,
                  new PartnerInput(input.name().strip(), input.channels(), input.ratePerMinute()),
                  prefix,
                  sha256(secret),
                  clock.instant(),
                  actor.recordedName());
          em.persist(key);
          AuditLog.record(
              em,
              clock,
              actor.recordedName(),
              AuditLog.TOKEN_ISSUED,
              tenant,
              "partner key " + key.id(),
              input.name());
          return new Issued(key.view(), "sbk_" + prefix + "_" + secret);
        });
  }

  public List<PartnerView> list(String tenant, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.TENANT_SETTINGS);
          return new PartnerQueries(em).keysOf(tenant).stream().map(PartnerKey::view).toList();
        });
  }

  public PartnerView get(String tenant, UUID id, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.TENANT_SETTINGS);
          return require(em, tenant, id).view();
        });
  }

  /** Revokes the key: refused on this node at once, on others within 30 seconds. */
  public void revoke(String tenant, UUID id, Actor actor) {
    transactions.write(
        em -> {
          Access.require(em, actor, tenant, Action.TENANT_SETTINGS);
          require(em, tenant, id).revoke(clock.instant(), actor.recordedName());
          AuditLog.record(
              em,
              clock,
              actor.recordedName(),
              AuditLog.TOKEN_REVOKED,
              tenant,
              "partner key " + id,
              null);
          return null;
        });
    keys.values().removeIf(r -> r.id.equals(id));
  }

  /**
   * Checks a presented key for a channel of a tenant and takes one request from its rate.
   *
   * <p>A malformed or unknown key, or a known prefix with a wrong secret, is a guess: it counts
   * against the request's address like a failed sign-in, and a blocked address is refused before
   * the key is looked up. A revoked key is no guess (its holder had it) and is not counted, so a
   * partner's forgotten job cannot lock out its address; it gets the same 401 as an unknown key.
   *
   * @throws StorybankException 401 for a malformed, unknown or revoked key; 403 for a key of
   *     another tenant or channel; 429 (with the seconds to wait) over the key's rate, or after too
   *     many wrong keys, tokens or passwords from the address ({@link
   *     vn.storybank.core.account.Throttled})
   */
  public Grant authorize(String tenant, String channel, String presented) {
    guesses.refuseIfBlocked();
    Matcher m = presented == null ? null : KEY.matcher(presented.trim());
    if (m == null || !m.matches()) {
      guesses.wrong();
      throw new StorybankException(
          ErrorKind.UNAUTHORIZED,
          "That is not a Storybank partner key (they look like sbk_…_…); ask the province for one.");
    }
    Remembered key = remembered(m.group(1));
    if (key == null
        || !MessageDigest.isEqual(
            key.secretSha256.getBytes(StandardCharsets.US_ASCII),
            sha256(m.group(2)).getBytes(StandardCharsets.US_ASCII))) {
      guesses.wrong();
      throw unknownOrRevoked();
    }
    if (key.revoked) {
      throw unknownOrRevoked();
    }
    if (!key.tenant.equals(tenant)) {
      throw new StorybankException(
          ErrorKind.FORBIDDEN,
          "This partner key is for tenant " + key.tenant + ", not " + tenant + ".");
    }
    if (!key.channels.isEmpty() && !key.channels.contains(channel)) {
      throw new StorybankException(
          ErrorKind.FORBIDDEN,
          "This partner key may read channels " + key.channels + ", not " + channel + ".");
    }
    long wait = rateLimits.take(key.id, key.ratePerMinute);
    if (wait > 0) {
      throw new RateLimitedException(
          "This key may make "
              + key.ratePerMinute
              + " requests a minute; try again in "
              + wait
              + " s.",
          wait);
    }
    return new Grant(key.id, key.tenant, key.zone);
  }

  /** The same answer for both, so that a refusal does not tell a revoked key from a guess. */
  private static StorybankException unknownOrRevoked() {
    return new StorybankException(
        ErrorKind.UNAUTHORIZED, "This partner key is unknown or was revoked.");
  }

  /** Counts one request (kept in memory; {@link #flushUsage} writes the counts). */
  public void record(Grant grant, String channel, String locale) {
    LocalDate day = LocalDate.ofInstant(clock.instant(), grant.zone());
    pending
        .computeIfAbsent(
            new UsageCount.Key(grant.keyId(), channel, locale, day), k -> new LongAdder())
        .increment();
  }

  /** Adds the counted requests to the database. */
  public void flushUsage() {
    Map<UsageCount.Key, Long> counts = new HashMap<>();
    for (UsageCount.Key key : List.copyOf(pending.keySet())) {
      LongAdder adder = pending.remove(key);
      if (adder != null && adder.sum() > 0) {
        counts.merge(key, adder.sum(), Long::sum);
      }
    }
    if (counts.isEmpty()) {
      return;
    }
    try {
      transactions.write(
          em -> {
            counts.forEach(
                (key, n) -> {
                  UsageCount row =
                      em.find(
                          UsageCount.class,
                          key,
                          jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                  if (row == null) {
                    em.persist(new UsageCount(key, n));
                  } else {
                    row.add(n);
                  }
                });
            return null;
          });
    } catch (RuntimeException e) {
      // Counts are kept for the next flush rather than lost.
      counts.forEach((key, n) -> pending.computeIfAbsent(key, k -> new LongAdder()).add(n));
      throw e;
    }
  }

  /**
   * Requests per key, channel, locale and day, for the tenant's reports.
   *
   * @param from the first day, or null for the first of this month (tenant's time zone)
   * @param to the last day, inclusive, or null for today
   */
  public Usage usage(String tenant, LocalDate from, LocalDate to, Actor actor) {
    flushUsage();
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.TENANT_SETTINGS);
          LocalDate today =
              LocalDate.ofInstant(
                  clock.instant(), ZoneId.of(new TenantQueries(em).require(tenant).timeZone()));
          LocalDate start = from == null ? today.withDayOfMonth(1) : from;
          LocalDate end = to == null ? today : to;
          List<UsageRow> rows = new ArrayList<>();
          for (Object[] row : new PartnerQueries(em).usage(tenant, start, end)) {
            UsageCount u = (UsageCount) row[0];
            rows.add(
                new UsageRow(
                    u.id().keyId(),
                    (String) row[1],
                    u.id().channel(),
                    u.id().locale(),
                    u.id().day(),
                    u.requests()));
          }
          return new Usage(start, end, rows, rows.stream().mapToLong(UsageRow::requests).sum());
        });
  }

  /** A usage report: its days, its rows and their total. */
  public record Usage(LocalDate from, LocalDate to, List<UsageRow> items, long total) {}

  private Remembered remembered(String prefix) {
    Instant now = clock.instant();
    Remembered known = keys.get(prefix);
    if (known != null && known.until.isAfter(now)) {
      return known;
    }
    Remembered loaded =
        transactions.read(
            em ->
                new PartnerQueries(em)
                    .byPrefix(prefix)
                    .map(
                        k ->
                            new Remembered(
                                k,
                                ZoneId.of(new TenantQueries(em).require(k.tenant()).timeZone()),
                                now.plus(REMEMBER)))
                    .orElse(null));
    if (loaded != null) {
      keys.put(prefix, loaded);
    }
    return loaded;
  }

  private static PartnerKey require(EntityManager em, String tenant, UUID id) {
    new TenantQueries(em).require(tenant);
    PartnerKey key = em.find(PartnerKey.class, id);
    if (key == null || !key.tenant().equals(tenant)) {
      throw StorybankException.notFound("Tenant " + tenant + " has no partner key " + id + ".");
    }
    return key;
  }

  private static void validate(EntityManager em, String tenant, PartnerInput input) {
    Violations v = new Violations();
    v.requireText("name", input.name(), 200);
    if (input.ratePerMinute() < 1 || input.ratePerMinute() > 100_000) {
      v.add("ratePerMinute", "must be from 1 to 100000");
    }
    List<String> known = new ChannelQueries(em).codes(tenant);
    // Kept joined in one column (V7 migration).
    v.maxJoinedLength("channels", input.channels(), 2000);
    for (String channel : input.channels()) {
      if (!known.contains(channel)) {
        v.add(
            "channels", "'" + channel + "' is not a channel of " + tenant + "; channels: " + known);
      }
    }
    v.throwIfAny();
  }

  private static String random(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return s.toString();
  }

  private static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** What authorizing needs of a key, kept for a short while so feeds need no query per request. */
  private static final class Remembered {
    final UUID id;
    final String tenant;
    final String secretSha256;
    final List<String> channels;
    final int ratePerMinute;
    final boolean revoked;
    final ZoneId zone;
    final Instant until;

    Remembered(PartnerKey key, ZoneId zone, Instant until) {
      this.id = key.id();
      this.tenant = key.tenant();
      this.secretSha256 = key.secretSha256();
      this.channels = key.channels();
      this.ratePerMinute = key.ratePerMinute();
      this.revoked = key.revoked();
      this.zone = zone;
      this.until = until;
    }
  }

  /** The entity classes of this package, for the persistence unit. */
  public static List<Class<?>> entityClasses() {
    return List.of(PartnerKey.class, UsageCount.class);
  }
}
