package vn.storybank.web.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import vn.storybank.core.Storybank;
import vn.storybank.core.product.ProductView;
import vn.storybank.web.http.AdminApi;

/** Admin endpoints of products. */
@AdminApi
@Path("admin/v1/{t}/products")
@Dependent
public class ProductResource extends EntryResource<ProductView> {
  @Inject
  public ProductResource(Storybank storybank) {
    super(storybank.products(), storybank);
  }
}
