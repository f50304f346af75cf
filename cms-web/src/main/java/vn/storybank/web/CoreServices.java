package vn.storybank.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.AuditTrail;
import vn.storybank.core.account.Members;
import vn.storybank.core.account.PasswordChanges;
import vn.storybank.core.account.Permissions;
import vn.storybank.core.account.Sessions;
import vn.storybank.core.account.SignIn;
import vn.storybank.core.account.Tokens;
import vn.storybank.core.account.Users;
import vn.storybank.core.changelog.ChangeService;
import vn.storybank.core.channel.ChannelService;
import vn.storybank.core.collection.CollectionService;
import vn.storybank.core.delivery.DeliveryService;
import vn.storybank.core.delivery.SyncService;
import vn.storybank.core.media.BrandKitService;
import vn.storybank.core.media.MediaDelivery;
import vn.storybank.core.media.MediaFiles;
import vn.storybank.core.media.MediaService;
import vn.storybank.core.partner.PartnerService;
import vn.storybank.core.product.ProductService;
import vn.storybank.core.snapshot.SnapshotService;
import vn.storybank.core.story.StoryService;
import vn.storybank.core.taxonomy.TaxonomyService;
import vn.storybank.core.tenant.TenantService;
import vn.storybank.core.transfer.TransferService;
import vn.storybank.core.workflow.WorkflowService;

/**
 * The core's services one by one, so that each resource is constructed with the services it uses
 * rather than the whole core. Each comes from the running {@link Storybank} that {@link
 * StorybankLifecycle} produces.
 */
@ApplicationScoped
class CoreServices {
  @Produces
  @Dependent
  TenantService tenants(Storybank core) {
    return core.tenants();
  }

  @Produces
  @Dependent
  TaxonomyService taxonomies(Storybank core) {
    return core.taxonomies();
  }

  @Produces
  @Dependent
  StoryService stories(Storybank core) {
    return core.stories();
  }

  @Produces
  @Dependent
  ProductService products(Storybank core) {
    return core.products();
  }

  @Produces
  @Dependent
  MediaService media(Storybank core) {
    return core.media();
  }

  @Produces
  @Dependent
  MediaFiles mediaFiles(Storybank core) {
    return core.mediaFiles();
  }

  @Produces
  @Dependent
  MediaDelivery mediaDelivery(Storybank core) {
    return core.mediaDelivery();
  }

  @Produces
  @Dependent
  BrandKitService brandKit(Storybank core) {
    return core.brandKit();
  }

  @Produces
  @Dependent
  CollectionService collections(Storybank core) {
    return core.collections();
  }

  @Produces
  @Dependent
  ChangeService changes(Storybank core) {
    return core.changes();
  }

  @Produces
  @Dependent
  ChannelService channels(Storybank core) {
    return core.channels();
  }

  @Produces
  @Dependent
  DeliveryService delivery(Storybank core) {
    return core.delivery();
  }

  @Produces
  @Dependent
  SyncService sync(Storybank core) {
    return core.sync();
  }

  @Produces
  @Dependent
  PartnerService partners(Storybank core) {
    return core.partners();
  }

  @Produces
  @Dependent
  TransferService transfer(Storybank core) {
    return core.transfer();
  }

  @Produces
  @Dependent
  SnapshotService snapshots(Storybank core) {
    return core.snapshots();
  }

  @Produces
  @Dependent
  WorkflowService workflow(Storybank core) {
    return core.workflow();
  }

  @Produces
  @Dependent
  SignIn signIn(Storybank core) {
    return core.signIn();
  }

  @Produces
  @Dependent
  Sessions sessions(Storybank core) {
    return core.sessions();
  }

  @Produces
  @Dependent
  PasswordChanges passwordChanges(Storybank core) {
    return core.passwordChanges();
  }

  @Produces
  @Dependent
  Users users(Storybank core) {
    return core.users();
  }

  @Produces
  @Dependent
  Members members(Storybank core) {
    return core.members();
  }

  @Produces
  @Dependent
  Tokens tokens(Storybank core) {
    return core.tokens();
  }

  @Produces
  @Dependent
  AuditTrail auditTrail(Storybank core) {
    return core.auditTrail();
  }

  @Produces
  @Dependent
  Permissions permissions(Storybank core) {
    return core.permissions();
  }
}
