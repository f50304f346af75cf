package vn.storybank.core.entry;

/** The kinds of entry; the code is the discriminator value and the JSON {@code type}. */
public enum EntryType {
  STORY(EntryType.STORY_VALUE),
  PRODUCT(EntryType.PRODUCT_VALUE),
  MEDIA(EntryType.MEDIA_VALUE),
  COLLECTION(EntryType.COLLECTION_VALUE);

  // The codes as constants, for @DiscriminatorValue (which needs a compile-time constant).
  public static final String STORY_VALUE = "story";
  public static final String PRODUCT_VALUE = "product";
  public static final String MEDIA_VALUE = "media";
  public static final String COLLECTION_VALUE = "collection";

  private final String code;

  EntryType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
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
