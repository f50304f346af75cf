package vn.storybank.core.changelog;

/** What a write did. */
public enum Operation {
  CREATE,
  UPDATE,
  DELETE,
  PUBLISH,
  UNPUBLISH
}
