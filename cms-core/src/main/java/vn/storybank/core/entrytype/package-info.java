/**
 * What each entry type adds to the common {@link vn.storybank.core.entry.Entry} on the read side:
 * one {@code TypeDescriptor} per {@link vn.storybank.core.entry.EntryType}, registered in {@link
 * vn.storybank.core.entrytype.EntryTypes}, says its kind, its delivered fields (a typed {@link
 * vn.storybank.core.entrytype.TypeFields} record), the place and date it is about, and whether it
 * is itself a media asset. Delivery and snapshots ask here instead of testing the entity's class.
 *
 * <p>Owns the descriptors and the delivered-field records. Knows the entity classes of the types
 * (story, product, media, collection) and nothing of delivery, snapshots, search or HTTP: those
 * depend on this package, never the reverse.
 *
 * <p>Null policy: the registry never answers null for a descriptor (every type is registered, or
 * the class fails to load); a descriptor answers null for a fact its type does not have (a place, a
 * date, OCOP stars, the entry as a media asset), and the delivered records hold null for fields an
 * editor left empty, which JSON leaves out.
 */
package vn.storybank.core.entrytype;
