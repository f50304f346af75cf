package vn.storybank.web.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import vn.storybank.core.snapshot.SnapshotService;
import vn.storybank.core.story.StoryService;
import vn.storybank.core.story.StoryView;
import vn.storybank.core.workflow.WorkflowService;
import vn.storybank.web.http.AdminApi;

/** Admin endpoints of stories. */
@AdminApi
@Path("admin/v1/{t}/stories")
@Dependent
public class StoryResource extends EntryResource<StoryView> {
  @Inject
  public StoryResource(
      StoryService service,
      WorkflowService workflow,
      SnapshotService snapshots,
      vn.storybank.core.changelog.ChangeService changes,
      ListCache lists) {
    super(service, workflow, snapshots, changes, lists);
  }
}
