package vn.storybank.core.workflow;

import java.util.List;

/**
 * What waits for one user: translations others submitted that they may approve, their translations
 * whose source changed since, and their work a reviewer sent back.
 */
public record Tasks(
    String user, List<TaskItem> toReview, List<TaskItem> toTranslate, List<TaskItem> returned) {}
