package vn.storybank.web.admin;

/** A new comment: its text and, optionally, the locale it is about. */
record CommentInput(String body, String locale) {}
