package vn.storybank.core.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Actor;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.entry.EntryHeader;
import vn.storybank.core.entry.EntryLink;
import vn.storybank.core.entry.EntryQueries;
import vn.storybank.core.entry.EntryService;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.entry.WriteContext;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.error.Violations;
import vn.storybank.core.persistence.Audit;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.taxonomy.Term;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.tenant.TenantQueries;

/** Media asset records. */
public final class MediaService extends EntryService<MediaAsset, MediaInput, MediaView> {
  public static final List<String> TYPES =
      List.of("photo", "video", "audio", "infographic", "panorama-360", "document");
  private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  /** The link role of a video's or a recording's poster image (weak reference, like all links). */
  static final String POSTER = "poster";

  /** The file types renditions are made of: poster and logo images must be one of them. */
  private static final Set<String> RENDERABLE =
      Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

  private static final Set<String> IMAGE_TYPES = Set.of("photo", "infographic");

  static boolean renderable(String contentType) {
    return contentType != null && RENDERABLE.contains(contentType);
  }

  private final Transactions transactions;
  private final BlobStore store;

  public MediaService(
      Transactions transactions, ChangeLog changeLog, Clock clock, BlobStore store) {
    super(
        transactions,
        changeLog,
        clock,
        MediaAsset.class,
        MediaInput.class,
        EntryType.MEDIA,
        "mediaType");
    this.transactions = transactions;
    this.store = store;
  }

  /** The record's file fields are written by uploads only, never by a patch or an import. */
  @Override
  public ObjectNode writableJson(MediaAsset asset) {
    ObjectNode json = super.writableJson(asset);
    json.remove("file");
    return json;
  }

  /**
   * Deletes the record; its renditions go with it, and its original too when no other record shares
   * those bytes. A failure to delete blobs leaves orphans for {@link MediaFiles#sweep}.
   */
  @Override
  public void delete(String tenant, UUID id, Long expectedVersion, Actor actor) {
    String sha =
        transactions.read(
            em -> {
              Access.require(em, actor, tenant, deleteAction());
              return require(em, tenant, id).blobSha256();
            });
    super.delete(tenant, id, expectedVersion, actor);
    if (sha != null) {
      MediaFiles.releaseIfUnreferenced(transactions, store, sha);
    }
  }

  /**
   * The brand kit's logo stays. The asset's row is locked first, as {@link BrandKitService#put}
   * does, so that a delete and a brand kit naming the logo at the same moment cannot both succeed
   * (H2's foreign-key check does not see the other's uncommitted row).
   */
  @Override
  protected void refuseDeleteIfInUse(EntityManager em, String tenant, MediaAsset asset) {
    em.lock(asset, LockModeType.PESSIMISTIC_WRITE);
    BrandKit kit = BrandKit.find(em, tenant);
    if (kit != null && kit.assetId().equals(asset.id())) {
      throw StorybankException.conflict(
          "Media "
              + asset.id()
              + " is the watermark logo of tenant "
              + tenant
              + "'s brand kit; choose another logo or remove the watermark first.");
    }
  }

  @Override
  protected Action writeAction() {
    return Action.MEDIA_WRITE;
  }

  /** A media record's captions and alt texts are part of looking after the library. */
  @Override
  protected void requireTranslationWrite(
      EntityManager em, Actor actor, String tenant, String locale) {
    if (!Access.allows(em, actor, tenant, Action.MEDIA_WRITE)) {
      super.requireTranslationWrite(em, actor, tenant, locale);
    }
  }

  /** Media librarians look after the library, deletions included. */
  @Override
  protected Action deleteAction() {
    return Action.MEDIA_WRITE;
  }

  /**
   * The entries that show this asset (a story's hero image, a product's media, a collection's item,
   * a video's poster), for the library's "where used". Drafts included: for the team.
   */
  public List<MediaUsage> usages(String tenant, UUID id, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_CONTENT);
          require(em, tenant, id);
          return new EntryQueries(em)
              .linkingWithRoles(tenant, id, MediaUsage.LIMIT).stream().map(MediaUsage::of).toList();
        });
  }

  /** Records of the tenant whose rights expire within the period from now, soonest first. */
  public List<MediaView> rightsExpiring(String tenant, Instant from, Instant until, Actor actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_CONTENT);
          new TenantQueries(em).require(tenant);
          return new MediaQueries(em)
              .rightsExpiring(tenant, from, until, 1000).stream().map(this::view).toList();
        });
  }

  void fileChanged(WriteContext ctx, MediaAsset asset) {
    touched(ctx, asset);
  }

  @Override
  protected MediaAsset newEntity(UUID id, String tenant, Audit audit) {
    return new MediaAsset(id, tenant, audit);
  }

  @Override
  protected boolean requiresTitle() {
    return false;
  }

  @Override
  protected void apply(WriteContext ctx, MediaAsset asset, MediaInput input, Violations v) {
    if (input.mediaType() == null || !TYPES.contains(input.mediaType())) {
      v.add("mediaType", "must be one of " + String.join(", ", TYPES));
    }
    v.maxLength("credit", input.credit(), 500);
    v.maxLength("copyrightHolder", input.copyrightHolder(), 500);
    v.maxLength("licence", input.licence(), 200);
    v.maxLength("licenceUrl", input.licenceUrl(), 2000);
    if (Boolean.TRUE.equals(input.consentObtained())
        && !Boolean.TRUE.equals(input.peopleIdentifiable())) {
      v.add("consentObtained", "only applies when peopleIdentifiable is true");
    }
    if (input.focalPoint() != null && !input.focalPoint().isValid()) {
      v.add("focalPoint", "x and y must each be between 0 and 1 (0.5, 0.5 is the centre)");
    }
    // Kept joined in one column (V1 migration).
    v.maxJoinedLength("channelsAllowed", input.channelsAllowed(), 2000);
    for (int i = 0; i < input.channelsAllowed().size(); i++) {
      String channel = input.channelsAllowed().get(i);
      if (channel == null || !CHANNEL.matcher(channel).matches()) {
        v.add("channelsAllowed[" + i + "]", "must be a channel name such as en-portal");
      }
    }
    Set<Term> terms = new LinkedHashSet<>();
    terms.addAll(ctx.terms().resolve(TermKind.PLACE, "places", input.places(), v));
    terms.addAll(ctx.terms().resolve(TermKind.TOPIC, "topics", input.topics(), v));
    terms.addAll(
        ctx.terms().resolve(TermKind.ETHNIC_GROUP, "ethnicGroups", input.ethnicGroups(), v));
    List<EntryLink> poster = poster(ctx, asset, input, v);
    if (v.isEmpty()) {
      asset.set(input);
      replaceTerms(asset, terms);
      replaceLinks(asset, poster);
    }
  }

  /**
   * The poster link: only for video and audio, and only to an image of this tenant (a player shows
   * a rendition of it, so its file must be one renditions are made of).
   */
  private static List<EntryLink> poster(
      WriteContext ctx, MediaAsset asset, MediaInput input, Violations v) {
    UUID id = input.posterId();
    if (id == null) {
      return List.of();
    }
    if (!"video".equals(input.mediaType()) && !"audio".equals(input.mediaType())) {
      v.add("posterId", "only video and audio assets have a poster");
      return List.of();
    }
    EntryType found = ctx.existingEntries(Set.of(id)).get(id);
    if (id.equals(asset.id())) {
      v.add("posterId", "a record cannot be its own poster");
    } else if (found == null) {
      v.add("posterId", "there is no entry " + id + " in tenant " + ctx.tenant().code());
    } else if (found != EntryType.MEDIA || !image(ctx.em().find(MediaAsset.class, id))) {
      v.add(
          "posterId",
          id
              + " is not an image (a photo or infographic; its file, if any, JPEG, PNG, GIF or WebP)");
    } else {
      return List.of(new EntryLink(POSTER, id));
    }
    return List.of();
  }

  /**
   * Whether a poster candidate is an image. Judged by its file when it has one, else by its type:
   * an import carries records without their files, and an import declares entries before it creates
   * them (null here), so both must pass or exported posters could not be imported.
   */
  private static boolean image(MediaAsset candidate) {
    if (candidate == null) {
      return true;
    }
    return candidate.blobSha256() == null
        ? IMAGE_TYPES.contains(candidate.mediaType())
        : renderable(candidate.contentType());
  }

  @Override
  public MediaView view(MediaAsset asset) {
    return new MediaView(
        EntryHeader.of(asset),
        asset.mediaType(),
        asset.credit(),
        asset.copyrightHolder(),
        asset.licence(),
        asset.licenceUrl(),
        asset.peopleIdentifiable(),
        asset.consentObtained(),
        asset.rightsExpireAt(),
        asset.capturedAt(),
        asset.channelsAllowed(),
        asset.focalPoint(),
        asset.links(POSTER).stream().findFirst().orElse(null),
        asset.file(),
        asset.termCodes(TermKind.PLACE),
        asset.termCodes(TermKind.TOPIC),
        asset.termCodes(TermKind.ETHNIC_GROUP),
        translationViews(asset));
  }
}
