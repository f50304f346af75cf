package vn.storybank.web.config;

import static vn.storybank.web.config.Setting.decimal;
import static vn.storybank.web.config.Setting.flag;
import static vn.storybank.web.config.Setting.httpUrl;
import static vn.storybank.web.config.Setting.integer;
import static vn.storybank.web.config.Setting.longInteger;
import static vn.storybank.web.config.Setting.minLength;
import static vn.storybank.web.config.Setting.oneOf;
import static vn.storybank.web.config.Setting.path;
import static vn.storybank.web.config.Setting.secret;
import static vn.storybank.web.config.Setting.startingWith;
import static vn.storybank.web.config.Setting.text;

import java.nio.file.Path;
import java.util.List;
import vn.storybank.core.media.BlobStores;
import vn.storybank.core.media.MediaSettings;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.webhook.WebhookSettings;
import vn.storybank.search.SearchSettings;

/**
 * Every configuration key of Storybank: its default, the values it accepts and its meaning, in this
 * one place. Each key can be given as a system property ({@code -Dcms.db.url=…}), an environment
 * variable ({@code CMS_DB_URL}) or a line in {@code $CMS_DATA_DIR/storybank.properties}, in that
 * order of precedence (MicroProfile Config). {@link Settings} reads them all at start and refuses
 * to start on any invalid one; docs/OPERATIONS.md's table is checked against this list
 * (OperationsDocTest). Where a core record ({@link MediaSettings}, {@link SearchSettings}…) has a
 * default of its own, for callers without configuration, the key takes it from there.
 *
 * <p>The ranges follow how each value is used: sizes from 1 KiB (a smaller limit refuses ordinary
 * requests) to what the store or the heap can hold; intervals from 1 ms (0 would spin) to a minute
 * or a day; thread counts from 1 to 256.
 */
public final class SettingsRegistry {
  private static final long KIB = 1024;
  private static final long GIB = 1024 * 1024 * KIB;

  public static final Setting<Integer> HTTP_PORT =
      integer("cms.http.port", 8080, 1, 65535)
          .means(
              "HTTP port. Payara Micro takes it on its command line, so `deploy/run` reads it from"
                  + " the environment or from `storybank.properties` (not from a `-D` system"
                  + " property)");

  public static final Setting<Path> DATA_DIR =
      path("cms.data.dir", "./data")
          .defaultNote("environment or system property only: it says where the file is")
          .means(
              "embedded H2 database (`db/`), Payara's working files (`payara/`), media files"
                  + " (`blobs/`) and uploads in progress (`tmp/`), the search index (`index/`);"
                  + " also where `storybank.properties` is read");

  public static final Setting<String> ADMIN_PASSWORD =
      secret("cms.admin.password", null, false)
          .defaultDescribed("generated")
          .means(
              "password of the bootstrap user `admin`. Unset: a random one is generated on the"
                  + " first start and printed once in the log. Set: the stored password is changed"
                  + " to it at start");

  public static final Setting<String> DB_URL =
      startingWith("cms.db.url", List.of("jdbc:postgresql:", "jdbc:h2:"))
          .defaultDescribed("H2 file in `$CMS_DATA_DIR/db` (`jdbc:h2:async:…`)")
          .means(
              "`jdbc:postgresql://host:5432/storybank` switches to PostgreSQL. An H2 URL of your"
                  + " own should keep the `async:` prefix: without it one interrupted thread"
                  + " (Payara interrupts requests running past its 15-minute request timeout)"
                  + " closes the database for every thread and can corrupt the file. On H2 every"
                  + " write transaction is followed by a `CHECKPOINT` before it is answered, so"
                  + " that an acknowledged write survives `kill -9` (see docs/ARCHITECTURE.md)");

  public static final Setting<String> DB_USER =
      text("cms.db.user", "").defaultDescribed("empty").means("database user (PostgreSQL)");

  public static final Setting<String> DB_PASSWORD =
      secret("cms.db.password", "", false)
          .defaultDescribed("empty")
          .means("database password (PostgreSQL)");

  /** At most 200: more connections than PostgreSQL allows by default (100), even for one node. */
  public static final Setting<Integer> DB_POOL_SIZE =
      integer("cms.db.pool-size", DatabaseSettings.DEFAULT_MAX_POOL_SIZE, 1, 200)
          .means("connections in the pool (HikariCP)");

  public static final Setting<Boolean> DEMO_CONTENT =
      flag("cms.demo-content", true)
          .means("load the Lào Cai and Thái Nguyên demo tenants into an empty database");

  /** At most 1 GiB: a JSON body is read whole, and the default heap is 1 GiB. */
  public static final Setting<Long> MAX_BODY_BYTES =
      longInteger("cms.api.max-body-bytes", 2 * 1024 * KIB, KIB, GIB)
          .defaultNote("2 MiB")
          .means("largest JSON request body; larger ones get 413");

  /** At most 1 TiB: an import is streamed, so only the disk bounds it. */
  public static final Setting<Long> MAX_IMPORT_BYTES =
      longInteger("cms.api.max-import-bytes", GIB, KIB, 1024 * GIB)
          .defaultNote("1 GiB")
          .means("largest NDJSON import body");

  public static final Setting<Path> SEARCH_DIR =
      path("cms.search.dir", null)
          .defaultDescribed("`$CMS_DATA_DIR/index`")
          .means(
              "this node's Lucene index (generations `gen-…` and a `current` file). Local disk per"
                  + " node; never shared between nodes");

  /** At most 1 GiB: a rebuild takes four times this from the heap. */
  public static final Setting<Integer> SEARCH_RAM_BUFFER_MB =
      integer("cms.search.ram-buffer-mb", SearchSettings.DEFAULT_RAM_BUFFER_MB, 1, 1024)
          .means(
              "index writer memory before it flushes a segment; a full rebuild uses four times this"
                  + " while it loads every entry (256 MB by default: keep the heap at 1 GiB or"
                  + " more)");

  /** At least 1 ms (0 would spin), at most a minute (search would lag further behind). */
  public static final Setting<Long> SEARCH_POLL_MS =
      longInteger(
              "cms.search.poll-interval-ms",
              SearchSettings.DEFAULT_POLL_INTERVAL.toMillis(),
              1,
              60_000)
          .means(
              "how often an idle follower asks the change log for news (bounds how soon a change"
                  + " is searchable)");

  /** 0 commits every batch; at most an hour, which a crash has to replay. */
  public static final Setting<Long> SEARCH_COMMIT_MS =
      longInteger(
              "cms.search.commit-interval-ms",
              SearchSettings.DEFAULT_COMMIT_INTERVAL.toMillis(),
              0,
              3_600_000)
          .means(
              "how often applied changes are committed to disk at most (they are searchable before"
                  + " that; a crash replays them)");

  public static final Setting<Integer> SEARCH_REBUILD_THREADS =
      integer("cms.search.rebuild-threads", SearchSettings.DEFAULT_REBUILD_THREADS, 1, 256)
          .means(
              "threads analysing documents in a full rebuild, and when the follower catches up"
                  + " with many changes (an import)");

  public static final Setting<Integer> SEARCH_QUERY_THREADS =
      integer("cms.search.query-threads", null, 1, 256)
          .defaultDescribed("number of processors")
          .means(
              "threads one search's index segments are searched on, and its page of hits read in"
                  + " slices, side by side (shorter single searches on an idle node; `1` searches"
                  + " on the request's thread only)");

  /** 0 is off; at most a day, beyond which scheduled times would fire a day late. */
  public static final Setting<Long> SCHEDULER_INTERVAL_SECONDS =
      longInteger("cms.scheduler.interval-seconds", 5, 0, 86_400)
          .means(
              "how often this node fires due scheduled publish, unpublish and embargo-end times;"
                  + " `0` turns the scheduler off on this node. Any number of nodes may run it:"
                  + " each due time fires once, and times that fell due while every node was down"
                  + " fire at the next poll");

  public static final Setting<String> BLOB_STORE =
      oneOf("cms.blob.store", BlobStores.NAMES)
          .means("where media files live: `filesystem` (under `$CMS_DATA_DIR/blobs`) or `s3`");

  public static final Setting<String> S3_ENDPOINT =
      httpUrl("cms.s3.endpoint")
          .defaultDescribed("none (required for `s3`)")
          .means("URL of the S3-compatible server, e.g. `https://minio.example.org:9000`");

  public static final Setting<String> S3_REGION =
      text("cms.s3.region", "us-east-1").means("S3 region (MinIO's default)");

  public static final Setting<String> S3_BUCKET =
      text("cms.s3.bucket", "storybank-media")
          .means("bucket; created at the first upload if absent");

  public static final Setting<String> S3_ACCESS_KEY =
      secret("cms.s3.access-key", "", false).defaultDescribed("empty").means("S3 access key");

  public static final Setting<String> S3_SECRET_KEY =
      secret("cms.s3.secret-key", "", false)
          .defaultDescribed("empty")
          .means("S3 secret key (from a secret store)");

  /** At most 2 GiB: images are decoded and PDFs read by libraries that hold them in memory. */
  public static final Setting<Long> MEDIA_MAX_IMAGE_BYTES =
      longInteger("cms.media.max-image-bytes", MediaSettings.DEFAULT_MAX_IMAGE_BYTES, KIB, 2 * GIB)
          .defaultNote("50 MiB")
          .means("largest image or PDF upload; larger gets 413");

  /** At most 1 TiB: video and audio are streamed to the store, so only the store bounds them. */
  public static final Setting<Long> MEDIA_MAX_VIDEO_BYTES =
      longInteger(
              "cms.media.max-video-bytes", MediaSettings.DEFAULT_MAX_VIDEO_BYTES, KIB, 1024 * GIB)
          .defaultNote("2 GiB")
          .means("largest video or audio upload; larger gets 413");

  /** At most what one Java image can hold (an int's range of pixels). */
  public static final Setting<Long> MEDIA_MAX_PIXELS =
      longInteger("cms.media.max-pixels", MediaSettings.DEFAULT_MAX_PIXELS, 1, Integer.MAX_VALUE)
          .means("images whose header claims more pixels are refused (422) before decoding");

  /** 0 to 1: what the JPEG writer accepts. */
  public static final Setting<Float> MEDIA_JPEG_QUALITY =
      decimal("cms.media.jpeg-quality", MediaSettings.DEFAULT_JPEG_QUALITY, 0f, 1f)
          .means(
              "JPEG quality of renditions (0..1); part of the rendition key, so changing it makes"
                  + " new renditions");

  public static final Setting<Boolean> MEDIA_JPEG_PROGRESSIVE =
      flag("cms.media.jpeg-progressive", true).means("progressive JPEG renditions");

  public static final Setting<String> MEDIA_URL_SECRET =
      secret("cms.media.url-secret", null, false)
          .also(
              minLength(32, "; leave it unset to have one generated and kept in the database"),
              "at least 32 characters")
          .defaultDescribed("generated, kept in the database")
          .means(
              "the secret the media URLs of key-protected channels are signed with (HMAC-SHA256);"
                  + " at least 32 characters, else the start is refused. Unset, the first node to"
                  + " start generates 32 random bytes and stores them in the `server_secret` table,"
                  + " and every node sharing the database uses them — nodes must share the secret,"
                  + " since a URL signed by one is fetched from another. Set it (from a secret"
                  + " store) to control rotation; changing it, or deleting the row, invalidates"
                  + " every signed URL given out");

  public static final Setting<Long> MEDIA_SIGNED_URL_HOURS =
      longInteger("cms.media.signed-url-hours", 24, 1, 8760)
          .means(
              "how long a signed media URL stays valid at least, `1` to `8760`, else the start is"
                  + " refused; the expiry is rounded up to the next full hour, so the same URL is"
                  + " given out for an hour");

  public static final Setting<String> PUBLIC_URL =
      httpUrl("cms.public-url")
          .defaultDescribed("the address each request came to")
          .means(
              "the public address of Storybank (e.g. `https://storybank.laocai.gov.vn`) behind a"
                  + " proxy or CDN: feeds, sitemaps, sync, item JSON and problem types link to it, and"
                  + " the OpenAPI document names it as its server");

  /** At most a year, the longest a cache is asked to keep an answer (RFC 9111). */
  public static final Setting<Integer> DELIVERY_MAX_AGE =
      integer("cms.delivery.max-age", 60, 0, 31_536_000)
          .means(
              "seconds caches may keep public delivery answers (`Cache-Control: public,"
                  + " max-age=…, stale-while-revalidate=…`); partner channels always revalidate");

  /** At most a million rendered answers: each can be several hundred KiB of heap. */
  public static final Setting<Integer> DELIVERY_CACHE_ENTRIES =
      integer("cms.delivery.cache-entries", 1000, 0, 1_000_000)
          .means(
              "rendered delivery answers (feed pages, playlists, lists, items) kept per node (when"
                  + " full, those least likely to be asked again go first); an entry is reused only while the change log has"
                  + " not moved and for at most 5 s (plus one rendering while it is refreshed); `0`"
                  + " turns the cache off");

  /** At most 1 GiB: the heap is 1 GiB by default. */
  public static final Setting<Integer> LIST_CACHE_MIB =
      integer("cms.admin.list-cache-mib", 16, 0, 1024)
          .means(
              "MiB of rendered admin list pages (summaries) kept per node; a page is reused only"
                  + " while the change log has not moved (an editor reads their own write at once)"
                  + " and for at most 5 s; the permission check runs on every request; `0` turns"
                  + " the cache off");

  public static final Setting<Long> WEBHOOKS_POLL_MS =
      longInteger(
              "cms.webhooks.poll-interval-ms",
              WebhookSettings.DEFAULT_POLL_INTERVAL.toMillis(),
              1,
              60_000)
          .means(
              "how often the idle webhook dispatcher and sender look for new changes and due"
                  + " messages (bounds how soon a partner hears of a change)");

  /** 100 ms to 10 minutes: shorter fails every remote partner, longer holds the sender up. */
  public static final Setting<Long> WEBHOOKS_TIMEOUT_MS =
      longInteger(
              "cms.webhooks.timeout-ms", WebhookSettings.DEFAULT_TIMEOUT.toMillis(), 100, 600_000)
          .means(
              "how long one webhook request may take, connect and answer; slower is a failed"
                  + " attempt");

  public static final Setting<Boolean> WEBHOOKS_ALLOW_PRIVATE =
      flag("cms.webhooks.allow-private-targets", false)
          .means(
              "allow webhook URLs that resolve to loopback, private or link-local addresses. Leave"
                  + " false in production (SSRF: otherwise whoever may subscribe can make Storybank"
                  + " call the internal network); tests and closed networks set it true");

  public static final Setting<String> METRICS_TOKEN =
      secret("cms.metrics.token", null, true)
          .also(
              minLength(32, "; generate one, e.g. with: openssl rand -hex 32"),
              "at least 32 characters")
          .defaultDescribed("unset (metrics off)")
          .means(
              "the bearer token that opens `/metrics` (Payara's MicroProfile Metrics: JVM,"
                  + " connection pool and request figures). Unset: `/metrics` answers 404 to"
                  + " everyone. Set: only `Authorization: Bearer <token>` reads it (compared in"
                  + " constant time), others get 401. At least 32 characters (`openssl rand -hex"
                  + " 32`), else the start fails. `/health` is never guarded");

  /** Every setting, in the order of docs/OPERATIONS.md's table. */
  public static final List<Setting<?>> ALL =
      List.of(
          HTTP_PORT,
          DATA_DIR,
          ADMIN_PASSWORD,
          DB_URL,
          DB_USER,
          DB_PASSWORD,
          DB_POOL_SIZE,
          DEMO_CONTENT,
          MAX_BODY_BYTES,
          MAX_IMPORT_BYTES,
          SEARCH_DIR,
          SEARCH_RAM_BUFFER_MB,
          SEARCH_POLL_MS,
          SEARCH_COMMIT_MS,
          SEARCH_REBUILD_THREADS,
          SEARCH_QUERY_THREADS,
          SCHEDULER_INTERVAL_SECONDS,
          BLOB_STORE,
          S3_ENDPOINT,
          S3_REGION,
          S3_BUCKET,
          S3_ACCESS_KEY,
          S3_SECRET_KEY,
          MEDIA_MAX_IMAGE_BYTES,
          MEDIA_MAX_VIDEO_BYTES,
          MEDIA_MAX_PIXELS,
          MEDIA_JPEG_QUALITY,
          MEDIA_JPEG_PROGRESSIVE,
          MEDIA_URL_SECRET,
          MEDIA_SIGNED_URL_HOURS,
          PUBLIC_URL,
          DELIVERY_MAX_AGE,
          DELIVERY_CACHE_ENTRIES,
          LIST_CACHE_MIB,
          WEBHOOKS_POLL_MS,
          WEBHOOKS_TIMEOUT_MS,
          WEBHOOKS_ALLOW_PRIVATE,
          METRICS_TOKEN);

  private SettingsRegistry() {}
}
