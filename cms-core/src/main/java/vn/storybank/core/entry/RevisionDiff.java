package vn.storybank.core.entry;

import java.util.List;

/** What changed in one locale from revision {@code against} to revision {@code revision}. */
public record RevisionDiff(String locale, long revision, long against, List<FieldChange> changes) {}
