package vn.storybank.core.taxonomy;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.SortNatural;
import vn.storybank.core.persistence.Audit;

/**
 * A term of one of a tenant's taxonomies. Places form a tree (province, commune, named site) with
 * coordinates, an administrative code and a validity period, because the 2025 reform renamed and
 * merged units: old stories keep the unit that was true then.
 */
@Entity
@Table(name = "term")
public class Term {
  @Id
  @Column(name = "id")
  private UUID id;

  @Column(name = "tenant_code", nullable = false)
  private String tenant;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private TermKind kind;

  @Column(name = "code", nullable = false)
  private String code;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  private Term parent;

  @Column(name = "admin_code")
  private String adminCode;

  @Column(name = "latitude")
  private Double latitude;

  @Column(name = "longitude")
  private Double longitude;

  @Column(name = "valid_from")
  private LocalDate validFrom;

  @Column(name = "valid_to")
  private LocalDate validTo;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "term_label", joinColumns = @JoinColumn(name = "term_id"))
  @MapKeyColumn(name = "locale")
  @Column(name = "label", nullable = false)
  @BatchSize(size = 200)
  @SortNatural
  private SortedMap<String, String> labels = new TreeMap<>();

  @Embedded private Audit audit;

  protected Term() {}

  Term(UUID id, String tenant, TermKind kind, Audit audit) {
    this.id = id;
    this.tenant = tenant;
    this.kind = kind;
    this.audit = audit;
  }

  void replace(TermInput input, Term parent) {
    this.code = input.code();
    this.parent = parent;
    this.adminCode = input.adminCode();
    this.latitude = input.geo() == null ? null : input.geo().lat();
    this.longitude = input.geo() == null ? null : input.geo().lon();
    this.validFrom = input.validFrom();
    this.validTo = input.validTo();
    this.labels.clear();
    this.labels.putAll(input.labels());
  }

  public UUID id() {
    return id;
  }

  public String tenant() {
    return tenant;
  }

  public TermKind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public Term parent() {
    return parent;
  }

  public String adminCode() {
    return adminCode;
  }

  public Double latitude() {
    return latitude;
  }

  public Double longitude() {
    return longitude;
  }

  public LocalDate validFrom() {
    return validFrom;
  }

  public LocalDate validTo() {
    return validTo;
  }

  public long version() {
    return version;
  }

  public Map<String, String> labels() {
    return labels;
  }

  public Audit audit() {
    return audit;
  }
}
