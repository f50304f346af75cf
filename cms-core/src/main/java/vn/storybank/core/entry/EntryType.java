package vn.storybank.core.entry;

/** The kinds of entry, with their discriminator value and the API's collection path. */
public enum EntryType {
  STORY("story", "stories"),
  PRODUCT("product", "products"),
  MEDIA("media", "media"),
  COLLECTION("collection", "collections");

  /** The value of the {@code entry_type} column. */
  public static final String STORY_VALUE = "story";

  public static final String PRODUCT_VALUE = "product";
  public static final String MEDIA_VALUE = "media";
  public static final String COLLECTION_VALUE = "collection";

  private final String code;
  private final String pathSegment;

  EntryType(String code, String pathSegment) {
    this.code = code;
    this.pathSegment = pathSegment;
  }

  public String code() {
    return code;
  }

  public String pathSegment() {
    return pathSegment;
  }

  /** The type with this code, or null. */
  public static EntryType ofCodeOrNull(String code) {
    for (EntryType type : values()) {
      if (type.code.equals(code)) {
        return type;
      }
    }
    return null;
  }
}
