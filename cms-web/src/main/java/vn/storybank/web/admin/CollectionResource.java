package vn.storybank.web.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import vn.storybank.core.Storybank;
import vn.storybank.core.collection.CollectionView;
import vn.storybank.web.http.AdminApi;

/** Admin endpoints of collections. */
@AdminApi
@Path("admin/v1/{t}/collections")
@Dependent
public class CollectionResource extends EntryResource<CollectionView> {
  @Inject
  public CollectionResource(Storybank storybank) {
    super(storybank.collections(), storybank);
  }
}
