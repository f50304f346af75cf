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
 * answer them.
 *
 * <p>After that the check stays UP while the index lags (a large import leaves it minutes behind)
 * and reports how far: the position, the head, the changes behind and the age of the oldest change
 * not yet indexed. Every node follows the same log and lags together during an import; taking them
 * out of the balancer would stop every read, searches and delivery alike, while a lagging index
 * still answers everything written before the lag.
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
            .status(status.ready())
            .withData("caughtUp", status.caughtUp())
            .withData("position", status.position())
            .withData("documents", status.documents());
    if (status.head() != null) {
      response
          .withData("head", status.head())
          .withData("changesBehind", status.changesBehind())
          .withData("lagSeconds", status.lagSeconds());
    }
    if (status.lastError() != null) {
      response.withData("error", status.lastError());
    }
    return response.build();
  }
}
