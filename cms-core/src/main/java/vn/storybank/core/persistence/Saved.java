package vn.storybank.core.persistence;

/** The result of a create-or-replace: the stored value, and whether it was new. */
public record Saved<T>(T value, boolean created) {}
