package vn.storybank.web.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import vn.storybank.core.collection.CollectionService;
import vn.storybank.core.collection.CollectionView;
import vn.storybank.core.snapshot.SnapshotService;
import vn.storybank.core.workflow.WorkflowService;
import vn.storybank.web.http.AdminApi;

/** Admin endpoints of collections. */
@AdminApi
@Path("admin/v1/{t}/collections")
@Dependent
public class CollectionResource extends EntryResource<CollectionView> {
  @Inject
  public CollectionResource(
      CollectionService service,
      WorkflowService workflow,
      SnapshotService snapshots,
      vn.storybank.core.changelog.ChangeService changes,
      ListCache lists) {
    super(service, workflow, snapshots, changes, lists);
  }
}
