/**
 * Owns the append-only change log: every write appends one {@link
 * vn.storybank.core.changelog.Change} in its own transaction, with gap-free sequence numbers in
 * commit order; followers read it through {@link vn.storybank.core.changelog.ChangeService}.
 *
 * <p>Must not know: tenants or any feature package (they all write to it); it knows only accounts,
 * for the permission check of the read side, and persistence.
 *
 * <p>Nulls: {@code Change.locale} is null for a change of the whole entry; a null tenant in {@code
 * ChangeLog.after} means every tenant. Everything else is non-null.
 */
package vn.storybank.core.changelog;
