package vn.storybank.core.account;

import jakarta.persistence.EntityManager;
import java.util.Optional;

/**
 * The tenants, as the packages below them see them. Tenants sit above accounts and the change log
 * (a tenant's operations check {@link Access} and append to the log), so member management and the
 * change-log reads find tenants through this seam instead of depending on the tenant package;
 * {@code TenantService::require} implements it.
 */
@FunctionalInterface
public interface Tenants {
  /** The tenant with this code; a not-found problem that names it when there is none. */
  Known require(EntityManager em, String code);

  /** What members need of a tenant: its locales. */
  interface Known {
    /** The canonical tag if it is one of the tenant's enabled locales. */
    Optional<String> enabledLocale(String tag);

    /** Why a tag is not one of the enabled locales (refused by the registry, or not enabled). */
    String whyNot(String tag);
  }
}
