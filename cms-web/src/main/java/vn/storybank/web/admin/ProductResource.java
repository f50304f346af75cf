package vn.storybank.web.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import vn.storybank.core.product.ProductService;
import vn.storybank.core.product.ProductView;
import vn.storybank.core.snapshot.SnapshotService;
import vn.storybank.core.workflow.WorkflowService;
import vn.storybank.web.http.AdminApi;

/** Admin endpoints of products. */
@AdminApi
@Path("admin/v1/{t}/products")
@Dependent
public class ProductResource extends EntryResource<ProductView> {
  @Inject
  public ProductResource(
      ProductService service,
      WorkflowService workflow,
      SnapshotService snapshots,
      vn.storybank.core.changelog.ChangeService changes,
      ListCache lists) {
    super(service, workflow, snapshots, changes, lists);
  }
}
