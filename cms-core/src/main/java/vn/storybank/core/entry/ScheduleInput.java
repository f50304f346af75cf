package vn.storybank.core.entry;

import java.time.Instant;

/** When a translation is published, unpublished, and shown at the earliest (null: not set). */
public record ScheduleInput(Instant publishAt, Instant unpublishAt, Instant embargoUntil) {}
