package vn.storybank.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import vn.storybank.core.account.AccountService;
import vn.storybank.core.account.ApiToken;
import vn.storybank.core.account.AppUser;
import vn.storybank.core.account.AuditEvent;
import vn.storybank.core.account.Membership;
import vn.storybank.core.account.WebSession;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.changelog.ChangeService;
import vn.storybank.core.collection.CollectionService;
import vn.storybank.core.collection.CuratedCollection;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.Translation;
import vn.storybank.core.media.MediaAsset;
import vn.storybank.core.media.MediaDelivery;
import vn.storybank.core.media.MediaFiles;
import vn.storybank.core.media.MediaService;
import vn.storybank.core.media.MediaSettings;
import vn.storybank.core.persistence.Database;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.product.Product;
import vn.storybank.core.product.ProductService;
import vn.storybank.core.snapshot.SnapshotService;
import vn.storybank.core.story.Story;
import vn.storybank.core.story.StoryService;
import vn.storybank.core.taxonomy.TaxonomyService;
import vn.storybank.core.taxonomy.Term;
import vn.storybank.core.tenant.Tenant;
import vn.storybank.core.tenant.TenantService;
import vn.storybank.core.transfer.TransferService;

/** The core assembled: one database and the services over it. Create one per process. */
public final class Storybank implements AutoCloseable {
  private final Database database;
  private final TenantService tenants;
  private final TaxonomyService taxonomies;
  private final StoryService stories;
  private final ProductService products;
  private final MediaService media;
  private final MediaFiles mediaFiles;
  private final MediaDelivery mediaDelivery;
  private final CollectionService collections;
  private final ChangeService changes;
  private final AccountService accounts;
  private final TransferService transfer;
  private final SnapshotService snapshots;

  private Storybank(Database database, Clock clock, MediaSettings mediaSettings) {
    this.database = database;
    Transactions transactions = new Transactions(database.entityManagerFactory());
    ChangeLog changeLog = new ChangeLog(clock);
    this.tenants = new TenantService(transactions, changeLog, clock);
    this.taxonomies = new TaxonomyService(transactions, changeLog, clock);
    this.stories = new StoryService(transactions, changeLog, clock);
    this.products = new ProductService(transactions, changeLog, clock);
    this.media = new MediaService(transactions, changeLog, clock, mediaSettings.store());
    this.mediaFiles = new MediaFiles(media, transactions, mediaSettings, clock);
    this.mediaDelivery = new MediaDelivery(media, transactions, mediaSettings, clock);
    this.collections = new CollectionService(transactions, changeLog, clock);
    this.changes = new ChangeService(transactions, changeLog);
    this.accounts = new AccountService(transactions, clock);
    this.transfer =
        new TransferService(
            transactions, changeLog, tenants, taxonomies, media, products, stories, collections);
    this.snapshots = new SnapshotService(transactions);
  }

  /**
   * Connects to the database, migrates its schema and validates the mapping; media files go to a
   * new temporary folder (for tests and tools that do not upload).
   */
  public static Storybank start(DatabaseSettings settings, Clock clock) {
    try {
      return start(
          settings, clock, MediaSettings.defaults(Files.createTempDirectory("storybank-media-")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Connects to the database, migrates its schema and validates the mapping. */
  public static Storybank start(DatabaseSettings settings, Clock clock, MediaSettings media) {
    return new Storybank(Database.open(settings, entityClasses()), clock, media);
  }

  static List<Class<?>> entityClasses() {
    List<Class<?>> classes =
        new ArrayList<>(
            List.of(
                AppUser.class,
                Membership.class,
                ApiToken.class,
                AuditEvent.class,
                WebSession.class,
                Tenant.class,
                Term.class,
                Entry.class,
                Translation.class,
                Story.class,
                Product.class,
                MediaAsset.class,
                CuratedCollection.class));
    classes.addAll(ChangeService.entityClasses());
    return classes;
  }

  public TenantService tenants() {
    return tenants;
  }

  public TaxonomyService taxonomies() {
    return taxonomies;
  }

  public StoryService stories() {
    return stories;
  }

  public ProductService products() {
    return products;
  }

  public MediaService media() {
    return media;
  }

  public MediaFiles mediaFiles() {
    return mediaFiles;
  }

  public MediaDelivery mediaDelivery() {
    return mediaDelivery;
  }

  public CollectionService collections() {
    return collections;
  }

  public ChangeService changes() {
    return changes;
  }

  public AccountService accounts() {
    return accounts;
  }

  public TransferService transfer() {
    return transfer;
  }

  public SnapshotService snapshots() {
    return snapshots;
  }

  public Database database() {
    return database;
  }

  @Override
  public void close() {
    database.close();
  }
}
