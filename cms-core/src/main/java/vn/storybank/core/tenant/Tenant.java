package vn.storybank.core.tenant;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hibernate.annotations.SortNatural;
import vn.storybank.core.account.Tenants;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.locale.LanguageTags;
import vn.storybank.core.persistence.Audit;

/** A province: its own content, locales, taxonomies and (later) users and channels. */
@Entity
@Table(name = "tenant")
public class Tenant implements Tenants.Known {
  @Id
  @Column(name = "code")
  private String code;

  @Column(name = "source_locale", nullable = false)
  private String sourceLocale;

  @Column(name = "time_zone", nullable = false)
  private String timeZone;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "tenant_name", joinColumns = @JoinColumn(name = "tenant_code"))
  @MapKeyColumn(name = "locale")
  @Column(name = "name", nullable = false)
  @SortNatural
  private SortedMap<String, String> names = new TreeMap<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "tenant_locale", joinColumns = @JoinColumn(name = "tenant_code"))
  @OrderColumn(name = "position")
  private List<TenantLocale> locales = new ArrayList<>();

  @Embedded private Audit audit;

  protected Tenant() {}

  Tenant(String code, Audit audit) {
    this.code = code;
    this.audit = audit;
  }

  void replace(TenantInput input) {
    sourceLocale = input.sourceLocale();
    timeZone = input.timeZone();
    names.clear();
    names.putAll(input.names());
    locales.clear();
    input.locales().forEach(l -> locales.add(new TenantLocale(l.tag(), l.fallbacks())));
  }

  public String code() {
    return code;
  }

  public String sourceLocale() {
    return sourceLocale;
  }

  public String timeZone() {
    return timeZone;
  }

  public long version() {
    return version;
  }

  public Map<String, String> names() {
    return names;
  }

  public List<TenantLocale> locales() {
    return locales;
  }

  public Audit audit() {
    return audit;
  }

  /**
   * The tag of an enabled locale that {@code tag} names: the same tag, or its canonical form
   * ({@code ZH-hans} names {@code zh-Hans}, {@code iw} names {@code he}). A locale stored before
   * tags were checked against the registry is still found under its own spelling.
   */
  public Optional<String> enabledLocale(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    List<String> enabled = localeTags();
    if (enabled.contains(tag)) {
      return Optional.of(tag);
    }
    return LanguageTags.canonical(tag).filter(enabled::contains);
  }

  /**
   * The canonical tag of an enabled locale, or a 400 that says why the tag is refused or names the
   * enabled ones.
   *
   * @param field the request field that carried the tag, for the error message
   */
  public String requireLocale(String field, String tag) {
    return enabledLocale(tag).orElseThrow(() -> StorybankException.invalid(field, whyNot(tag)));
  }

  /** Why a tag names none of the enabled locales, for a person. */
  @Override
  public String whyNot(String tag) {
    LanguageTags.Checked checked = LanguageTags.check(tag);
    return checked.valid()
        ? "locale '"
            + tag
            + "' is not enabled for tenant "
            + code
            + " (enabled: "
            + String.join(", ", localeTags())
            + ")"
        : checked.problem();
  }

  public List<String> localeTags() {
    return locales.stream().map(TenantLocale::locale).toList();
  }

  /** The locale itself, then its fallbacks, then the source locale: each once. */
  public List<String> fallbackChain(String locale) {
    return TenantView.chain(
        locale,
        locales.stream()
            .filter(l -> l.locale().equals(locale))
            .findFirst()
            .map(TenantLocale::fallbacks)
            .orElse(List.of()),
        sourceLocale);
  }
}
