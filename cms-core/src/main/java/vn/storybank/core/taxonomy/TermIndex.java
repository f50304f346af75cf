package vn.storybank.core.taxonomy;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.storybank.core.error.Violations;

/**
 * A tenant's terms, loaded once per transaction: resolving the codes of a whole import batch costs
 * one query, not one per field.
 */
public final class TermIndex {
  private final Map<TermKind, Map<String, Term>> byKindAndCode = new HashMap<>();
  private final String tenant;

  private TermIndex(String tenant, List<Term> terms) {
    this.tenant = tenant;
    terms.forEach(
        t -> byKindAndCode.computeIfAbsent(t.kind(), k -> new HashMap<>()).put(t.code(), t));
  }

  public static TermIndex load(EntityManager em, String tenant) {
    return new TermIndex(tenant, new TermQueries(em).all(tenant));
  }

  /** The terms named by {@code codes}; each unknown code is a violation of {@code field[i]}. */
  public Set<Term> resolve(TermKind kind, String field, List<String> codes, Violations violations) {
    Set<Term> terms = new LinkedHashSet<>();
    if (codes == null) {
      return terms;
    }
    Map<String, Term> known = byKindAndCode.getOrDefault(kind, Map.of());
    for (int i = 0; i < codes.size(); i++) {
      Term term = known.get(codes.get(i));
      if (term == null) {
        violations.add(
            field + "[" + i + "]",
            "there is no "
                + kind.singular()
                + " '"
                + codes.get(i)
                + "' in tenant "
                + tenant
                + " (see /taxonomies/"
                + kind.pathSegment()
                + "/terms)");
      } else {
        terms.add(term);
      }
    }
    return terms;
  }

  /**
   * The ids of the term with this code and of every term below it (a province and its communes).
   */
  public List<UUID> withDescendants(TermKind kind, String code) {
    Term root = byKindAndCode.getOrDefault(kind, Map.of()).get(code);
    List<UUID> ids = new ArrayList<>();
    if (root == null) {
      return ids;
    }
    Map<UUID, List<Term>> children = new HashMap<>();
    byKindAndCode
        .getOrDefault(kind, Map.of())
        .values()
        .forEach(
            t -> {
              if (t.parent() != null) {
                children.computeIfAbsent(t.parent().id(), p -> new ArrayList<>()).add(t);
              }
            });
    List<Term> queue = new ArrayList<>(List.of(root));
    while (!queue.isEmpty()) {
      Term next = queue.remove(queue.size() - 1);
      ids.add(next.id());
      queue.addAll(children.getOrDefault(next.id(), List.of()));
    }
    return ids;
  }
}
