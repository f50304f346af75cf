package vn.storybank.web.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;

class FileSignaturesTest {
  static final String SECRET = "a-secret-of-thirty-two-characters!";
  static final UUID MEDIA = UUID.fromString("0b5f4b8e-8f0e-4a43-9d44-2f7f4c1c1c1c");
  static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

  static FileSignatures at(Instant now) {
    return new FileSignatures(SECRET, Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
  }

  static String param(String query, String name) {
    for (String pair : query.substring(1).split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError(name + " not in " + query);
  }

  @Test
  void theSameUrlIsGivenOutForAnHourAndHoldsForTheLifetimeAtLeast() {
    String first = at(NOON.plusSeconds(1)).query("lao-cai", MEDIA, "original", "kr");
    String later = at(NOON.plusSeconds(3599)).query("lao-cai", MEDIA, "original", "kr");
    assertEquals(first, later);
    assertEquals(
        NOON.plus(Duration.ofHours(25)).getEpochSecond(), Long.parseLong(param(first, "expires")));
    String next = at(NOON.plusSeconds(3601)).query("lao-cai", MEDIA, "original", "kr");
    assertNotEquals(first, next);
  }

  @Test
  void onlyTheSignedFileChannelAndTimeAreAcceptedUntilTheyExpire() {
    String query = at(NOON).query("lao-cai", MEDIA, "renditions/thumb", "kr");
    String expires = param(query, "expires");
    String signature = param(query, "signature");
    long left =
        at(NOON.plusSeconds(60))
            .verify("lao-cai", MEDIA, "renditions/thumb", "kr", expires, signature);
    assertEquals(Duration.ofHours(24).toSeconds() - 60, left);
    FileSignatures now = at(NOON);
    for (Runnable forged :
        new Runnable[] {
          () -> now.verify("thai-nguyen", MEDIA, "renditions/thumb", "kr", expires, signature),
          () ->
              now.verify(
                  "lao-cai", UUID.randomUUID(), "renditions/thumb", "kr", expires, signature),
          () -> now.verify("lao-cai", MEDIA, "renditions/hero", "kr", expires, signature),
          () -> now.verify("lao-cai", MEDIA, "renditions/thumb", "jp", expires, signature),
          () -> now.verify("lao-cai", MEDIA, "renditions/thumb", "kr", expires + "0", signature),
          () -> now.verify("lao-cai", MEDIA, "renditions/thumb", "kr", "soon", signature),
          () -> now.verify("lao-cai", MEDIA, "renditions/thumb", "kr", expires, null),
          () ->
              new FileSignatures(
                      "another-secret-of-thirty-two-chars", Duration.ofHours(1), Clock.systemUTC())
                  .verify("lao-cai", MEDIA, "renditions/thumb", "kr", expires, signature)
        }) {
      StorybankException refused = assertThrows(StorybankException.class, forged::run);
      assertEquals(ErrorKind.UNAUTHORIZED, refused.kind());
      assertTrue(refused.getMessage().contains("does not match"), refused.getMessage());
    }
    StorybankException expired =
        assertThrows(
            StorybankException.class,
            () ->
                at(NOON.plus(Duration.ofHours(25)))
                    .verify("lao-cai", MEDIA, "renditions/thumb", "kr", expires, signature));
    assertEquals(ErrorKind.UNAUTHORIZED, expired.kind());
    assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
  }
}
