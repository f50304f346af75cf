package vn.storybank.core.locale;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vn.storybank.core.error.Violations;
import vn.storybank.core.persistence.Saved;

/**
 * BCP 47 language tags (RFC 5646), checked against the IANA Language Subtag Registry shipped in the
 * jar: a tag must be well-formed, every language, extended language, script, region and variant
 * subtag registered, no variant or extension singleton twice, and each variant used after one of
 * its registered prefixes. CLDR data plays no part: {@code hnj}, {@code ium}, {@code tyz} and
 * {@code blt-Tavt} are as good as {@code vi}.
 *
 * <p>Canonical form (RFC 5646 section 4.5) replaces deprecated subtags and tags by their
 * Preferred-Value ({@code iw} becomes {@code he}, {@code zh-yue} becomes {@code yue}) and orders
 * extensions; the caller is told of such a change ({@link Checked#change}) so that it never happens
 * silently. Case is only a convention in language tags (section 2.1.1), so {@code EN-us} becomes
 * {@code en-US} without one.
 *
 * <p>Private-use tags ({@code x-...}) and private-use subtags ({@code qaa}, {@code Qaaa}, {@code
 * QM}) are valid, as RFC 5646 says; so are the grandfathered tags, the ones with a Preferred-Value
 * ({@code i-klingon}) being replaced by it. Extension subtags are checked for form only: their
 * meaning belongs to the extension's own specification.
 */
public final class LanguageTags {
  /** The locale columns hold 35 characters, the length RFC 5646 asks implementations to accept. */
  static final int MAX_LENGTH = 35;

  private static final String EXAMPLES = "as in 'vi', 'zh-Hans', 'en-GB' or 'de-CH-1996'";

  private static final SubtagRegistry REGISTRY = SubtagRegistry.load();

  private LanguageTags() {}

  /**
   * A tag as checked: the canonical tag, or the problem that refuses it.
   *
   * @param given the tag as given
   * @param tag its canonical form, or null when it is refused
   * @param problem why it is refused, for a person (null when valid)
   * @param change what canonical form changed beyond case, for a person; null when nothing did
   */
  public record Checked(String given, String tag, String problem, String change) {
    public boolean valid() {
      return tag != null;
    }
  }

  /** The File-Date of the shipped registry, such as 2025-08-25. */
  public static String registryDate() {
    return REGISTRY.fileDate();
  }

  /** The canonical form of a valid tag ({@code zh-hans} becomes {@code zh-Hans}). */
  public static Optional<String> canonical(String tag) {
    return Optional.ofNullable(check(tag).tag());
  }

  /**
   * The canonical form of a tag a request gives in {@code field}; null after adding why it is
   * refused to {@code violations}. A change beyond case is added to {@code notices}, for the
   * answer.
   */
  public static String accept(
      String field, String given, Violations violations, List<Saved.Notice> notices) {
    Checked checked = check(given);
    if (!checked.valid()) {
      violations.add(field, checked.problem());
    } else if (checked.change() != null) {
      notices.add(new Saved.Notice(field, given, checked.tag(), checked.change()));
    }
    return checked.tag();
  }

  /** Checks a tag against RFC 5646 and the registry, and gives its canonical form. */
  public static Checked check(String given) {
    if (given == null || given.isBlank()) {
      return refused(given, "a language tag is required, " + EXAMPLES);
    }
    if (given.length() > MAX_LENGTH) {
      return refused(
          given,
          "'"
              + given
              + "' is longer than "
              + MAX_LENGTH
              + " characters, the longest language tag this system stores");
    }
    if (given.indexOf('_') >= 0) {
      return illFormed(
          given, "subtags are separated by '-', not '_' ('" + given.replace('_', '-') + "')");
    }
    if (!given.chars().allMatch(c -> c == '-' || isAlphanumeric(c))) {
      return illFormed(given, "a tag holds only the letters A-Z, digits and '-'");
    }
    String lower = given.toLowerCase(Locale.ROOT);
    SubtagRegistry.Entry grandfathered = REGISTRY.find("grandfathered", lower);
    if (grandfathered != null) {
      return grandfathered.preferred() == null
          ? new Checked(given, grandfathered.spelling(), null, null)
          : replaced(
              given,
              grandfathered.preferred(),
              "'"
                  + grandfathered.spelling()
                  + "' is a grandfathered tag whose preferred value is '"
                  + grandfathered.preferred()
                  + "'");
    }
    String[] parts = lower.split("-", -1);
    for (String part : parts) {
      if (part.isEmpty()) {
        return illFormed(given, "it has an empty subtag (a '-' at an end or two in a row)");
      }
    }
    return parts[0].equals("x") ? privateUse(given, parts) : langtag(given, parts);
  }

  /** A tag that is private use as a whole: its meaning is agreed privately (RFC 5646 2.2.7). */
  private static Checked privateUse(String given, String[] parts) {
    if (parts.length < 2) {
      return illFormed(given, "'x' must be followed by private-use subtags");
    }
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].length() > 8) {
        return illFormed(given, "'" + parts[i] + "' is longer than 8 characters");
      }
    }
    return new Checked(given, String.join("-", parts), null, null);
  }

  private record Extension(String singleton, List<String> subtags) {
    String text() {
      return singleton + "-" + String.join("-", subtags);
    }
  }

  private static Checked langtag(String given, String[] parts) {
    int n = parts.length;
    String language = parts[0];
    if (!isAlpha(language) || language.length() < 2 || language.length() > 8) {
      return illFormed(
          given, "'" + parts[0] + "' is not a language subtag (2-3 letters, or 5-8 letters)");
    }
    int i = 1;
    List<String> extlangs = new ArrayList<>();
    if (language.length() <= 3) {
      while (i < n && extlangs.size() < 3 && isAlpha(parts[i]) && parts[i].length() == 3) {
        extlangs.add(parts[i++]);
      }
    }
    String script = null;
    if (i < n && isAlpha(parts[i]) && parts[i].length() == 4) {
      script = parts[i++];
    }
    String region = null;
    if (i < n
        && ((isAlpha(parts[i]) && parts[i].length() == 2)
            || (isDigits(parts[i]) && parts[i].length() == 3))) {
      region = parts[i++];
    }
    List<String> variants = new ArrayList<>();
    while (i < n && isVariant(parts[i])) {
      variants.add(parts[i++]);
    }
    List<Extension> extensions = new ArrayList<>();
    while (i < n && parts[i].length() == 1 && !parts[i].equals("x")) {
      String singleton = parts[i++];
      List<String> subtags = new ArrayList<>();
      while (i < n && parts[i].length() >= 2 && parts[i].length() <= 8) {
        subtags.add(parts[i++]);
      }
      if (subtags.isEmpty()) {
        return illFormed(
            given, "the extension singleton '" + singleton + "' is not followed by a subtag");
      }
      extensions.add(new Extension(singleton, subtags));
    }
    List<String> privateUse = new ArrayList<>();
    if (i < n && parts[i].equals("x")) {
      i++;
      while (i < n && parts[i].length() <= 8) {
        privateUse.add(parts[i++]);
      }
      if (privateUse.isEmpty()) {
        return illFormed(given, "'x' must be followed by private-use subtags");
      }
    }
    if (i < n) {
      return illFormed(given, "'" + parts[i] + "' cannot stand where it is");
    }

    List<String> problems = new ArrayList<>();
    boolean unregistered = false;
    if (extlangs.size() > 1) {
      problems.add("only one extended language subtag may follow the language");
    }
    if (REGISTRY.find("language", language) == null) {
      problems.add("'" + language + "' is not a registered language subtag");
      unregistered = true;
    }
    for (String extlang : extlangs) {
      SubtagRegistry.Entry entry = REGISTRY.find("extlang", extlang);
      if (entry == null) {
        problems.add("'" + extlang + "' is not a registered extended language subtag");
        unregistered = true;
      } else if (!entry.prefixes().contains(language)) {
        problems.add(
            "'"
                + extlang
                + "' is an extended language subtag of '"
                + String.join("', '", entry.prefixes())
                + "' only");
      }
    }
    if (script != null && REGISTRY.find("script", script) == null) {
      problems.add("'" + titleCase(script) + "' is not a registered script subtag");
      unregistered = true;
    }
    if (region != null && REGISTRY.find("region", region) == null) {
      problems.add("'" + region.toUpperCase(Locale.ROOT) + "' is not a registered region subtag");
      unregistered = true;
    }
    Set<String> present = new HashSet<>(extlangs);
    present.add(language);
    if (script != null) {
      present.add(script);
    }
    if (region != null) {
      present.add(region);
    }
    present.addAll(variants);
    Set<String> seenVariants = new HashSet<>();
    for (String variant : variants) {
      SubtagRegistry.Entry entry = REGISTRY.find("variant", variant);
      if (!seenVariants.add(variant)) {
        problems.add("the variant '" + variant + "' appears twice");
      } else if (entry == null) {
        problems.add("'" + variant + "' is not a registered variant subtag");
        unregistered = true;
      } else if (!entry.prefixes().isEmpty()
          && entry.prefixes().stream().noneMatch(p -> fits(p, present))) {
        problems.add(
            "the variant '"
                + variant
                + "' belongs after "
                + String.join(" or ", entry.prefixes().stream().map(p -> "'" + p + "'").toList()));
      }
    }
    Set<String> singletons = new HashSet<>();
    for (Extension extension : extensions) {
      if (!singletons.add(extension.singleton())) {
        problems.add("the extension singleton '" + extension.singleton() + "' appears twice");
      }
    }
    if (!problems.isEmpty()) {
      String message = String.join("; ", problems);
      if (unregistered) {
        message += " (IANA Language Subtag Registry of " + REGISTRY.fileDate() + ")";
      }
      return refused(given, parts.length == 1 ? message : "'" + given + "': " + message);
    }

    String rest = tail(extensions, privateUse);
    String core = join(language, extlangs, script, region, variants);
    SubtagRegistry.Entry redundant = REGISTRY.find("redundant", core);
    if (redundant != null && redundant.preferred() != null) {
      return replaced(
          given,
          redundant.preferred() + rest,
          "'"
              + redundant.spelling()
              + "' is deprecated; its preferred value is '"
              + redundant.preferred()
              + "'");
    }
    List<String> changes = new ArrayList<>();
    if (!extlangs.isEmpty()) {
      String extlang = extlangs.get(0);
      changes.add(
          "'"
              + language
              + "-"
              + extlang
              + "' is written '"
              + extlang
              + "' (the extended language subtag stands for the language)");
      language = extlang;
      extlangs = List.of();
    }
    language = preferred("language", language, changes);
    script = script == null ? null : preferred("script", script, changes);
    region = region == null ? null : preferred("region", region, changes);
    List<String> canonicalVariants = new ArrayList<>();
    for (String variant : variants) {
      canonicalVariants.add(preferred("variant", variant, changes));
    }
    List<Extension> ordered = new ArrayList<>(extensions);
    ordered.sort(java.util.Comparator.comparing(Extension::singleton));
    if (!ordered.equals(extensions)) {
      changes.add("extensions are ordered by their singletons");
    }
    String canonical =
        join(
                language,
                List.of(),
                script == null ? null : titleCase(script),
                region == null ? null : region.toUpperCase(Locale.ROOT),
                canonicalVariants)
            + tail(ordered, privateUse);
    return changes.isEmpty()
        ? new Checked(given, canonical, null, null)
        : new Checked(given, canonical, null, changeMessage(given, canonical, changes));
  }

  /** The subtag's Preferred-Value when the registry deprecates it for one, else the subtag. */
  private static String preferred(String type, String subtag, List<String> changes) {
    SubtagRegistry.Entry entry = REGISTRY.find(type, subtag);
    if (entry == null || entry.preferred() == null) {
      return subtag;
    }
    changes.add(
        "the "
            + type
            + " subtag '"
            + entry.spelling()
            + "' is deprecated; its preferred value is '"
            + entry.preferred()
            + "'");
    return entry.preferred().toLowerCase(Locale.ROOT);
  }

  /** The check of a replacement, its change message naming the tag given. */
  private static Checked replaced(String given, String replacement, String why) {
    Checked checked = check(replacement);
    if (!checked.valid()) {
      return checked;
    }
    return new Checked(
        given, checked.tag(), null, changeMessage(given, checked.tag(), List.of(why)));
  }

  private static String changeMessage(String given, String canonical, List<String> changes) {
    return "'"
        + given
        + "' is stored as '"
        + canonical
        + "': "
        + String.join("; ", changes)
        + " (IANA Language Subtag Registry of "
        + REGISTRY.fileDate()
        + ")";
  }

  /** Whether every subtag of a registered prefix (such as {@code ja-Latn-hepburn}) is present. */
  private static boolean fits(String prefix, Set<String> present) {
    for (String subtag : prefix.toLowerCase(Locale.ROOT).split("-")) {
      if (!present.contains(subtag)) {
        return false;
      }
    }
    return true;
  }

  private static String join(
      String language, List<String> extlangs, String script, String region, List<String> variants) {
    StringBuilder tag = new StringBuilder(language);
    extlangs.forEach(e -> tag.append('-').append(e));
    if (script != null) {
      tag.append('-').append(script);
    }
    if (region != null) {
      tag.append('-').append(region);
    }
    variants.forEach(v -> tag.append('-').append(v));
    return tag.toString();
  }

  private static String tail(List<Extension> extensions, List<String> privateUse) {
    StringBuilder tail = new StringBuilder();
    extensions.forEach(e -> tail.append('-').append(e.text()));
    if (!privateUse.isEmpty()) {
      tail.append("-x-").append(String.join("-", privateUse));
    }
    return tail.toString();
  }

  private static Checked illFormed(String given, String why) {
    return refused(
        given,
        "'"
            + given
            + "' is not a well-formed language tag (RFC 5646): "
            + why
            + "; a tag reads language[-script][-region][-variant...], "
            + EXAMPLES);
  }

  private static Checked refused(String given, String problem) {
    return new Checked(given, null, problem, null);
  }

  private static boolean isVariant(String s) {
    return (s.length() >= 5 && s.length() <= 8)
        || (s.length() == 4 && Character.isDigit(s.charAt(0)));
  }

  private static boolean isAlpha(String s) {
    return s.chars().allMatch(c -> c >= 'a' && c <= 'z');
  }

  private static boolean isDigits(String s) {
    return s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static boolean isAlphanumeric(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static String titleCase(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
