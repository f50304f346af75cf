package vn.storybank.core.entry;

import java.util.List;

/** The validated, sanitised text of a translation. */
record TranslationText(
    String title,
    String subtitle,
    String summary,
    String body,
    String slug,
    String seoTitle,
    String seoDescription,
    List<String> keywords,
    String caption,
    String altText) {}
