package vn.storybank.core.error;

/** One invalid field: a JSON path such as {@code translations.vi.title} and what is wrong. */
public record FieldError(String field, String message) {}
