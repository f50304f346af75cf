package vn.storybank.web.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import vn.storybank.core.Storybank;
import vn.storybank.core.media.MediaView;
import vn.storybank.web.http.AdminApi;

/** Admin endpoints of media. */
@AdminApi
@Path("admin/v1/{t}/media")
@Dependent
public class MediaResource extends EntryResource<MediaView> {
  @Inject
  public MediaResource(Storybank storybank) {
    super(storybank.media());
  }
}
