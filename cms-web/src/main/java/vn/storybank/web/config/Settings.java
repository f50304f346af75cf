package vn.storybank.web.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import vn.storybank.core.media.BlobStore;
import vn.storybank.core.media.FileSystemBlobStore;
import vn.storybank.core.media.MediaSettings;
import vn.storybank.core.media.S3BlobStore;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.webhook.WebhookSettings;
import vn.storybank.search.SearchSettings;

/**
 * Every configuration key of Storybank, its default and its meaning. Each key can be given as a
 * system property ({@code -Dcms.db.url=…}), an environment variable ({@code CMS_DB_URL}) or a line
 * in {@code $CMS_DATA_DIR/storybank.properties}, in that order of precedence (MicroProfile Config).
 * docs/OPERATIONS.md lists the same keys.
 */
public final class Settings {
  /** Where the embedded database, media and search index live. Default {@code ./data}. */
  public static final String DATA_DIR = "cms.data.dir";

  /**
   * The HTTP port. Read by {@code deploy/run}, which passes it to Payara Micro; here for the
   * start-up message. Default 8080.
   */
  public static final String HTTP_PORT = "cms.http.port";

  /**
   * The bootstrap administrator's password. When unset, one is generated on the first start and
   * printed once.
   */
  public static final String ADMIN_PASSWORD = "cms.admin.password";

  /** JDBC URL of PostgreSQL ({@code jdbc:postgresql://host/db}); unset means embedded H2. */
  public static final String DB_URL = "cms.db.url";

  public static final String DB_USER = "cms.db.user";
  public static final String DB_PASSWORD = "cms.db.password";

  /** Connections in the pool. Default 10. */
  public static final String DB_POOL_SIZE = "cms.db.pool-size";

  /** Load the Lào Cai and Thái Nguyên demo content into an empty database. Default true. */
  public static final String DEMO_CONTENT = "cms.demo-content";

  /** The largest JSON request body, in bytes. Default 2 MiB. */
  public static final String MAX_BODY_BYTES = "cms.api.max-body-bytes";

  /** The largest NDJSON import body, in bytes. Default 1 GiB. */
  public static final String MAX_IMPORT_BYTES = "cms.api.max-import-bytes";

  /** Where this node keeps its search index. Default {@code <data dir>/index}. */
  public static final String SEARCH_DIR = "cms.search.dir";

  /**
   * The search index writer's memory buffer, in MiB (four times this during a full rebuild).
   * Default 64.
   */
  public static final String SEARCH_RAM_BUFFER_MB = "cms.search.ram-buffer-mb";

  /** How often an idle search follower polls the change log, in ms. Default 100. */
  public static final String SEARCH_POLL_MS = "cms.search.poll-interval-ms";

  /** How often applied index changes are committed to disk at most, in ms. Default 1000. */
  public static final String SEARCH_COMMIT_MS = "cms.search.commit-interval-ms";

  /** Threads that analyse documents during a full index rebuild. Default 2. */
  public static final String SEARCH_REBUILD_THREADS = "cms.search.rebuild-threads";

  /**
   * Threads one search's index segments are searched on, and its page of hits read in slices, side
   * by side; 1 searches on the request's thread only. Default: the number of processors.
   */
  public static final String SEARCH_QUERY_THREADS = "cms.search.query-threads";

  /**
   * Where media files live: {@code filesystem} (under the data dir's blobs folder) or {@code s3}.
   */
  public static final String BLOB_STORE = "cms.blob.store";

  /** The S3-compatible server's URL, e.g. {@code https://minio.example.org}; required for s3. */
  public static final String S3_ENDPOINT = "cms.s3.endpoint";

  /** The S3 region. Default {@code us-east-1} (what MinIO expects unless configured). */
  public static final String S3_REGION = "cms.s3.region";

  /** The bucket; created on first use if absent. Default {@code storybank-media}. */
  public static final String S3_BUCKET = "cms.s3.bucket";

  public static final String S3_ACCESS_KEY = "cms.s3.access-key";
  public static final String S3_SECRET_KEY = "cms.s3.secret-key";

  /** The largest image or PDF upload, in bytes. Default 50 MiB. */
  public static final String MEDIA_MAX_IMAGE_BYTES = "cms.media.max-image-bytes";

  /** The largest video or audio upload, in bytes. Default 2 GiB. */
  public static final String MEDIA_MAX_VIDEO_BYTES = "cms.media.max-video-bytes";

  /**
   * Images with more pixels are refused from their header, before decoding. Default 100 million.
   */
  public static final String MEDIA_MAX_PIXELS = "cms.media.max-pixels";

  /** JPEG quality of renditions, 0..1. Default 0.82. */
  public static final String MEDIA_JPEG_QUALITY = "cms.media.jpeg-quality";

  /** Whether renditions are progressive JPEGs. Default true. */
  public static final String MEDIA_JPEG_PROGRESSIVE = "cms.media.jpeg-progressive";

  /**
   * The secret the file URLs of key-protected channels are signed with (HMAC-SHA256), at least 32
   * characters. Unset: one is generated on the first start and kept in the database, so that every
   * node sharing it signs and checks alike. Changing it invalidates the URLs given out.
   */
  public static final String MEDIA_URL_SECRET = "cms.media.url-secret";

  /**
   * How long a signed file URL stays valid at least, in hours, 1 to 8760 (a year). Its expiry is
   * rounded up to the next full hour, so the same URL is given out for an hour. Default 24.
   */
  public static final String MEDIA_SIGNED_URL_HOURS = "cms.media.signed-url-hours";

  /**
   * The address partners reach Storybank at, e.g. {@code https://storybank.laocai.gov.vn}: feeds,
   * sitemaps and items link to it. Unset: the address each request came to.
   */
  public static final String PUBLIC_URL = "cms.public-url";

  /** How long caches may keep public delivery responses, in seconds. Default 60. */
  public static final String DELIVERY_MAX_AGE = "cms.delivery.max-age";

  /**
   * Rendered delivery answers (feed pages, playlists, lists, items) kept per node, reused until the
   * next write (0 turns the cache off). Default 1000.
   */
  public static final String DELIVERY_CACHE_ENTRIES = "cms.delivery.cache-entries";

  /**
   * How often this node looks for due scheduled publish, unpublish and embargo times, in seconds; 0
   * turns the scheduler off on this node. Default 5. Several nodes may run it: each due time fires
   * once.
   */
  public static final String SCHEDULER_INTERVAL_SECONDS = "cms.scheduler.interval-seconds";

  /** How often idle webhook dispatcher and sender threads look for work, in ms. Default 500. */
  public static final String WEBHOOKS_POLL_MS = "cms.webhooks.poll-interval-ms";

  /** How long one webhook request may take (connect and answer), in ms. Default 15000. */
  public static final String WEBHOOKS_TIMEOUT_MS = "cms.webhooks.timeout-ms";

  /**
   * Whether webhook URLs may resolve to loopback, private or link-local addresses. Default false:
   * otherwise anyone who may subscribe could make Storybank call the internal network (SSRF).
   */
  public static final String WEBHOOKS_ALLOW_PRIVATE = "cms.webhooks.allow-private-targets";

  /**
   * The bearer token that opens {@code /metrics} (Payara's MicroProfile Metrics). Unset: /metrics
   * answers 404 to everyone. At least {@value #METRICS_TOKEN_MIN_LENGTH} characters.
   */
  public static final String METRICS_TOKEN = "cms.metrics.token";

  static final int METRICS_TOKEN_MIN_LENGTH = 32;

  private final Config config;

  public Settings(Config config) {
    this.config = config;
  }

  /** The metrics token, if metrics are on; a short one is refused at start. */
  public Optional<String> metricsToken() {
    Optional<String> token =
        config
            .getOptionalValue(METRICS_TOKEN, String.class)
            .map(String::trim)
            .filter(t -> !t.isEmpty());
    if (token.isPresent() && token.get().length() < METRICS_TOKEN_MIN_LENGTH) {
      throw new IllegalStateException(
          METRICS_TOKEN
              + " (CMS_METRICS_TOKEN) must have at least "
              + METRICS_TOKEN_MIN_LENGTH
              + " characters (it has "
              + token.get().length()
              + "); generate one, e.g. with: openssl rand -hex 32");
    }
    return token;
  }

  public Path dataDir() {
    return Path.of(config.getOptionalValue(DATA_DIR, String.class).orElse("./data"))
        .toAbsolutePath()
        .normalize();
  }

  public int httpPort() {
    return config.getOptionalValue(HTTP_PORT, Integer.class).orElse(8080);
  }

  public Optional<String> adminPassword() {
    return config.getOptionalValue(ADMIN_PASSWORD, String.class).filter(p -> !p.isBlank());
  }

  public DatabaseSettings database() {
    int pool = config.getOptionalValue(DB_POOL_SIZE, Integer.class).orElse(10);
    Optional<String> url = config.getOptionalValue(DB_URL, String.class).filter(u -> !u.isBlank());
    if (url.isEmpty()) {
      DatabaseSettings h2 = DatabaseSettings.embeddedH2(dataDir());
      return new DatabaseSettings(h2.url(), h2.user(), h2.password(), pool);
    }
    return new DatabaseSettings(
        url.get(),
        config.getOptionalValue(DB_USER, String.class).orElse(""),
        config.getOptionalValue(DB_PASSWORD, String.class).orElse(""),
        pool);
  }

  public long schedulerIntervalSeconds() {
    long seconds = config.getOptionalValue(SCHEDULER_INTERVAL_SECONDS, Long.class).orElse(5L);
    if (seconds < 0) {
      throw new IllegalArgumentException(SCHEDULER_INTERVAL_SECONDS + " must be 0 or more");
    }
    return seconds;
  }

  public boolean demoContent() {
    return config.getOptionalValue(DEMO_CONTENT, Boolean.class).orElse(true);
  }

  public long maxBodyBytes() {
    return config.getOptionalValue(MAX_BODY_BYTES, Long.class).orElse(2L * 1024 * 1024);
  }

  /** The media store and limits. The filesystem store needs no configuration. */
  public MediaSettings media() {
    String kind = config.getOptionalValue(BLOB_STORE, String.class).orElse("filesystem").trim();
    BlobStore store =
        switch (kind) {
          case "filesystem" -> new FileSystemBlobStore(dataDir().resolve("blobs"));
          case "s3" ->
              new S3BlobStore(
                  config
                      .getOptionalValue(S3_ENDPOINT, String.class)
                      .filter(e -> !e.isBlank())
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "CMS_BLOB_STORE=s3 needs CMS_S3_ENDPOINT (e.g."
                                      + " https://minio.example.org)")),
                  config.getOptionalValue(S3_REGION, String.class).orElse("us-east-1"),
                  config.getOptionalValue(S3_BUCKET, String.class).orElse("storybank-media"),
                  config.getOptionalValue(S3_ACCESS_KEY, String.class).orElse(""),
                  config.getOptionalValue(S3_SECRET_KEY, String.class).orElse(""));
          default ->
              throw new IllegalStateException(
                  "CMS_BLOB_STORE must be filesystem or s3, not " + kind);
        };
    return new MediaSettings(
        store,
        dataDir().resolve("tmp"),
        config
            .getOptionalValue(MEDIA_MAX_IMAGE_BYTES, Long.class)
            .orElse(MediaSettings.DEFAULT_MAX_IMAGE_BYTES),
        maxVideoBytes(),
        config
            .getOptionalValue(MEDIA_MAX_PIXELS, Long.class)
            .orElse(MediaSettings.DEFAULT_MAX_PIXELS),
        config
            .getOptionalValue(MEDIA_JPEG_QUALITY, Float.class)
            .orElse(MediaSettings.DEFAULT_JPEG_QUALITY),
        config.getOptionalValue(MEDIA_JPEG_PROGRESSIVE, Boolean.class).orElse(true));
  }

  public long maxVideoBytes() {
    return config
        .getOptionalValue(MEDIA_MAX_VIDEO_BYTES, Long.class)
        .orElse(MediaSettings.DEFAULT_MAX_VIDEO_BYTES);
  }

  public long maxImportBytes() {
    return config.getOptionalValue(MAX_IMPORT_BYTES, Long.class).orElse(1024L * 1024 * 1024);
  }

  /** The configured signing secret of file URLs; empty when it is to be generated. */
  public Optional<String> mediaUrlSecret() {
    Optional<String> secret =
        config.getOptionalValue(MEDIA_URL_SECRET, String.class).filter(s -> !s.isBlank());
    if (secret.isPresent() && secret.get().length() < 32) {
      throw new IllegalArgumentException(
          MEDIA_URL_SECRET
              + " must be at least 32 characters (it has "
              + secret.get().length()
              + "); leave it unset to have one generated and kept in the database");
    }
    return secret;
  }

  public Duration signedUrlLifetime() {
    long hours = config.getOptionalValue(MEDIA_SIGNED_URL_HOURS, Long.class).orElse(24L);
    if (hours < 1 || hours > 8760) {
      throw new IllegalArgumentException(
          MEDIA_SIGNED_URL_HOURS + " must be 1 to 8760 hours (a year), not " + hours);
    }
    return Duration.ofHours(hours);
  }

  public String publicUrl() {
    return config.getOptionalValue(PUBLIC_URL, String.class).filter(u -> !u.isBlank()).orElse(null);
  }

  public int deliveryMaxAge() {
    return config.getOptionalValue(DELIVERY_MAX_AGE, Integer.class).orElse(60);
  }

  public int deliveryCacheEntries() {
    return config.getOptionalValue(DELIVERY_CACHE_ENTRIES, Integer.class).orElse(1000);
  }

  /** Webhook payloads link to items under {@link #PUBLIC_URL}, else under localhost. */
  public WebhookSettings webhooks() {
    String base = publicUrl() == null ? "http://localhost:" + httpPort() + "/" : publicUrl();
    return new WebhookSettings(
        Duration.ofMillis(config.getOptionalValue(WEBHOOKS_POLL_MS, Long.class).orElse(500L)),
        Duration.ofMillis(config.getOptionalValue(WEBHOOKS_TIMEOUT_MS, Long.class).orElse(15000L)),
        config.getOptionalValue(WEBHOOKS_ALLOW_PRIVATE, Boolean.class).orElse(false),
        base);
  }

  public SearchSettings search() {
    return new SearchSettings(
        config
            .getOptionalValue(SEARCH_DIR, String.class)
            .filter(d -> !d.isBlank())
            .map(d -> Path.of(d).toAbsolutePath().normalize())
            .orElse(dataDir().resolve("index")),
        config.getOptionalValue(SEARCH_RAM_BUFFER_MB, Integer.class).orElse(64),
        Duration.ofMillis(config.getOptionalValue(SEARCH_POLL_MS, Long.class).orElse(100L)),
        Duration.ofMillis(config.getOptionalValue(SEARCH_COMMIT_MS, Long.class).orElse(1000L)),
        config.getOptionalValue(SEARCH_REBUILD_THREADS, Integer.class).orElse(2),
        config
            .getOptionalValue(SEARCH_QUERY_THREADS, Integer.class)
            .orElse(Runtime.getRuntime().availableProcessors()));
  }
}
