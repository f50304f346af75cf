package vn.storybank.core.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.entry.EntryHeader;
import vn.storybank.core.entry.EntryService;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.entry.WriteContext;
import vn.storybank.core.error.Violations;
import vn.storybank.core.persistence.Audit;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.taxonomy.Term;
import vn.storybank.core.taxonomy.TermKind;
import vn.storybank.core.tenant.TenantService;

/** Media asset records. */
public final class MediaService extends EntryService<MediaAsset, MediaInput, MediaView> {
  public static final List<String> TYPES =
      List.of("photo", "video", "audio", "infographic", "panorama-360", "document");
  private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

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
  public void delete(String tenant, UUID id, Long expectedVersion, String actor) {
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

  @Override
  protected Action writeAction() {
    return Action.MEDIA_WRITE;
  }

  /** A media record's captions and alt texts are part of looking after the library. */
  @Override
  protected void requireTranslationWrite(
      EntityManager em, String actor, String tenant, String locale) {
    if (!Access.allows(em, actor, tenant, Action.MEDIA_WRITE)) {
      super.requireTranslationWrite(em, actor, tenant, locale);
    }
  }

  /** Media librarians look after the library, deletions included. */
  @Override
  protected Action deleteAction() {
    return Action.MEDIA_WRITE;
  }

  /** Records of the tenant whose rights expire within the period from now, soonest first. */
  public List<MediaView> rightsExpiring(String tenant, Instant from, Instant until, String actor) {
    return transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.READ_CONTENT);
          TenantService.require(em, tenant);
          return em.createQuery(
                  "select m from MediaAsset m where m.tenant = :tenant and m.rightsExpireAt >= :from"
                      + " and m.rightsExpireAt < :until order by m.rightsExpireAt, m.id",
                  MediaAsset.class)
              .setParameter("tenant", tenant)
              .setParameter("from", from)
              .setParameter("until", until)
              .setMaxResults(1000)
              .getResultStream()
              .map(this::view)
              .toList();
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
    if (v.isEmpty()) {
      asset.set(input);
      replaceTerms(asset, terms);
    }
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
        asset.file(),
        asset.termCodes(TermKind.PLACE),
        asset.termCodes(TermKind.TOPIC),
        asset.termCodes(TermKind.ETHNIC_GROUP),
        translationViews(asset));
  }
}
