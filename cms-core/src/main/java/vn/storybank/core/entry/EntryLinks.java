package vn.storybank.core.entry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.storybank.core.error.Violations;

/**
 * Checks the links an entry's input names: entries of the tenant, of an allowed type, once each.
 */
final class EntryLinks {
  private EntryLinks() {}

  /** Links in one role, each checked to be an entry of this tenant of an allowed type. */
  static List<EntryLink> check(
      WriteContext ctx,
      Entry self,
      String role,
      List<UUID> targets,
      Set<EntryType> allowed,
      Violations v) {
    List<EntryLink> links = new ArrayList<>();
    if (targets == null || targets.isEmpty()) {
      return links;
    }
    Map<UUID, EntryType> existing = ctx.existingEntries(new LinkedHashSet<>(targets));
    Set<UUID> seen = new LinkedHashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      UUID target = targets.get(i);
      String field = role + "[" + i + "]";
      EntryType found = target == null ? null : existing.get(target);
      if (target == null) {
        v.add(field, "must be an entry id");
      } else if (target.equals(self.id())) {
        v.add(field, "an entry cannot link to itself");
      } else if (found == null) {
        v.add(field, "there is no entry " + target + " in tenant " + ctx.tenant().code());
      } else if (!allowed.contains(found)) {
        v.add(field, target + " is a " + found.code() + ", expected " + codes(allowed));
      } else if (!seen.add(target)) {
        v.add(field, target + " is listed twice");
      } else {
        links.add(new EntryLink(role, target));
      }
    }
    return links;
  }

  private static String codes(Set<EntryType> types) {
    return String.join(" or ", types.stream().map(EntryType::code).toList());
  }
}
