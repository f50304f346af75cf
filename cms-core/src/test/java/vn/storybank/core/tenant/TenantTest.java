package vn.storybank.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.persistence.Audit;
import vn.storybank.core.tenant.TenantInput.LocaleInput;

class TenantTest {
  private final Tenant laoCai = laoCai();

  private static Tenant laoCai() {
    Tenant tenant = new Tenant("lao-cai", Audit.created("test", Instant.EPOCH));
    tenant.replace(
        new TenantInput(
            Map.of("vi", "Lào Cai"),
            "vi",
            List.of(
                new LocaleInput("vi", List.of()),
                new LocaleInput("en", List.of("vi")),
                new LocaleInput("zh-Hans", List.of("en", "vi")),
                new LocaleInput("hnj", List.of("vi"))),
            "Asia/Ho_Chi_Minh"));
    return tenant;
  }

  @Test
  void fallbackChainsEndWithTheSourceLocale() {
    assertEquals(List.of("zh-Hans", "en", "vi"), laoCai.fallbackChain("zh-Hans"));
    assertEquals(List.of("hnj", "vi"), laoCai.fallbackChain("hnj"));
    assertEquals(List.of("vi"), laoCai.fallbackChain("vi"));
  }

  @Test
  void localesAreMatchedInCanonicalFormAndUnknownOnesNamed() {
    assertEquals("zh-Hans", laoCai.requireLocale("locale", "ZH-hans"));
    StorybankException e =
        assertThrows(StorybankException.class, () -> laoCai.requireLocale("locale", "ko"));
    assertTrue(e.getMessage().contains("enabled: vi, en, zh-Hans, hnj"), e.getMessage());
    StorybankException malformed =
        assertThrows(StorybankException.class, () -> laoCai.requireLocale("locale", "not a tag"));
    assertTrue(malformed.getMessage().contains("well-formed"), malformed.getMessage());
  }

  /** A tag stored before tags were checked against the registry is still found as it is. */
  @Test
  void aLocaleStoredBeforeTheRegistryCheckIsStillFound() {
    Tenant old = new Tenant("old", Audit.created("test", Instant.EPOCH));
    old.replace(
        new TenantInput(
            Map.of("vi", "Cũ"),
            "vi",
            List.of(new LocaleInput("vi", List.of()), new LocaleInput("xx", List.of("vi"))),
            "Asia/Ho_Chi_Minh"));
    assertEquals("xx", old.requireLocale("locale", "xx"));
    StorybankException refused =
        assertThrows(StorybankException.class, () -> old.requireLocale("locale", "blu"));
    assertTrue(
        refused.getMessage().contains("'blu' is not a registered language subtag"),
        refused.getMessage());
  }

  @Test
  void aDeprecatedTagNamesItsPreferredLocale() {
    Tenant hebrew = new Tenant("he", Audit.created("test", Instant.EPOCH));
    hebrew.replace(
        new TenantInput(
            Map.of("he", "x"), "he", List.of(new LocaleInput("he", List.of())), "Asia/Jerusalem"));
    assertEquals("he", hebrew.requireLocale("locale", "iw"));
  }
}
