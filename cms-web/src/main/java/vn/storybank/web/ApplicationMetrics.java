package vn.storybank.web;

import java.util.function.Function;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import vn.storybank.core.media.MediaDelivery;
import vn.storybank.core.transfer.TransferService;
import vn.storybank.core.webhook.Webhooks;
import vn.storybank.search.IndexStatus;
import vn.storybank.search.SearchIndex;

/**
 * Storybank's own figures in /metrics (application scope, named {@code storybank_*}; the request
 * rate and latency per resource method are the server's {@code REST_request_*}). Every figure is a
 * gauge read when Prometheus scrapes: the request path only increments the counters they read.
 * Totals since the node started only grow; Prometheus's {@code rate()} and {@code increase()} work
 * on them. docs/OPERATIONS.md lists each one.
 */
final class ApplicationMetrics {
  private final MetricRegistry registry;
  private final StorybankLifecycle lifecycle;

  ApplicationMetrics(MetricRegistry registry, StorybankLifecycle lifecycle) {
    this.registry = registry;
    this.lifecycle = lifecycle;
  }

  /** Registers every figure once (a redeployment finds them registered). */
  void register() {
    gauge(
        "storybank_delivery_cache_hits_total",
        "Delivery answers (items, lists, feeds) served from this node's cache",
        l -> l.deliveryCache().hits());
    gauge(
        "storybank_delivery_cache_misses_total",
        "Delivery answers this node had to render (or wait for)",
        l -> l.deliveryCache().misses());
    gauge(
        "storybank_admin_list_cache_hits_total",
        "Admin list pages served from this node's cache",
        l -> l.listCache().hits());
    gauge(
        "storybank_admin_list_cache_misses_total",
        "Admin list pages this node had to render",
        l -> l.listCache().misses());
    gauge(
        "storybank_rendition_store_hits_total",
        "Image renditions served from the media store, made before here or on another node",
        l -> l.startedMediaDelivery().map(MediaDelivery::renditionsFromStore).orElse(0L));
    gauge(
        "storybank_rendition_made_total",
        "Image renditions this node computed (not yet in the media store)",
        l -> l.startedMediaDelivery().map(MediaDelivery::renditionsMade).orElse(0L));
    gauge(
        "storybank_import_lines_total",
        "NDJSON import lines this node has finished (created, updated or failed)",
        l -> l.startedTransfer().map(TransferService::importedLines).orElse(0L));
    gauge(
        "storybank_imports_running",
        "NDJSON imports running on this node now",
        l -> l.startedTransfer().map(TransferService::runningImports).orElse(0));
    gauge(
        "storybank_webhook_pending",
        "Webhook messages waiting for delivery (first attempts and retries), all nodes",
        l -> webhooks(l, Webhooks.Queue::pending));
    gauge(
        "storybank_webhook_dead",
        "Webhook messages given up on after their last retry, all nodes",
        l -> webhooks(l, Webhooks.Queue::dead));
    gauge(
        "storybank_webhook_changes_behind",
        "Changes the webhook dispatcher (one for all nodes) has not turned into messages yet",
        l -> webhooks(l, Webhooks.Queue::changesBehind));
    gauge(
        "storybank_webhook_failed_attempts_total",
        "Delivery attempts from this node the receiver did not accept",
        l -> l.startedWebhooks().map(w -> w.sender().failedAttempts()).orElse(0L));
    gauge(
        "storybank_search_changes_behind",
        "Changes in the change log this node's search index has not applied yet (NaN: unknown)",
        l -> index(l, IndexStatus::changesBehind));
    gauge(
        "storybank_search_lag_seconds",
        "Age of the oldest change this node's search index has not applied yet (NaN: unknown)",
        l -> index(l, IndexStatus::lagSeconds));
    gauge(
        "storybank_search_documents",
        "Documents in this node's search index",
        l -> index(l, status -> (long) status.documents()));
  }

  private static double webhooks(
      StorybankLifecycle lifecycle, Function<Webhooks.Queue, Long> figure) {
    Webhooks webhooks = lifecycle.startedWebhooks().orElse(null);
    return webhooks == null ? Double.NaN : figure.apply(webhooks.queue());
  }

  private static double index(StorybankLifecycle lifecycle, Function<IndexStatus, Long> figure) {
    SearchIndex index = lifecycle.searchIndex().orElse(null);
    Long value = index == null ? null : figure.apply(index.status());
    return value == null ? Double.NaN : value;
  }

  private void gauge(String name, String description, Function<StorybankLifecycle, Number> figure) {
    if (!registry.getGauges((id, metric) -> id.getName().equals(name)).isEmpty()) {
      return;
    }
    registry.gauge(
        Metadata.builder().withName(name).withDescription(description).build(),
        lifecycle,
        l -> figure.apply(l));
  }
}
