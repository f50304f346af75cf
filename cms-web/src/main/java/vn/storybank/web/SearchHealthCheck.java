package vn.storybank.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.storybank.search.IndexStatus;
import vn.storybank.search.SearchIndex;

/**
 * Ready once this node's search index has caught up with the change log (after a first build from
 * the database, if it started empty), so a load balancer sends searches only to nodes that can
 * answer them completely.
 */
@Readiness
@ApplicationScoped
public class SearchHealthCheck implements HealthCheck {
  private final StorybankLifecycle lifecycle;

  @Inject
  SearchHealthCheck(StorybankLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  /** For the CDI client proxy only. */
  protected SearchHealthCheck() {
    this.lifecycle = null;
  }

  @Override
  public HealthCheckResponse call() {
    SearchIndex index = lifecycle.searchIndex().orElse(null);
    if (index == null) {
      return HealthCheckResponse.named("search-index").down().withData("state", "starting").build();
    }
    IndexStatus status = index.status();
    var response =
        HealthCheckResponse.named("search-index")
            .status(status.caughtUp())
            .withData("position", status.position())
            .withData("documents", status.documents());
    if (status.lastError() != null) {
      response.withData("error", status.lastError());
    }
    return response.build();
  }
}
