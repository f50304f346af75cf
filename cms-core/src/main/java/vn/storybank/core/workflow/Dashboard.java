package vn.storybank.core.workflow;

import java.util.List;

/** Where a tenant's translations into one locale stand; each list holds at most 100 items. */
public record Dashboard(
    String locale,
    String sourceLocale,
    int missingCount,
    int staleCount,
    int inReviewCount,
    int publishedCount,
    List<TaskItem> missing,
    List<TaskItem> stale,
    List<TaskItem> inReview,
    List<TaskItem> published) {}
