package vn.storybank.core.media;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;

/**
 * The file types Storybank accepts, recognised by their first bytes (magic numbers), never by the
 * name or the type the client declares.
 */
enum FileType {
  JPEG("image/jpeg", Kind.IMAGE, "image/jpg", "image/pjpeg"),
  PNG("image/png", Kind.IMAGE),
  GIF("image/gif", Kind.IMAGE),
  WEBP("image/webp", Kind.IMAGE),
  MP4("video/mp4", Kind.VIDEO, "audio/mp4", "audio/x-m4a", "audio/m4a", "video/quicktime"),
  WEBM("video/webm", Kind.VIDEO, "audio/webm"),
  MP3("audio/mpeg", Kind.AUDIO, "audio/mp3", "audio/mpeg3", "audio/x-mpeg"),
  M4A("audio/mp4", Kind.AUDIO, "audio/x-m4a", "audio/m4a", "video/mp4"),
  PDF("application/pdf", Kind.DOCUMENT);

  /** How many leading bytes detection reads. */
  static final int HEADER_BYTES = 64;

  static final String ALLOWED = "JPEG, PNG, GIF, WebP, MP4, WebM, MP3, M4A or PDF";

  enum Kind {
    IMAGE,
    VIDEO,
    AUDIO,
    DOCUMENT
  }

  private final String contentType;
  private final Kind kind;
  private final List<String> aliases;

  FileType(String contentType, Kind kind, String... aliases) {
    this.contentType = contentType;
    this.kind = kind;
    this.aliases = List.of(aliases);
  }

  String contentType() {
    return contentType;
  }

  Kind kind() {
    return kind;
  }

  /** Whether the media record type fits this file (a PNG can be an infographic, not a video). */
  boolean fits(String mediaType) {
    return switch (kind) {
      case IMAGE -> List.of("photo", "infographic", "panorama-360").contains(mediaType);
      case VIDEO -> List.of("video", "panorama-360").contains(mediaType);
      case AUDIO -> "audio".equals(mediaType);
      case DOCUMENT -> List.of("document", "infographic").contains(mediaType);
    };
  }

  String defaultMediaType() {
    return switch (kind) {
      case IMAGE -> "photo";
      case VIDEO -> "video";
      case AUDIO -> "audio";
      case DOCUMENT -> "document";
    };
  }

  /**
   * The type of a file from its first bytes. Anything else, SVG included (it can carry scripts), is
   * refused as unsupported.
   */
  static FileType detect(byte[] head, int length) {
    if (length >= 3 && u(head, 0) == 0xFF && u(head, 1) == 0xD8 && u(head, 2) == 0xFF) {
      return JPEG;
    }
    if (startsWith(head, length, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return PNG;
    }
    if (ascii(head, length, 0, "GIF87a") || ascii(head, length, 0, "GIF89a")) {
      return GIF;
    }
    if (ascii(head, length, 0, "RIFF") && ascii(head, length, 8, "WEBP")) {
      return WEBP;
    }
    if (ascii(head, length, 4, "ftyp") && length >= 12) {
      String brand = new String(head, 8, 4, StandardCharsets.US_ASCII);
      return brand.startsWith("M4A") || brand.startsWith("M4B") ? M4A : MP4;
    }
    if (length >= 4
        && u(head, 0) == 0x1A
        && u(head, 1) == 0x45
        && u(head, 2) == 0xDF
        && u(head, 3) == 0xA3
        && new String(head, 0, length, StandardCharsets.ISO_8859_1).contains("webm")) {
      return WEBM;
    }
    if (ascii(head, length, 0, "ID3")
        || (length >= 2 && u(head, 0) == 0xFF && (u(head, 1) & 0xE6) > 0xE0)) {
      return MP3;
    }
    if (ascii(head, length, 0, "%PDF-")) {
      return PDF;
    }
    String text = new String(head, 0, length, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    if (text.contains("<svg") || text.startsWith("<?xml")) {
      throw new StorybankException(
          ErrorKind.UNSUPPORTED_TYPE,
          "SVG files are refused: they can carry scripts. Export the image as PNG and upload that.");
    }
    if (length == 0) {
      throw new StorybankException(ErrorKind.UNPROCESSABLE, "The file is empty.");
    }
    throw new StorybankException(
        ErrorKind.UNSUPPORTED_TYPE,
        "The file's content is not a type Storybank accepts; upload " + ALLOWED + ".");
  }

  /** Refuses a declared type that contradicts the content (a PDF sent as image/jpeg). */
  void requireDeclared(String declared) {
    if (declared == null) {
      return;
    }
    String base = declared.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (base.isEmpty()
        || base.equals("application/octet-stream")
        || base.equals(contentType)
        || aliases.contains(base)) {
      return;
    }
    throw new StorybankException(
        ErrorKind.UNSUPPORTED_TYPE,
        "The file was sent as "
            + base
            + " but its content is "
            + contentType
            + "; send it with its real type (or as application/octet-stream).");
  }

  private static int u(byte[] b, int i) {
    return b[i] & 0xFF;
  }

  private static boolean startsWith(byte[] head, int length, byte[] magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean ascii(byte[] head, int length, int offset, String magic) {
    return offset + magic.length() <= length
        && new String(head, offset, magic.length(), StandardCharsets.ISO_8859_1).equals(magic);
  }
}
