package vn.storybank.web.search;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import vn.storybank.search.SearchRequest.Audience;
import vn.storybank.search.SearchService;

/**
 * Public search: published translations with valid media rights only, one hit per entry, in the
 * reader's locale or the first translation its fallback chain reaches.
 */
@Path("v1/{t}/search")
@Dependent
public class PublicSearchResource extends SearchEndpoints {
  @Inject
  public PublicSearchResource(SearchService search) {
    super(search, Audience.PUBLIC);
  }
}
