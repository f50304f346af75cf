package vn.storybank.web.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import vn.storybank.core.Storybank;
import vn.storybank.core.story.StoryView;
import vn.storybank.web.http.AdminApi;

/** Admin endpoints of stories. */
@AdminApi
@Path("admin/v1/{t}/stories")
@Dependent
public class StoryResource extends EntryResource<StoryView> {
  @Inject
  public StoryResource(Storybank storybank) {
    super(storybank.stories(), storybank);
  }
}
