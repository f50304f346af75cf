package vn.storybank.core.story;

import java.util.List;

/** The kinds of story the provincial plans name. */
public final class StoryKinds {
  public static final List<String> ALL =
      List.of(
          "exemplary-person",
          "green-initiative",
          "harmonious-initiative",
          "identity-initiative",
          "happiness-initiative",
          "cultural-heritage",
          "socio-economic-achievement",
          "destination",
          "historical-relic",
          "festival-event",
          "investment-opportunity",
          "international-cooperation",
          "human-rights-achievement");

  private StoryKinds() {}
}
