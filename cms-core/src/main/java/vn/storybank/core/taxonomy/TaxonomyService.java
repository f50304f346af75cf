package vn.storybank.core.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Actor;
import vn.storybank.core.account.AuditLog;
import vn.storybank.core.changelog.Change;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.changelog.Operation;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.core.json.Json;
import vn.storybank.core.json.JsonInputs;
import vn.storybank.core.json.MergePatch;
import vn.storybank.core.persistence.Audit;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.persistence.Versions;
import vn.storybank.core.tenant.Tenant;
import vn.storybank.core.tenant.TenantQueries;

/** The terms of a tenant's taxonomies: pillars, topics, places, ethnic groups, markets. */
public final class TaxonomyService {
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
  private final Transactions transactions;
  private final ChangeLog changeLog;
  private final Clock clock;

  public TaxonomyService(Transactions transactions, ChangeLog changeLog, Clock clock) {
    this.transactions = transactions;
    this.changeLog = changeLog;
    this.clock = clock;
  }

  public static TermKind kind(String pathSegment) {
    return TermKind.fromPath(pathSegment)
        .orElseThrow(
            () ->
                StorybankException.notFound(
                    "There is no taxonomy '"
                        + pathSegment
                        + "'; the taxonomies are "
                        + TermKind.allPaths()
                        + "."));
  }

  /** Terms are not secret: whoever may read a tenant's published content may read them. */
  public List<TermView> list(String tenant, TermKind kind, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_PUBLISHED);
          return list(em, tenant, kind);
        });
  }

  private static List<TermView> list(EntityManager em, String tenant, TermKind kind) {
    new TenantQueries(em).require(tenant);
    return new TermQueries(em).ofKind(tenant, kind).stream().map(TermView::of).toList();
  }

  public TermView get(String tenant, TermKind kind, String idOrCode, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_PUBLISHED);
          return TermView.of(require(em, tenant, kind, idOrCode));
        });
  }

  public TermView create(String tenant, TermKind kind, TermInput input, Actor actor) {
    return transactions.write(
        em -> {
          Access.require(em, actor, tenant, Action.TAXONOMY_WRITE);
          Tenant owner = new TenantQueries(em).require(tenant);
          Term term =
              new Term(
                  UUID.randomUUID(),
                  tenant,
                  kind,
                  Audit.created(actor.recordedName(), clock.instant()));
          apply(em, owner, term, input);
          em.persist(term);
          em.flush();
          audit(em, term, AuditLog.TERM_CREATED, actor);
          log(em, term, Operation.CREATE, actor);
          return TermView.of(term);
        });
  }

  /** Creates the term with this code, or replaces it, in the caller's transaction (import). */
  public boolean upsert(
      EntityManager em, String tenant, TermKind kind, TermInput input, Actor actor) {
    Tenant owner = new TenantQueries(em).require(tenant);
    Term term =
        input.code() == null
            ? null
            : new TermQueries(em).byCode(tenant, kind, input.code()).orElse(null);
    boolean created = term == null;
    if (created) {
      term =
          new Term(
              UUID.randomUUID(),
              tenant,
              kind,
              Audit.created(actor.recordedName(), clock.instant()));
    }
    apply(em, owner, term, input);
    if (created) {
      em.persist(term);
    } else {
      term.audit().touch(actor.recordedName(), clock.instant());
    }
    em.flush();
    log(em, term, created ? Operation.CREATE : Operation.UPDATE, actor);
    return created;
  }

  /** Applies a JSON merge patch to the term. */
  public TermView patch(
      String tenant,
      TermKind kind,
      String idOrCode,
      JsonNode patch,
      Long expectedVersion,
      Actor actor) {
    return transactions.write(
        em -> {
          Access.require(em, actor, tenant, Action.TAXONOMY_WRITE);
          Term term = require(em, tenant, kind, idOrCode);
          Versions.check(expectedVersion, term.version(), "Term " + term.code());
          ObjectNode current = Json.mapper().valueToTree(TermView.of(term));
          List.of("id", "kind", "version", "createdAt", "updatedAt").forEach(current::remove);
          TermInput input = JsonInputs.convert(MergePatch.apply(current, patch), TermInput.class);
          apply(em, new TenantQueries(em).require(tenant), term, input);
          term.audit().touch(actor.recordedName(), clock.instant());
          em.flush();
          audit(em, term, AuditLog.TERM_CHANGED, actor);
          log(em, term, Operation.UPDATE, actor);
          return TermView.of(term);
        });
  }

  public void delete(
      String tenant, TermKind kind, String idOrCode, Long expectedVersion, Actor actor) {
    transactions.write(
        em -> {
          Access.require(em, actor, tenant, Action.TAXONOMY_WRITE);
          Term term = require(em, tenant, kind, idOrCode);
          Versions.check(expectedVersion, term.version(), "Term " + term.code());
          long uses = new TermQueries(em).countEntriesFiledUnder(term.id());
          long children = new TermQueries(em).countChildren(term.id());
          if (uses > 0 || children > 0) {
            throw StorybankException.conflict(
                "The "
                    + kind.singular()
                    + " '"
                    + term.code()
                    + "' is still used by "
                    + uses
                    + " entries and has "
                    + children
                    + " child terms; remove those uses first.");
          }
          audit(em, term, AuditLog.TERM_DELETED, actor);
          log(em, term, Operation.DELETE, actor);
          em.remove(term);
          return null;
        });
  }

  private static Term require(EntityManager em, String tenant, TermKind kind, String idOrCode) {
    new TenantQueries(em).require(tenant);
    UUID id = parseUuid(idOrCode);
    TermQueries terms = new TermQueries(em);
    return (id == null ? terms.byCode(tenant, kind, idOrCode) : terms.byId(tenant, kind, id))
        .orElseThrow(
            () ->
                StorybankException.notFound(
                    "There is no "
                        + kind.singular()
                        + " '"
                        + idOrCode
                        + "' in tenant "
                        + tenant
                        + "."));
  }

  private static UUID parseUuid(String value) {
    try {
      return value != null && value.length() == 36 ? UUID.fromString(value) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void apply(EntityManager em, Tenant tenant, Term term, TermInput input) {
    Violations violations = new Violations();
    if (input.code() == null || !CODE.matcher(input.code()).matches()) {
      violations.add("code", "must be 1-100 lower-case letters, digits or '-'");
    }
    if (input.labels().isEmpty()) {
      violations.add("labels", "must have at least a label in " + tenant.sourceLocale());
    }
    java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
    input
        .labels()
        .forEach(
            (locale, label) -> {
              var canonical = tenant.enabledLocale(locale);
              if (canonical.isEmpty()) {
                violations.add("labels." + locale, tenant.whyNot(locale));
              } else {
                violations.requireText("labels." + locale, label, 300);
                labels.put(canonical.get(), label);
              }
            });
    GeoPoint.validate("geo", input.geo(), violations);
    if (input.validFrom() != null
        && input.validTo() != null
        && input.validTo().isBefore(input.validFrom())) {
      violations.add("validTo", "must not be before validFrom");
    }
    violations.maxLength("adminCode", input.adminCode(), 32);
    Term parent = null;
    if (input.parent() != null) {
      if (term.kind() != TermKind.PLACE) {
        violations.add("parent", "only places form a hierarchy");
      } else {
        parent =
            new TermQueries(em).byCode(term.tenant(), term.kind(), input.parent()).orElse(null);
        if (parent == null) {
          violations.add("parent", "there is no place '" + input.parent() + "'");
        } else if (createsCycle(term, parent)) {
          violations.add("parent", "'" + input.parent() + "' lies below this place");
        }
      }
    }
    if (input.code() != null && violations.isEmpty()) {
      boolean taken =
          new TermQueries(em)
              .codeTakenByAnother(term.tenant(), term.kind(), input.code(), term.id());
      if (taken) {
        violations.add(
            "code", "'" + input.code() + "' is already used by another " + term.kind().singular());
      }
    }
    violations.throwIfAny();
    term.replace(
        new TermInput(
            input.code(),
            labels,
            input.parent(),
            input.adminCode(),
            input.geo(),
            input.validFrom(),
            input.validTo()),
        parent);
  }

  private static boolean createsCycle(Term term, Term parent) {
    for (Term t = parent; t != null; t = t.parent()) {
      if (t.id().equals(term.id())) {
        return true;
      }
    }
    return false;
  }

  /** An import's terms are in its one audit row (see TransferService); requests get their own. */
  private void audit(EntityManager em, Term term, String action, Actor actor) {
    AuditLog.record(
        em,
        clock,
        actor,
        action,
        term.tenant(),
        term.kind().pathSegment() + " " + term.code(),
        null);
  }

  private void log(EntityManager em, Term term, Operation operation, Actor actor) {
    changeLog.append(
        em,
        new Change(term.tenant(), "term", term.id(), null, operation, term.version()),
        actor.recordedName());
  }
}
