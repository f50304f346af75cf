package vn.storybank.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import vn.storybank.core.account.ApiToken;
import vn.storybank.core.account.AppUser;
import vn.storybank.core.account.AuditEvent;
import vn.storybank.core.account.AuditTrail;
import vn.storybank.core.account.Members;
import vn.storybank.core.account.Membership;
import vn.storybank.core.account.PasswordChanges;
import vn.storybank.core.account.Permissions;
import vn.storybank.core.account.Sessions;
import vn.storybank.core.account.SignIn;
import vn.storybank.core.account.Tokens;
import vn.storybank.core.account.Users;
import vn.storybank.core.account.WebSession;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.changelog.ChangeService;
import vn.storybank.core.channel.ChannelService;
import vn.storybank.core.collection.CollectionService;
import vn.storybank.core.collection.CuratedCollection;
import vn.storybank.core.delivery.DeliveryService;
import vn.storybank.core.delivery.SyncService;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryComment;
import vn.storybank.core.entry.Translation;
import vn.storybank.core.entry.TranslationApproval;
import vn.storybank.core.entry.TranslationRevision;
import vn.storybank.core.entry.WorkflowSettings;
import vn.storybank.core.media.BrandKit;
import vn.storybank.core.media.BrandKitService;
import vn.storybank.core.media.MediaAsset;
import vn.storybank.core.media.MediaDelivery;
import vn.storybank.core.media.MediaFiles;
import vn.storybank.core.media.MediaService;
import vn.storybank.core.media.MediaSettings;
import vn.storybank.core.media.Preset;
import vn.storybank.core.partner.PartnerService;
import vn.storybank.core.persistence.Database;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.product.Product;
import vn.storybank.core.product.ProductService;
import vn.storybank.core.secret.ServerSecrets;
import vn.storybank.core.snapshot.SnapshotService;
import vn.storybank.core.story.Story;
import vn.storybank.core.story.StoryService;
import vn.storybank.core.taxonomy.TaxonomyService;
import vn.storybank.core.taxonomy.Term;
import vn.storybank.core.tenant.Tenant;
import vn.storybank.core.tenant.TenantService;
import vn.storybank.core.transfer.TransferService;
import vn.storybank.core.webhook.WebhookService;
import vn.storybank.core.workflow.Scheduler;
import vn.storybank.core.workflow.WorkflowService;

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
  private final BrandKitService brandKit;
  private final CollectionService collections;
  private final ChangeService changes;
  private final SignIn signIn;
  private final Sessions sessions;
  private final PasswordChanges passwordChanges;
  private final Users users;
  private final Members members;
  private final Tokens tokens;
  private final AuditTrail auditTrail;
  private final Permissions permissions;
  private final TransferService transfer;
  private final SnapshotService snapshots;
  private final ChannelService channels;
  private final DeliveryService delivery;
  private final SyncService sync;
  private final PartnerService partners;
  private final Scheduler scheduler;
  private final WorkflowService workflow;
  private final ServerSecrets secrets;

  private Storybank(
      Database database, Clock clock, MediaSettings mediaSettings, boolean sharedDatabase) {
    this.database = database;
    Transactions transactions = database.transactions();
    ChangeLog changeLog = new ChangeLog(clock);
    this.tenants = new TenantService(transactions, changeLog, clock);
    this.taxonomies = new TaxonomyService(transactions, changeLog, clock);
    this.stories = new StoryService(transactions, changeLog, clock);
    this.products = new ProductService(transactions, changeLog, clock);
    this.media = new MediaService(transactions, changeLog, clock, mediaSettings.store());
    this.mediaFiles = new MediaFiles(media, transactions, mediaSettings, clock);
    this.mediaDelivery = new MediaDelivery(media, transactions, mediaSettings, clock);
    this.brandKit = new BrandKitService(transactions, clock);
    this.collections = new CollectionService(transactions, changeLog, clock);
    this.changes = new ChangeService(transactions, TenantService::require, changeLog);
    this.signIn = new SignIn(transactions, clock);
    this.sessions = new Sessions(transactions, clock, signIn);
    this.passwordChanges = new PasswordChanges(transactions, clock, signIn);
    this.users = new Users(transactions, clock);
    this.members = new Members(transactions, TenantService::require, clock);
    this.tokens = new Tokens(transactions, clock);
    this.auditTrail = new AuditTrail(transactions);
    this.permissions = new Permissions(transactions, TenantService::require);
    this.transfer =
        new TransferService(
            transactions, changeLog, tenants, taxonomies, media, products, stories, collections);
    this.channels = new ChannelService(transactions, changeLog, clock, Preset.STANDARD.keySet());
    this.delivery = new DeliveryService(transactions, clock, changes::recentHead);
    this.sync = new SyncService(transactions, changeLog, clock);
    this.partners = new PartnerService(transactions, clock, signIn.guesses(), sharedDatabase);
    this.snapshots = new SnapshotService(transactions, clock, tenants, taxonomies, channels);
    this.scheduler =
        new Scheduler(transactions, clock, List.of(stories, products, media, collections));
    this.workflow = new WorkflowService(transactions, clock);
    this.secrets = new ServerSecrets(transactions, clock);
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
    return new Storybank(
        Database.open(settings, entityClasses()), clock, media, settings.isPostgres());
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
                TranslationRevision.class,
                TranslationApproval.class,
                WorkflowSettings.class,
                EntryComment.class,
                Story.class,
                Product.class,
                MediaAsset.class,
                BrandKit.class,
                CuratedCollection.class));
    classes.addAll(ChangeService.entityClasses());
    classes.addAll(ChannelService.entityClasses());
    classes.addAll(PartnerService.entityClasses());
    classes.addAll(WebhookService.entityClasses());
    classes.addAll(ServerSecrets.entityClasses());
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

  public BrandKitService brandKit() {
    return brandKit;
  }

  public CollectionService collections() {
    return collections;
  }

  public ChangeService changes() {
    return changes;
  }

  /** Sign-in with a password or a personal token. */
  public SignIn signIn() {
    return signIn;
  }

  public Sessions sessions() {
    return sessions;
  }

  public PasswordChanges passwordChanges() {
    return passwordChanges;
  }

  public Users users() {
    return users;
  }

  public Members members() {
    return members;
  }

  public Tokens tokens() {
    return tokens;
  }

  public AuditTrail auditTrail() {
    return auditTrail;
  }

  /** Checks for what runs outside the core's transactions (search, a streamed export). */
  public Permissions permissions() {
    return permissions;
  }

  public TransferService transfer() {
    return transfer;
  }

  public SnapshotService snapshots() {
    return snapshots;
  }

  public ChannelService channels() {
    return channels;
  }

  public DeliveryService delivery() {
    return delivery;
  }

  public SyncService sync() {
    return sync;
  }

  public PartnerService partners() {
    return partners;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  /** Secrets the nodes sharing the database share (see {@link ServerSecrets}). */
  public ServerSecrets secrets() {
    return secrets;
  }

  public WorkflowService workflow() {
    return workflow;
  }

  public Database database() {
    return database;
  }

  @Override
  public void close() {
    database.close();
  }
}
