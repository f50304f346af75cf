package vn.storybank.core.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.storybank.core.account.Access;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Actor;
import vn.storybank.core.entry.TranslationInput;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.json.Characters;
import vn.storybank.core.json.JsonInputs;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.persistence.Versions;
import vn.storybank.core.tenant.TenantQueries;

/**
 * Uploads: the bytes are streamed to a temporary file while their SHA-256 is computed (never held
 * in memory), their type is read from the content, images are checked (pixel limit, decodable),
 * metadata is extracted, the blob is stored under its hash, and only then is the record written, in
 * one transaction with its change-log entry. So a record never points to a missing blob; a failure
 * after storing leaves at most an unreferenced blob, which {@link #sweep} removes.
 */
public final class MediaFiles {
  private static final Logger LOG = Logger.getLogger(MediaFiles.class.getName());
  private final MediaService media;
  private final Transactions transactions;
  private final MediaSettings settings;
  private final Clock clock;

  public MediaFiles(
      MediaService media, Transactions transactions, MediaSettings settings, Clock clock) {
    this.media = media;
    this.transactions = transactions;
    this.settings = settings;
    this.clock = clock;
  }

  public MediaSettings settings() {
    return settings;
  }

  /**
   * Creates a media record from an uploaded file and optional record JSON. Values the editor sent
   * win over values read from the file.
   */
  public MediaView upload(
      String tenant,
      InputStream content,
      String declaredType,
      String filename,
      JsonNode metadata,
      Actor actor) {
    transactions.read(
        em -> {
          Access.require(em, actor, tenant, Action.MEDIA_WRITE);
          return new TenantQueries(em).require(tenant);
        });
    JsonNode json =
        metadata == null || metadata.isNull() || metadata.isMissingNode()
            ? JsonNodeFactory.instance.objectNode()
            : metadata;
    if (!json.isObject()) {
      throw StorybankException.invalid("metadata", "must be a JSON object (the media record)");
    }
    MediaInput editor = JsonInputs.convert(json, MediaInput.class);
    Path temp = null;
    try {
      temp = Files.createTempFile(settings.tempDir(), "upload-", ".part");
      StoredFile file = receive(content, declaredType, temp);
      store(file, temp);
      String name = cleanFilename(filename);
      MediaView view =
          media.inTransaction(
              tenant,
              actor,
              ctx -> {
                Access.require(ctx.em(), actor, tenant, Action.MEDIA_WRITE);
                MediaInput input = prefill(editor, file, ctx.tenant().sourceLocale());
                return media.create(
                    ctx, UUID.randomUUID(), input, asset -> asset.attach(file, name));
              },
              media::view);
      ensureStored(file, temp);
      return view;
    } catch (IOException e) {
      throw tempFolderFailure(e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /** Replaces the file of an existing record (raw upload); the record's other fields stay. */
  public MediaView replaceOriginal(
      String tenant,
      UUID id,
      InputStream content,
      String declaredType,
      String filename,
      Long expectedVersion,
      Actor actor) {
    String mediaType =
        transactions.read(
            em -> {
              Access.require(em, actor, tenant, Action.MEDIA_WRITE);
              return media.require(em, tenant, id).mediaType();
            });
    Path temp = null;
    try {
      temp = Files.createTempFile(settings.tempDir(), "upload-", ".part");
      StoredFile file = receive(content, declaredType, temp);
      requireFits(file, mediaType);
      store(file, temp);
      String name = cleanFilename(filename);
      String[] previous = new String[1];
      MediaView view =
          media.inTransaction(
              tenant,
              actor,
              ctx -> {
                Access.require(ctx.em(), actor, tenant, Action.MEDIA_WRITE);
                MediaAsset asset = media.require(ctx.em(), tenant, id);
                Versions.check(expectedVersion, asset.version(), "Media " + id);
                requireFits(file, asset.mediaType());
                previous[0] = asset.blobSha256();
                asset.attach(file, name == null ? null : name);
                media.fileChanged(ctx, asset);
                return asset;
              },
              media::view);
      ensureStored(file, temp);
      if (previous[0] != null && !previous[0].equals(file.sha256())) {
        releaseIfUnreferenced(transactions, settings.store(), previous[0]);
      }
      return view;
    } catch (IOException e) {
      throw tempFolderFailure(e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /**
   * Deletes blobs older than {@code minAge} that no record references: originals and renditions
   * left by failed uploads or deletions. Returns how many were deleted.
   */
  public int sweep(Duration minAge) {
    Set<String> referenced =
        new HashSet<>(transactions.read(em -> new MediaQueries(em).referencedBlobs()));
    Instant cutoff = clock.instant().minus(minAge);
    int deleted = 0;
    for (String prefix : List.of(BlobKeys.ORIGINALS, BlobKeys.RENDITIONS)) {
      for (BlobStore.Blob blob : settings.store().list(prefix)) {
        String sha = BlobKeys.shaOf(blob.key());
        if (sha != null && !referenced.contains(sha) && !blob.lastModified().isAfter(cutoff)) {
          settings.store().delete(blob.key());
          deleted++;
        }
      }
    }
    if (deleted > 0) {
      LOG.info("Media sweep deleted " + deleted + " unreferenced blobs");
    }
    return deleted;
  }

  /** Deletes an original and its renditions when no record references the hash any more. */
  static void releaseIfUnreferenced(Transactions transactions, BlobStore store, String sha) {
    long references = transactions.read(em -> new MediaQueries(em).countReferencing(sha));
    try {
      for (BlobStore.Blob rendition : store.list(BlobKeys.renditionFolder(sha))) {
        store.delete(rendition.key());
      }
      if (references == 0) {
        store.delete(BlobKeys.original(sha));
      }
    } catch (StorybankException e) {
      LOG.log(Level.WARNING, e, () -> "Blobs of " + sha + " stay for the sweep");
    }
  }

  // ---------------------------------------------------------------- steps

  /** Streams the upload to the temporary file: type from the first bytes, limit, hash. */
  StoredFile receive(InputStream content, String declaredType, Path temp) throws IOException {
    if (content == null) {
      throw StorybankException.invalid("file", "is required: send the file's bytes");
    }
    byte[] head = content.readNBytes(FileType.HEADER_BYTES);
    FileType type = FileType.detect(head, head.length);
    type.requireDeclared(declaredType);
    long limit = settings.limitFor(type);
    MessageDigest digest = sha256();
    long size = 0;
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
      out.write(head);
      size += head.length;
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = content.read(buffer)) > 0; ) {
        size += n;
        if (size > limit) {
          throw new StorybankException(
              ErrorKind.TOO_LARGE,
              "The "
                  + type.contentType()
                  + " file is larger than the limit of "
                  + limit
                  + " bytes for this type ("
                  + settings.limitSettingFor(type)
                  + ").");
        }
        out.write(buffer, 0, n);
      }
    }
    String sha = java.util.HexFormat.of().formatHex(digest.digest());
    FileFacts facts = Inspector.inspect(temp, type, settings.maxPixels());
    return new StoredFile(type, size, sha, facts);
  }

  private static void requireFits(StoredFile file, String mediaType) {
    if (!file.type().fits(mediaType)) {
      throw new StorybankException(
          ErrorKind.UNSUPPORTED_TYPE,
          "This record is a "
              + mediaType
              + " but the file is "
              + file.type().contentType()
              + "; upload a matching file or create a new record.");
    }
  }

  private void store(StoredFile file, Path temp) {
    settings.store().put(file.key(), temp);
  }

  /**
   * After the record committed: if a concurrent deletion removed the shared blob between our put
   * and our commit, put it back, so the record never points to a missing blob.
   */
  private void ensureStored(StoredFile file, Path temp) {
    if (!settings.store().exists(file.key())) {
      settings.store().put(file.key(), temp);
    }
  }

  /** The editor's record with the file's facts filling what the editor left empty. */
  private static MediaInput prefill(MediaInput editor, StoredFile file, String sourceLocale) {
    FileFacts facts = file.facts();
    String mediaType =
        editor.mediaType() == null ? file.type().defaultMediaType() : editor.mediaType();
    if (!file.type().fits(mediaType)) {
      throw new StorybankException(
          ErrorKind.UNSUPPORTED_TYPE,
          "mediaType "
              + mediaType
              + " does not fit a "
              + file.type().contentType()
              + " file; leave mediaType out to have it set from the file.");
    }
    Map<String, TranslationInput> translations =
        new LinkedHashMap<>(editor.translations() == null ? Map.of() : editor.translations());
    if (translations.isEmpty()) {
      translations.put(
          sourceLocale,
          new TranslationInput(
              null, null, null, null, null, null, null, null, facts.caption(), null, null, null));
    }
    return new MediaInput(
        mediaType,
        editor.credit() == null ? facts.credit() : editor.credit(),
        editor.copyrightHolder() == null ? facts.copyright() : editor.copyrightHolder(),
        editor.licence(),
        editor.licenceUrl(),
        editor.peopleIdentifiable(),
        editor.consentObtained(),
        editor.rightsExpireAt(),
        editor.capturedAt() == null ? facts.capturedAt() : editor.capturedAt(),
        editor.channelsAllowed(),
        editor.focalPoint(),
        editor.posterId(),
        editor.places(),
        editor.topics(),
        editor.ethnicGroups(),
        translations);
  }

  /** The file's own name, without any folder part, for display only (never a storage path). */
  static String cleanFilename(String filename) {
    if (filename == null) {
      return null;
    }
    String name = filename.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").trim();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return null;
    }
    // Cut to the column's length; xmlSafe drops a surrogate half the cut may leave.
    return Characters.xmlSafe(name.length() > 255 ? name.substring(name.length() - 255) : name);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        LOG.log(Level.WARNING, e, () -> "Could not delete the temporary upload " + temp);
      }
    }
  }

  private StorybankException tempFolderFailure(IOException e) {
    return StorybankException.unavailable(
        "The upload could not be stored for checking right now; try again in a moment.",
        "The upload could not be written to the temporary folder "
            + settings.tempDir()
            + " ("
            + e.getMessage()
            + "); check free disk space.");
  }
}
