package vn.storybank.core.product;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import vn.storybank.core.entry.Entry;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.persistence.Audit;

/** An OCOP (One Commune One Product) product with its producer and star rating. */
@Entity
@Table(name = "product")
@DiscriminatorValue(EntryType.PRODUCT_VALUE)
public class Product extends Entry {
  @Column(name = "producer_name", nullable = false)
  private String producerName;

  @Column(name = "producer_kind", nullable = false)
  private String producerKind;

  @Column(name = "producer_contact")
  private String producerContact;

  @Column(name = "product_group", nullable = false)
  private String productGroup;

  @Column(name = "ocop_stars")
  private Integer ocopStars;

  @Column(name = "ocop_year")
  private Integer ocopYear;

  @Column(name = "ocop_certificate")
  private String ocopCertificate;

  @Column(name = "price_min")
  private Long priceMin;

  @Column(name = "price_max")
  private Long priceMax;

  @Column(name = "price_currency")
  private String priceCurrency;

  @ElementCollection
  @CollectionTable(name = "product_purchase_link", joinColumns = @JoinColumn(name = "product_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 100)
  private List<PurchaseLink> whereToBuy = new ArrayList<>();

  protected Product() {}

  Product(UUID id, String tenant, Audit audit) {
    super(id, tenant, audit);
  }

  void set(ProductInput input) {
    producerName = input.producer().name();
    producerKind = input.producer().kind();
    producerContact = input.producer().contact();
    productGroup = input.productGroup();
    ocopStars = input.ocop() == null ? null : input.ocop().stars();
    ocopYear = input.ocop() == null ? null : input.ocop().year();
    ocopCertificate = input.ocop() == null ? null : input.ocop().certificate();
    priceMin = input.price() == null ? null : input.price().min();
    priceMax = input.price() == null ? null : input.price().max();
    priceCurrency = input.price() == null ? null : input.price().currency();
    whereToBuy.clear();
    input
        .whereToBuy()
        .forEach(w -> whereToBuy.add(new PurchaseLink(w.label(), w.url(), w.platform())));
  }

  @Override
  public EntryType entryType() {
    return EntryType.PRODUCT;
  }

  ProductInput.Producer producer() {
    return new ProductInput.Producer(producerName, producerKind, producerContact);
  }

  public String productGroup() {
    return productGroup;
  }

  public Integer ocopStars() {
    return ocopStars;
  }

  public String producerName() {
    return producerName;
  }

  public String producerKind() {
    return producerKind;
  }

  public Integer ocopYear() {
    return ocopYear;
  }

  public ProductInput.Ocop ocop() {
    return ocopStars == null ? null : new ProductInput.Ocop(ocopStars, ocopYear, ocopCertificate);
  }

  public ProductInput.PriceRange price() {
    return priceMin == null && priceMax == null
        ? null
        : new ProductInput.PriceRange(priceMin, priceMax, priceCurrency);
  }

  public List<ProductInput.WhereToBuy> whereToBuy() {
    return whereToBuy.stream().map(PurchaseLink::view).toList();
  }
}
