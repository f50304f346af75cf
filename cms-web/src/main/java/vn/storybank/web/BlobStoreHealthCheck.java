package vn.storybank.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.media.BlobStore;
import vn.storybank.web.http.RequestLog;

/**
 * Ready while the media store (the blob folder, or the S3 bucket) can take blobs: a node whose
 * volume is gone or whose bucket does not answer would fail every upload and every media read, so
 * the load balancer sends requests elsewhere. The probe is cheap (a folder check, or one HEAD on
 * the bucket); where the store is and why it failed go to the server log, not to the answer, which
 * anyone may read.
 */
@Readiness
@ApplicationScoped
public class BlobStoreHealthCheck implements HealthCheck {
  private static final Logger LOG = Logger.getLogger(BlobStoreHealthCheck.class.getName());

  private final StorybankLifecycle lifecycle;

  @Inject
  BlobStoreHealthCheck(StorybankLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  /** For the CDI client proxy only. */
  protected BlobStoreHealthCheck() {
    this.lifecycle = null;
  }

  @Override
  public HealthCheckResponse call() {
    BlobStore store = lifecycle.blobStore().orElse(null);
    if (store == null) {
      return HealthCheckResponse.named("media-store").down().withData("state", "starting").build();
    }
    try {
      store.probe();
      return HealthCheckResponse.named("media-store").up().build();
    } catch (StorybankException e) {
      RequestLog.log(LOG, Level.WARNING, "Not ready: " + e.operatorDetail(), null);
      return HealthCheckResponse.named("media-store")
          .down()
          .withData("error", "The media store cannot take files; see the server log.")
          .build();
    }
  }
}
