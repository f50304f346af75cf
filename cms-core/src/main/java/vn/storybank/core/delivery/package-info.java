/**
 * Owns the published-only read side: what readers may see ({@link
 * vn.storybank.core.delivery.Availability}), delivered items and lists, locale choice, and
 * partners' delta sync driven by the change log.
 *
 * <p>Must not know: accounts (readers are anonymous or partners, checked in cms-web), partners,
 * webhooks, search or HTTP; it reads entries and channels and never writes.
 *
 * <p>Nulls: documented nulls only (e.g. a null type in a list means every type the channel carries;
 * a translation lookup may answer null when nothing is live); images are Optional.
 */
package vn.storybank.core.delivery;
