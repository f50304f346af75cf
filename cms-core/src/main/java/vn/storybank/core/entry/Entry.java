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
