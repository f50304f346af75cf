package vn.storybank.web;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import vn.storybank.core.Storybank;
import vn.storybank.core.concurrent.BackgroundLoop;
import vn.storybank.core.demo.DemoContent;
import vn.storybank.core.locale.LanguageTags;
import vn.storybank.core.media.BlobStore;
import vn.storybank.core.media.MediaDelivery;
import vn.storybank.core.media.MediaSettings;
import vn.storybank.core.persistence.Database;
import vn.storybank.core.transfer.TransferService;
import vn.storybank.core.webhook.Webhooks;
import vn.storybank.search.SearchIndex;
import vn.storybank.search.SearchService;
import vn.storybank.web.admin.ListCache;
import vn.storybank.web.config.Settings;
import vn.storybank.web.config.SettingsRegistry;
import vn.storybank.web.delivery.DeliveryCache;
import vn.storybank.web.delivery.FileSignatures;

/** Starts the core when the application is deployed and closes it when undeployed. */
@ApplicationScoped
public class StorybankLifecycle {
  private static final Logger LOG = Logger.getLogger(StorybankLifecycle.class.getName());

  /** The one clock of this node: the core, signatures, search and webhooks all tell time by it. */
  private final Clock clock = Clock.systemUTC();

  private final Settings settings;
  private volatile Storybank storybank;
  private volatile SearchIndex searchIndex;
  private volatile BlobStore blobStore;
  private volatile SearchService search;
  private BackgroundLoop usageFlusher;
  private final DeliveryCache deliveryCache;
  private final ListCache listCache;
  private final MetricRegistry metrics;
  private volatile BackgroundLoop scheduler;
  private volatile Webhooks webhooks;
  private volatile FileSignatures fileSignatures;

  /**
   * False until the start's background work (administrator, demo content) is done: readiness waits
   * for it.
   */
  private volatile boolean started;

  @Inject
  StorybankLifecycle(Config config, MetricRegistry metrics) {
    this.settings = new Settings(config);
    this.deliveryCache = new DeliveryCache(settings.deliveryCacheEntries());
    this.listCache = new ListCache(settings.listCacheMebibytes());
    this.metrics = metrics;
  }

  /** For the CDI client proxy only. */
  protected StorybankLifecycle() {
    this.metrics = null;
    this.settings = null;
    this.deliveryCache = null;
    this.listCache = null;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    long began = System.nanoTime();
    Optional<String> urlSecret = settings.mediaUrlSecret();
    Duration urlLifetime = settings.signedUrlLifetime();
    MediaSettings media = settings.media();
    blobStore = media.store();
    storybank = Storybank.start(settings.database(), clock, media);
    long core = System.nanoTime();
    // In the database when not configured: nodes share it, as they must to check each other's URLs.
    fileSignatures =
        new FileSignatures(
            urlSecret.orElseGet(() -> storybank.secrets().get("media-url")), urlLifetime, clock);
    sweepInBackground(storybank);
    flushUsageEveryMinute(storybank);
    searchIndex = SearchIndex.open(storybank.changes(), storybank.snapshots(), settings.search());
    searchIndex.start();
    search = new SearchService(searchIndex, clock);
    scheduler = startScheduler(storybank, settings.schedulerIntervalSeconds());
    webhooks =
        new Webhooks(
            storybank.database().transactions(), storybank.sync(), clock, settings.webhooks());
    webhooks.start();
    new ApplicationMetrics(metrics, this).register();
    LOG.info(
        () ->
            "Storybank started in "
                + millis(began, System.nanoTime())
                + " ms (database migrated and mapped in "
                + millis(began, core)
                + " ms); the administrator"
                + (settings.demoContent() ? " and the demo content" : "")
                + " follow in the background");
    finishInBackground(storybank, searchIndex);
  }

  /**
   * The rest of the start, off the deployment thread so that the application server finishes its
   * own start meanwhile (the machine has two cores): the administrator's password hash (a
   * deliberately slow PBKDF2) and the demo content, loaded and indexed, each on its own thread.
   * Readiness stays down until both are done. A failure is logged and leaves the node not ready.
   */
  private void finishInBackground(Storybank core, SearchIndex index) {
    CompletableFuture<Optional<String>> admin =
        CompletableFuture.supplyAsync(
            () -> {
              // Read here, before readiness, so that no request waits for it.
              timed("language subtag registry read", LanguageTags::registryDate);
              return timed(
                  "administrator checked",
                  () -> core.users().ensureAdmin(settings.adminPassword()));
            },
            onNewThread("storybank-admin"));
    CompletableFuture<Boolean> demo =
        settings.demoContent()
            ? CompletableFuture.supplyAsync(
                () -> loadDemo(core, index), onNewThread("storybank-demo"))
            : CompletableFuture.completedFuture(false);
    admin
        .thenAcceptBoth(
            demo,
            (generated, loaded) -> {
              LOG.info(readyMessage(generated));
              started = true;
            })
        .exceptionally(
            e -> {
              LOG.log(Level.SEVERE, "Storybank could not finish starting; it stays not ready", e);
              return null;
            });
  }

  /** Loads the demo content into an empty database and makes it searchable; whether it did. */
  private static boolean loadDemo(Storybank core, SearchIndex index) {
    long began = System.nanoTime();
    if (!DemoContent.loadIfEmpty(core)) {
      return false;
    }
    long loaded = System.nanoTime();
    index.catchUp();
    LOG.info(
        "Demo content loaded in "
            + millis(began, loaded)
            + " ms and indexed in "
            + millis(loaded, System.nanoTime())
            + " ms");
    return true;
  }

  private static <T> T timed(String what, Supplier<T> work) {
    long began = System.nanoTime();
    T result = work.get();
    LOG.info(() -> "Storybank start: " + what + " in " + millis(began, System.nanoTime()) + " ms");
    return result;
  }

  private static Executor onNewThread(String name) {
    return work -> {
      Thread thread = new Thread(work, name);
      thread.setDaemon(true);
      thread.start();
    };
  }

  private String readyMessage(Optional<String> generated) {
    String login =
        generated
            .map(
                p ->
                    "log in as 'admin' with the generated password "
                        + p
                        + " (shown only now; set CMS_ADMIN_PASSWORD to choose one)")
            .orElse(
                settings.adminPassword().isPresent()
                    ? "log in as 'admin' with the password set in cms.admin.password"
                        + " (CMS_ADMIN_PASSWORD)"
                    // Not set now and not generated now: it was generated and printed at the
                    // first start (or changed since); saying CMS_ADMIN_PASSWORD would mislead.
                    : "log in as 'admin' with the password generated at the first start"
                        + " (printed then; set CMS_ADMIN_PASSWORD to reset it)");
    return "Storybank is ready at http://localhost:"
        + settings.httpPort()
        + "/ (data in "
        + settings.dataDir()
        + "); "
        + login;
  }

  private static long millis(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000;
  }

  /**
   * Removes media blobs no record references (left by failed uploads) once at start, in the
   * background; only blobs older than a day, so uploads in progress are never touched.
   */
  private static void sweepInBackground(Storybank core) {
    Thread sweeper =
        new Thread(
            () -> {
              try {
                core.mediaFiles().sweep(Duration.ofDays(1));
              } catch (RuntimeException e) {
                LOG.log(
                    Level.WARNING, "The media sweep failed; it runs again at the next start", e);
              }
            },
            "storybank-media-sweep");
    sweeper.setDaemon(true);
    sweeper.start();
  }

  /**
   * Polls for due publish, unpublish and embargo times on a background thread. A failed poll is
   * logged and the next one tries again; what fell due while the node was down fires at the first.
   */
  private static BackgroundLoop startScheduler(Storybank core, long intervalSeconds) {
    if (intervalSeconds == 0) {
      LOG.info(
          "The publishing scheduler is off on this node ("
              + SettingsRegistry.SCHEDULER_INTERVAL_SECONDS.key()
              + "=0)");
      return null;
    }
    return BackgroundLoop.every(
        "storybank-scheduler",
        Duration.ofSeconds(intervalSeconds),
        () -> {
          int fired = core.scheduler().runDue();
          if (fired > 0) {
            LOG.info(() -> "The scheduler fired " + fired + " due publishing times");
          }
        });
  }

  /** The core, for request-scoped beans: requests reach the application only after it started. */
  @Produces
  @Dependent
  Storybank storybank() {
    return running()
        .orElseThrow(() -> new IllegalStateException("Storybank has not finished starting"));
  }

  /** The core once started; empty while starting (health checks may ask that early). */
  Optional<Storybank> running() {
    return Optional.ofNullable(storybank);
  }

  /** The core's database once started, for the readiness check (which may ask while starting). */
  Optional<Database> database() {
    return running().map(Storybank::database);
  }

  /** Whether the start has finished: administrator ensured, demo content loaded and searchable. */
  boolean started() {
    return started;
  }

  /** What the start is still doing once the database is up, for the readiness check. */
  String startingState() {
    return settings.demoContent()
        ? "starting: administrator, demo content"
        : "starting: administrator";
  }

  /** Media delivery once started, for /metrics (which may be read while starting). */
  Optional<MediaDelivery> startedMediaDelivery() {
    return running().map(Storybank::mediaDelivery);
  }

  /** Import and export once started, for /metrics. */
  Optional<TransferService> startedTransfer() {
    return running().map(Storybank::transfer);
  }

  /** The webhook threads once started, for /metrics. */
  Optional<Webhooks> startedWebhooks() {
    return Optional.ofNullable(webhooks);
  }

  /** The media store, once started, for the readiness check. */
  Optional<BlobStore> blobStore() {
    return Optional.ofNullable(blobStore);
  }

  /** This node's search index, once started. */
  Optional<SearchIndex> searchIndex() {
    return Optional.ofNullable(searchIndex);
  }

  @Produces
  @Dependent
  SearchIndex index() {
    return searchIndex().orElseThrow(() -> new IllegalStateException("Search has not started"));
  }

  @Produces
  @Dependent
  SearchService search() {
    if (search == null) {
      throw new IllegalStateException("Search has not started");
    }
    return search;
  }

  @Produces
  @Dependent
  Webhooks webhooks() {
    if (webhooks == null) {
      throw new IllegalStateException("Webhooks have not started");
    }
    return webhooks;
  }

  /** The node's clock, for resources that tell the time themselves. */
  @Produces
  @Dependent
  Clock clock() {
    return clock;
  }

  @Produces
  @Dependent
  Settings settings() {
    return settings;
  }

  @Produces
  @Dependent
  FileSignatures fileSignatures() {
    if (fileSignatures == null) {
      throw new IllegalStateException("Storybank has not finished starting");
    }
    return fileSignatures;
  }

  @Produces
  @Dependent
  DeliveryCache deliveryCache() {
    return deliveryCache;
  }

  @Produces
  @Dependent
  ListCache listCache() {
    return listCache;
  }

  /** Writes partner usage counts once a minute, so a crash loses at most a minute of them. */
  private void flushUsageEveryMinute(Storybank core) {
    usageFlusher =
        BackgroundLoop.every(
            "storybank-usage-flush", Duration.ofMinutes(1), () -> core.partners().flushUsage());
  }

  @PreDestroy
  void stop() {
    if (webhooks != null) {
      webhooks.close();
    }
    if (usageFlusher != null) {
      usageFlusher.close();
      try {
        storybank.partners().flushUsage();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Partner usage of the last minute could not be written", e);
      }
    }
    if (scheduler != null) {
      scheduler.close();
    }
    if (searchIndex != null) {
      searchIndex.close();
    }
    if (storybank != null) {
      storybank.close();
    }
    // The operator's proof of a clean stop (deploy/run, a supervisor's journal). On a JVM shutdown
    // (SIGTERM) Payara has closed its log handlers before it undeploys the application, so a
    // logger would print nothing here: standard error is what is left.
    System.err.println("Storybank stopped: search index and database closed");
  }
}
