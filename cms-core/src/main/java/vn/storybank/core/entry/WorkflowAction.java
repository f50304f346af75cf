package vn.storybank.core.entry;

/** What a reviewer or the scheduler does to a translation. */
public enum WorkflowAction {
  SUBMIT,
  APPROVE,
  REJECT,
  PUBLISH,
  UNPUBLISH
}
