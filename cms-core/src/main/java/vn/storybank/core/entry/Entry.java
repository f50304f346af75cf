package vn.storybank.core.entry;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKey;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import vn.storybank.core.persistence.Audit;
import vn.storybank.core.taxonomy.Term;
import vn.storybank.core.taxonomy.TermKind;

/**
 * What stories, OCOP products, media assets and collections have in common: identity, tenant,
 * version, audit, taxonomy terms, links to other entries and a translation per locale.
 */
@Entity
@Table(name = "entry")
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "entry_type")
public abstract class Entry {
  @Id
  @Column(name = "id")
  private UUID id;

  @Column(name = "tenant_code", nullable = false, updatable = false)
  private String tenant;

  /**
   * The discriminator column, read-only, so that lists can name it in their condition and order
   * (see EntryListing); Hibernate writes it from the subclass.
   */
  @Column(name = "entry_type", insertable = false, updatable = false)
  private String typeCode;

  /**
   * The id again, read-only: a query of a subclass renders {@code id} as the subclass table's
   * column, and lists must order by the entry table's own (see EntryListing), which its indexes
   * hold.
   */
  @Column(name = "id", insertable = false, updatable = false)
  private UUID rowId;

  /**
   * When a translation of this entry was first published (or the earliest publication an import
   * gave); null while none ever was. Kept after an unpublish: it is the entry's publication date.
   */
  @Column(name = "published_at")
  private Instant publishedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @ManyToMany
  @JoinTable(
      name = "entry_term",
      joinColumns = @JoinColumn(name = "entry_id"),
      inverseJoinColumns = @JoinColumn(name = "term_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 100)
  private List<Term> terms = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "entry_link", joinColumns = @JoinColumn(name = "entry_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 100)
  private List<EntryLink> links = new ArrayList<>();

  @OneToMany(mappedBy = "entry", cascade = CascadeType.ALL, orphanRemoval = true)
  @MapKey(name = "locale")
  @BatchSize(size = 100)
  private Map<String, Translation> translations = new TreeMap<>();

  @Embedded private Audit audit;

  protected Entry() {}

  protected Entry(UUID id, String tenant, Audit audit) {
    this.id = id;
    this.tenant = tenant;
    this.audit = audit;
  }

  public UUID id() {
    return id;
  }

  public String tenant() {
    return tenant;
  }

  public long version() {
    return version;
  }

  public Audit audit() {
    return audit;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  /** A translation was published at {@code at}: the entry's date is the first of these. */
  void published(Instant at) {
    if (publishedAt == null || at.isBefore(publishedAt)) {
      publishedAt = at;
    }
  }

  /**
   * The publication history an import gives replaces what this server recorded: the entry's date
   * becomes the earliest its translations give, or stays when they give none.
   */
  void restatePublished() {
    translations.values().stream()
        .map(Translation::publishedAt)
        .filter(java.util.Objects::nonNull)
        .min(Instant::compareTo)
        .ifPresent(at -> publishedAt = at);
  }

  public Map<String, Translation> translations() {
    return translations;
  }

  /**
   * Whether readers see the entry in some locale now. What has no locale of its own — a media
   * asset's files, and the asset shown with another entry — is public exactly while this holds.
   */
  public boolean isLiveSomewhere(Instant now) {
    return translations.values().stream().anyMatch(t -> t.isLive(now));
  }

  /** The entry's taxonomy terms, in the order they were given. */
  public List<Term> terms() {
    return Collections.unmodifiableList(terms);
  }

  /** The codes of this entry's terms of one kind, in the order they were given. */
  public List<String> termCodes(TermKind kind) {
    return terms.stream().filter(t -> t.kind() == kind).map(Term::code).toList();
  }

  void replaceTerms(Set<Term> replacement) {
    if (!terms.equals(List.copyOf(replacement))) {
      terms.clear();
      terms.addAll(replacement);
    }
  }

  public List<UUID> links(String role) {
    return links.stream().filter(l -> l.role().equals(role)).map(EntryLink::target).toList();
  }

  void replaceLinks(List<EntryLink> replacement) {
    if (!links.equals(replacement)) {
      links.clear();
      links.addAll(replacement);
    }
  }

  public abstract EntryType entryType();
}
