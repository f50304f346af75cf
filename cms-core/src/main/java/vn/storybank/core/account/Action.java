package vn.storybank.core.account;

/** What a request does to a tenant, as far as permissions are concerned. */
public enum Action {
  READ_CONTENT("read drafts and all content"),
  READ_PUBLISHED("read published content"),
  WRITE_CONTENT("create and change entries"),
  WRITE_TRANSLATION("write translations"),
  PUBLISH("publish and unpublish"),
  DELETE("delete entries and translations"),
  MEDIA_WRITE("upload and edit media"),
  TAXONOMY_WRITE("change taxonomies"),
  TENANT_SETTINGS("change the tenant's settings"),
  MEMBERS("manage members and their roles"),
  TRANSFER("import and export"),
  CHANGE_LOG("read the change log"),
  EDITOR_SEARCH("search drafts"),
  AUDIT("read the audit log");

  private final String description;

  Action(String description) {
    this.description = description;
  }

  /** For error messages: "... do not allow you to {description}". */
  public String description() {
    return description;
  }
}
