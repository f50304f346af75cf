package vn.storybank.core.entry;

/** One text field that differs between two revisions. */
public record FieldChange(String field, String before, String after) {}
