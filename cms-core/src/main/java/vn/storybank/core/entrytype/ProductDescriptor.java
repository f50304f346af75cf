package vn.storybank.core.entrytype;

import java.time.LocalDate;
import java.time.ZoneId;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.product.Product;
import vn.storybank.core.product.ProductInput;

final class ProductDescriptor implements TypeDescriptor<Product> {
  @Override
  public EntryType type() {
    return EntryType.PRODUCT;
  }

  @Override
  public Class<Product> entityClass() {
    return Product.class;
  }

  @Override
  public String kind(Product product) {
    return product.productGroup();
  }

  @Override
  public TypeFields fields(Product product) {
    ProductInput.Ocop ocop = product.ocop();
    ProductInput.PriceRange price = product.price();
    return new ProductFields(
        new ProductFields.Producer(product.producerName(), product.producerKind()),
        product.productGroup(),
        ocop == null ? null : new ProductFields.Ocop(ocop.stars(), ocop.year(), ocop.certificate()),
        price == null ? null : new ProductFields.Price(price.min(), price.max(), price.currency()),
        product.whereToBuy().stream()
            .map(w -> new ProductFields.WhereToBuy(w.label(), w.url(), w.platform()))
            .toList());
  }

  /** The year of the OCOP certificate, as its first day. */
  @Override
  public LocalDate date(Product product, ZoneId zone) {
    return product.ocopYear() == null ? null : LocalDate.of(product.ocopYear(), 1, 1);
  }

  @Override
  public Integer ocopStars(Product product) {
    return product.ocopStars();
  }
}
