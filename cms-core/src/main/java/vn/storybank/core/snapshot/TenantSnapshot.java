package vn.storybank.core.snapshot;

import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.taxonomy.TermView;
import vn.storybank.core.tenant.TenantView;

/**
 * A tenant as search reads it when labelling facets and deciding what the public may open.
 *
 * @param terms every term of the tenant, by kind (every kind present, maybe with no terms)
 * @param publicChannels the codes of its public channels
 */
public record TenantSnapshot(
    TenantView tenant, Map<TermKind, List<TermView>> terms, Set<String> publicChannels) {}
