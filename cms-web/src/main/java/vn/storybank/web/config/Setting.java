package vn.storybank.web.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One configuration key: how its text is read, which values it accepts, its default and its
 * meaning, all declared together in {@link SettingsRegistry}. docs/OPERATIONS.md's table is checked
 * against these declarations, so a default or a meaning is written here and nowhere else.
 *
 * <p>A blank value counts as unset, as MicroProfile Config treats an empty one. The default is
 * {@code null} where there is no literal one (it is computed, generated or means "off"); the table
 * then describes it in words.
 *
 * @param <T> the type the text is read as
 */
public final class Setting<T> {
  private final String key;
  private final Function<String, T> parse;
  private final Function<T, String> check;
  private final T defaultValue;
  private final String documentedDefault;
  private final String allowed;
  private final String meaning;
  private final boolean secret;

  private Setting(
      String key,
      Function<String, T> parse,
      Function<T, String> check,
      T defaultValue,
      String documentedDefault,
      String allowed,
      String meaning,
      boolean secret) {
    this.key = key;
    this.parse = parse;
    this.check = check;
    this.defaultValue = defaultValue;
    this.documentedDefault = documentedDefault;
    this.allowed = allowed;
    this.meaning = meaning;
    this.secret = secret;
  }

  private static <T> Setting<T> of(
      String key,
      Function<String, T> parse,
      Function<T, String> check,
      T defaultValue,
      String allowed) {
    return new Setting<>(
        key,
        parse,
        check,
        defaultValue,
        defaultValue == null ? "unset" : "`" + defaultValue + "`",
        allowed,
        "",
        false);
  }

  /** A whole number from {@code min} to {@code max}; {@code defaultValue} may be null. */
  static Setting<Integer> integer(String key, Integer defaultValue, int min, int max) {
    return of(
        key,
        text -> {
          // The range is checked on the long, so that a value past int's range is not cut down.
          long value = wholeNumber(text);
          String problem = inRange(min, max).apply(value);
          if (problem != null) {
            throw new IllegalArgumentException(problem);
          }
          return (int) value;
        },
        inRange(min, max),
        defaultValue,
        range(min, max));
  }

  /** A whole number from {@code min} to {@code max}, for sizes in bytes and the like. */
  static Setting<Long> longInteger(String key, long defaultValue, long min, long max) {
    return of(key, Setting::wholeNumber, inRange(min, max), defaultValue, range(min, max));
  }

  /** A decimal number from {@code min} to {@code max}. */
  static Setting<Float> decimal(String key, float defaultValue, float min, float max) {
    return of(
        key,
        text -> {
          try {
            return Float.valueOf(text.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number");
          }
        },
        // Written so that NaN is out of range too.
        value -> value >= min && value <= max ? null : "must be between " + min + " and " + max,
        defaultValue,
        range(min, max));
  }

  /**
   * True or false. MicroProfile Config reads true, 1, yes, y and on as true and anything else as
   * false; here their opposites (false, 0, no, n, off) are false and a typo is refused.
   */
  static Setting<Boolean> flag(String key, boolean defaultValue) {
    return of(
        key,
        text ->
            switch (text.trim().toLowerCase(Locale.ROOT)) {
              case "true", "1", "yes", "y", "on" -> true;
              case "false", "0", "no", "n", "off" -> false;
              default -> throw new IllegalArgumentException("must be true or false");
            },
        value -> null,
        defaultValue,
        "`true` or `false`");
  }

  /** Free text, taken as written; {@code defaultValue} may be null. */
  static Setting<String> text(String key, String defaultValue) {
    return of(key, Function.identity(), value -> null, defaultValue, "text");
  }

  /**
   * A secret (password, key, token): a problem gives its length, never its value. {@code trim}
   * drops surrounding spaces, for a token compared as text; a signing key is taken as written.
   */
  static Setting<String> secret(String key, String defaultValue, boolean trim) {
    Setting<String> text = text(key, defaultValue);
    return new Setting<>(
        key,
        trim ? String::trim : Function.identity(),
        text.check,
        defaultValue,
        text.documentedDefault,
        "text",
        "",
        true);
  }

  /** One of {@code allowed}, the first being the default. */
  static Setting<String> oneOf(String key, List<String> allowed) {
    return of(
        key,
        String::trim,
        value -> allowed.contains(value) ? null : "must be one of " + String.join(", ", allowed),
        allowed.get(0),
        String.join(", ", allowed.stream().map(name -> "`" + name + "`").toList()));
  }

  /** A file system path; {@code defaultValue} may be null. */
  static Setting<Path> path(String key, String defaultValue) {
    return of(
        key,
        text -> {
          try {
            return Path.of(text.trim());
          } catch (InvalidPathException e) {
            throw new IllegalArgumentException("must be a path: " + e.getReason());
          }
        },
        value -> null,
        defaultValue == null ? null : Path.of(defaultValue),
        "a path");
  }

  /** An absolute http or https address, e.g. {@code https://storybank.example.org}. */
  static Setting<String> httpUrl(String key) {
    return of(
        key,
        String::trim,
        value -> {
          try {
            URI uri = new URI(value);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return http && uri.getHost() != null
                ? null
                : "must be an http:// or https:// address with a host";
          } catch (URISyntaxException e) {
            return "must be an address (" + e.getReason() + ")";
          }
        },
        null,
        "an `http://` or `https://` address");
  }

  /** Text that must start with one of {@code prefixes}. */
  static Setting<String> startingWith(String key, List<String> prefixes) {
    return of(
        key,
        String::trim,
        value ->
            prefixes.stream().anyMatch(value::startsWith)
                ? null
                : "must start with " + String.join(" or ", prefixes),
        null,
        String.join(" or ", prefixes.stream().map(prefix -> "`" + prefix + "…`").toList()));
  }

  /**
   * This setting with one more rule, checked after the type's own; {@code allowedNow} says what it
   * accepts now, for the table.
   */
  Setting<T> also(Function<T, String> rule, String allowedNow) {
    Function<T, String> first = check;
    return new Setting<>(
        key,
        parse,
        value -> Optional.ofNullable(first.apply(value)).orElseGet(() -> rule.apply(value)),
        defaultValue,
        documentedDefault,
        allowedNow,
        meaning,
        secret);
  }

  /** A rule for text: at least {@code length} characters, else what is wrong and {@code hint}. */
  static Function<String, String> minLength(int length, String hint) {
    return value ->
        value.length() >= length
            ? null
            : "must have at least " + length + " characters (it has " + value.length() + ")" + hint;
  }

  /** A note after the literal default in the table, e.g. {@code 2 MiB}. */
  Setting<T> defaultNote(String note) {
    return defaultDescribed(documentedDefault + " (" + note + ")");
  }

  /** How the table describes the default, where it is not simply the literal. */
  Setting<T> defaultDescribed(String description) {
    return new Setting<>(key, parse, check, defaultValue, description, allowed, meaning, secret);
  }

  /** What the setting does, as docs/OPERATIONS.md's table says it. */
  Setting<T> means(String text) {
    return new Setting<>(key, parse, check, defaultValue, documentedDefault, allowed, text, secret);
  }

  public String key() {
    return key;
  }

  /**
   * The setting as a message to an operator names it: both spellings, since some configure the
   * server with properties and others with the environment.
   */
  public String named() {
    return key + " (environment variable " + environmentVariable() + ")";
  }

  /** The environment variable MicroProfile Config maps to the key: CMS_DB_POOL_SIZE. */
  public String environmentVariable() {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  /** The default, or null when there is no literal one. */
  T defaultValue() {
    return defaultValue;
  }

  String documentedDefault() {
    return documentedDefault;
  }

  /** What values it accepts, as the table says it. */
  String allowed() {
    return allowed;
  }

  String meaning() {
    return meaning;
  }

  /**
   * The value of {@code text}.
   *
   * @throws IllegalArgumentException with what is wrong as a person reads it ("must be …"), naming
   *     the key and the value (a secret's length only)
   */
  T read(String text) {
    String problem;
    try {
      T value = parse.apply(text);
      problem = check.apply(value);
      if (problem == null) {
        return value;
      }
    } catch (IllegalArgumentException e) {
      problem = e.getMessage();
    }
    String shown = secret ? "" : " = " + text;
    throw new IllegalArgumentException(key + shown + ": " + problem);
  }

  /** Its key, so that a message can name it. */
  @Override
  public String toString() {
    return key;
  }

  private static long wholeNumber(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a whole number");
    }
  }

  private static String range(Number min, Number max) {
    return "`" + min + "` to `" + max + "`";
  }

  private static <N extends Number> Function<N, String> inRange(long min, long max) {
    return value ->
        value.longValue() >= min && value.longValue() <= max
            ? null
            : "must be between " + min + " and " + max;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Setting<?> setting && setting.key.equals(key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key);
  }
}
