package vn.storybank.core.locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTagsTest {
  @Test
  void tagsWithoutCldrDataAreAsGoodAsAny() {
    assertEquals(Optional.of("hnj"), LanguageTags.canonical("hnj"));
    assertEquals(Optional.of("ium"), LanguageTags.canonical("ium"));
    assertEquals(Optional.of("tyz"), LanguageTags.canonical("tyz"));
    assertEquals(Optional.of("blt-Tavt"), LanguageTags.canonical("blt-tavt"));
  }

  /** Case carries no meaning in a tag (RFC 5646 2.1.1): it is normalised without a notice. */
  @Test
  void caseIsCanonicalisedWithoutANotice() {
    var checked = LanguageTags.check("ZH-hans");
    assertEquals("zh-Hans", checked.tag());
    assertNull(checked.change());
    assertEquals("en-US", LanguageTags.check("EN-us").tag());
    assertNull(LanguageTags.check("EN-us").change());
  }

  @Test
  void theShippedRegistryNamesItsDate() {
    assertTrue(Pattern.matches("\\d{4}-\\d{2}-\\d{2}", LanguageTags.registryDate()));
  }

  /** The cases and the tricky ones: each refused tag with a word of its message. */
  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "blu | 'blu' is not a registered language subtag",
        "xx | 'xx' is not a registered language subtag",
        "de-1996-1996 | the variant '1996' appears twice",
        "en-a-bbb-a-ccc | the extension singleton 'a' appears twice",
        "en-1996 | the variant '1996' belongs after 'de'",
        "en-Abcd | 'Abcd' is not a registered script subtag",
        "en-OO | 'OO' is not a registered region subtag",
        "en-999 | '999' is not a registered region subtag",
        "en-abcde | 'abcde' is not a registered variant subtag",
        "abcd | 'abcd' is not a registered language subtag",
        "zh-yue-cmn | only one extended language subtag",
        "en-yue | an extended language subtag of 'zh' only",
        "vi_VN | separated by '-', not '_' ('vi-VN')",
        "english! | only the letters A-Z, digits and '-'",
        "en- | an empty subtag",
        "en--US | an empty subtag",
        "-en | an empty subtag",
        "e | 'e' is not a language subtag",
        "123 | '123' is not a language subtag",
        "en-a | the extension singleton 'a' is not followed by a subtag",
        "en-x | 'x' must be followed by private-use subtags",
        "x | 'x' must be followed by private-use subtags",
        "en-US-US | 'us' cannot stand where it is",
        "en-Latn-Latn | 'latn' cannot stand where it is",
        "en-x-abcdefghi | 'x' must be followed by private-use subtags",
        "abcdefghi | 'abcdefghi' is not a language subtag",
        "' ' | a language tag is required",
        "en-GB-oxendict-aaaa-aaaa-aaaa-aaaaaa | longer than 35 characters",
      })
  void refused(String tag, String message) {
    var checked = LanguageTags.check(tag);
    assertFalse(checked.valid(), tag + " was accepted as " + checked.tag());
    assertTrue(checked.problem().contains(message), checked.problem());
    assertTrue(LanguageTags.canonical(tag).isEmpty());
  }

  @Test
  void unregisteredSubtagsNameTheRegistryAndItsDate() {
    assertEquals(
        "'blu' is not a registered language subtag (IANA Language Subtag Registry of "
            + LanguageTags.registryDate()
            + ")",
        LanguageTags.check("blu").problem());
  }

  @Test
  void nothingIsRequired() {
    assertFalse(LanguageTags.check(null).valid());
    assertFalse(LanguageTags.check("").valid());
  }

  /** Valid tags, their canonical form, and nothing changed but case. */
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "vi, vi",
    "en, en",
    "ko, ko",
    "zh-Hans, zh-Hans",
    "blt-Tavt, blt-Tavt",
    "de-CH-1996, de-CH-1996",
    "de-1996, de-1996",
    "sl-rozaj-biske, sl-rozaj-biske",
    "es-419, es-419",
    "en-a-bbb, en-a-bbb",
    "en-US-u-ca-gregory, en-US-u-ca-gregory",
    "en-a-bbb-b-ccc, en-a-bbb-b-ccc",
    "qaa, qaa",
    "qtz, qtz",
    "en-Qaaa, en-Qaaa",
    "en-QM, en-QM",
    "x-whatever, x-whatever",
    "vi-x-lao-cai, vi-x-lao-cai",
    "i-default, i-default",
    "yue, yue",
    "zh-Hant-TW, zh-Hant-TW",
    "hy-arevela, hy-arevela",
  })
  void accepted(String tag, String canonical) {
    var checked = LanguageTags.check(tag);
    assertTrue(checked.valid(), tag + ": " + checked.problem());
    assertEquals(canonical, checked.tag());
    assertNull(checked.change(), checked.change());
  }

  /** Never changed silently: each replacement says what it did. */
  @ParameterizedTest(name = "{0} becomes {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "iw | he | the language subtag 'iw' is deprecated; its preferred value is 'he'",
        "in | id | the language subtag 'in' is deprecated",
        "IW-il | he-IL | the language subtag 'iw' is deprecated",
        "zh-yue | yue | 'zh-yue' is deprecated; its preferred value is 'yue'",
        "zh-yue-HK | yue-HK | 'zh-yue' is written 'yue'",
        "zh-cmn-Hans | cmn-Hans | 'zh-cmn-Hans' is deprecated",
        "sgn-BR | bzs | 'sgn-BR' is deprecated",
        "my-BU | my-MM | the region subtag 'BU' is deprecated; its preferred value is 'MM'",
        "i-klingon | tlh | 'i-klingon' is a grandfathered tag whose preferred value is 'tlh'",
        "en-GB-oed | en-GB-oxendict | grandfathered",
        "ja-Latn-hepburn-heploc | ja-Latn-hepburn-alalc97 | the variant subtag 'heploc'",
        "en-b-bbb-a-aaa | en-a-aaa-b-bbb | extensions are ordered by their singletons",
      })
  void deprecatedFormsAreReplacedAndSaid(String tag, String canonical, String why) {
    var checked = LanguageTags.check(tag);
    assertEquals(canonical, checked.tag(), String.valueOf(checked.problem()));
    assertTrue(
        checked.change().startsWith("'" + tag + "' is stored as '" + canonical + "': "),
        checked.change());
    assertTrue(checked.change().contains(why), checked.change());
  }
}
