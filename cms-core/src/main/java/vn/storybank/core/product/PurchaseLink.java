package vn.storybank.core.product;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where to buy a product: a shop, a cooperative's page or an e-commerce platform listing. */
@Embeddable
public class PurchaseLink {
  @Column(name = "label")
  private String label;

  @Column(name = "url", nullable = false)
  private String url;

  @Column(name = "platform")
  private String platform;

  protected PurchaseLink() {}

  PurchaseLink(String label, String url, String platform) {
    this.label = label;
    this.url = url;
    this.platform = platform;
  }

  ProductInput.WhereToBuy view() {
    return new ProductInput.WhereToBuy(label, url, platform);
  }
}
