package vn.storybank.core.entry;

import java.time.Instant;
import java.util.UUID;

/** A review comment as the API shows it. */
public record CommentView(UUID id, String locale, String author, String body, Instant createdAt) {}
