package vn.storybank.web.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;

/**
 * Signed file URLs of key-protected channels. Partners put file URLs in {@code <img>} tags, which
 * send no key, so the URLs a protected channel's answers carry name an expiry time and an
 * HMAC-SHA256, under the installation's secret, of tenant, media id, file ({@code original} or
 * {@code renditions/<preset>}), channel and expiry: such a URL opens that one file through that one
 * channel until it expires, and nothing else.
 *
 * <p>The expiry is the lifetime from now rounded up to the next full hour, so the same URL is given
 * out for an hour: the answers that carry it keep their ETag, and browsers their cached file.
 */
public final class FileSignatures {
  static final String EXPIRES = "expires";
  static final String SIGNATURE = "signature";
  private static final long STEP_SECONDS = Duration.ofHours(1).toSeconds();
  private static final String HMAC = "HmacSHA256";
  private final SecretKeySpec key;
  private final long lifetimeSeconds;
  private final Clock clock;

  /**
   * @param secret the installation's secret (see {@code cms.media.url-secret})
   * @param lifetime how long a URL stays valid at least
   */
  public FileSignatures(String secret, Duration lifetime, Clock clock) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    this.lifetimeSeconds = lifetime.toSeconds();
    this.clock = clock;
  }

  /** The query parameters, each after {@code &}, that open the file through the channel. */
  String query(String tenant, UUID media, String file, String channel) {
    long until = clock.instant().getEpochSecond() + lifetimeSeconds;
    long expires = (until + STEP_SECONDS - 1) / STEP_SECONDS * STEP_SECONDS;
    return "&"
        + EXPIRES
        + "="
        + expires
        + "&"
        + SIGNATURE
        + "="
        + sign(tenant, media, file, channel, expires);
  }

  /**
   * Checks a signed URL's parameters; refused alike whether changed, made with another secret or
   * expired (401, as a missing partner key).
   *
   * @return the seconds it stays valid
   */
  long verify(
      String tenant, UUID media, String file, String channel, String expires, String signature) {
    long time;
    try {
      time = Long.parseLong(expires == null ? "" : expires);
    } catch (NumberFormatException e) {
      throw invalid(channel);
    }
    byte[] expected = sign(tenant, media, file, channel, time).getBytes(StandardCharsets.US_ASCII);
    // Constant time: how much of a guess matched must not show in the answer's timing.
    if (signature == null
        || !MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      throw invalid(channel);
    }
    long left = time - clock.instant().getEpochSecond();
    if (left <= 0) {
      throw new StorybankException(
          ErrorKind.UNAUTHORIZED,
          "This signed file URL expired at "
              + Instant.ofEpochSecond(time)
              + "; take a fresh one from the answers of channel "
              + channel
              + ", or send your partner key in the X-Api-Key header.");
    }
    return left;
  }

  private static StorybankException invalid(String channel) {
    return new StorybankException(
        ErrorKind.UNAUTHORIZED,
        "This file URL's signature does not match it (changed, or not made here); take the URL"
            + " from an answer of channel "
            + channel
            + " as it is, or send your partner key in the X-Api-Key header.");
  }

  private String sign(String tenant, UUID media, String file, String channel, long expires) {
    String message = tenant + "\n" + media + "\n" + file + "\n" + channel + "\n" + expires;
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }
}
