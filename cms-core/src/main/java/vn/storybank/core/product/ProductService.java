package vn.storybank.core.product;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.storybank.core.changelog.ChangeLog;
import vn.storybank.core.entry.EntryHeader;
import vn.storybank.core.entry.EntryLink;
import vn.storybank.core.entry.EntryService;
import vn.storybank.core.entry.EntryType;
import vn.storybank.core.entry.ListQuery;
import vn.storybank.core.entry.WriteContext;
import vn.storybank.core.error.Violations;
import vn.storybank.core.persistence.Audit;
import vn.storybank.core.persistence.Transactions;
import vn.storybank.core.taxonomy.Term;
import vn.storybank.core.taxonomy.TermIndex;
import vn.storybank.core.taxonomy.TermKind;

/** OCOP products. */
public final class ProductService extends EntryService<Product, ProductInput, ProductView> {
  public static final List<String> GROUPS =
      List.of("food", "beverage", "herbal", "textile", "handicraft", "rural-tourism");
  public static final List<String> PRODUCER_KINDS =
      List.of("cooperative", "enterprise", "household");
  static final String MEDIA = "media";
  static final String STORIES = "stories";

  public ProductService(Transactions transactions, ChangeLog changeLog, Clock clock) {
    super(
        transactions,
        changeLog,
        clock,
        Product.class,
        ProductInput.class,
        EntryType.PRODUCT,
        "productGroup");
  }

  @Override
  protected Product newEntity(UUID id, String tenant, Audit audit) {
    return new Product(id, tenant, audit);
  }

  @Override
  protected Predicate extraFilter(CriteriaBuilder cb, Root<Product> entry, ListQuery query) {
    return cb.equal(entry.get("ocopStars"), query.stars());
  }

  @Override
  protected void apply(WriteContext ctx, Product product, ProductInput input, Violations v) {
    if (input.productGroup() == null || !GROUPS.contains(input.productGroup())) {
      v.add("productGroup", "must be one of " + String.join(", ", GROUPS));
    }
    if (input.producer() == null) {
      v.add("producer", "is required (name and kind)");
    } else {
      v.requireText("producer.name", input.producer().name(), 300);
      if (!PRODUCER_KINDS.contains(String.valueOf(input.producer().kind()))) {
        v.add("producer.kind", "must be one of " + String.join(", ", PRODUCER_KINDS));
      }
      v.maxLength("producer.contact", input.producer().contact(), 500);
    }
    if (input.ocop() != null) {
      Integer stars = input.ocop().stars();
      if (stars == null || stars < 3 || stars > 5) {
        v.add("ocop.stars", "must be 3, 4 or 5: the recognised OCOP levels (5 is national)");
      }
      Integer year = input.ocop().year();
      if (year != null && (year < 2018 || year > Year.now().getValue() + 1)) {
        v.add("ocop.year", "must be a year of the OCOP programme (2018 onwards)");
      }
      v.maxLength("ocop.certificate", input.ocop().certificate(), 100);
    }
    if (input.price() != null) {
      var price = input.price();
      if ((price.min() != null && price.min() < 0) || (price.max() != null && price.max() < 0)) {
        v.add("price", "must not be negative");
      }
      if (price.min() != null && price.max() != null && price.max() < price.min()) {
        v.add("price.max", "must not be below price.min");
      }
      if (price.currency() == null || !price.currency().matches("[A-Z]{3}")) {
        v.add("price.currency", "must be an ISO 4217 code such as VND");
      }
    }
    for (int i = 0; i < input.whereToBuy().size(); i++) {
      var link = input.whereToBuy().get(i);
      if (link == null || !isHttpUrl(link.url())) {
        v.add("whereToBuy[" + i + "].url", "must be an absolute http(s) URL");
      } else {
        v.maxLength("whereToBuy[" + i + "].url", link.url(), 2000);
        v.maxLength("whereToBuy[" + i + "].label", link.label(), 200);
        v.maxLength("whereToBuy[" + i + "].platform", link.platform(), 64);
      }
    }
    TermIndex terms = ctx.terms();
    Set<Term> all = new LinkedHashSet<>();
    if (input.commune() != null) {
      all.addAll(terms.resolve(TermKind.PLACE, "commune", List.of(input.commune()), v));
    }
    all.addAll(terms.resolve(TermKind.PILLAR, "pillars", input.pillars(), v));
    all.addAll(terms.resolve(TermKind.ETHNIC_GROUP, "ethnicGroups", input.ethnicGroups(), v));
    all.addAll(terms.resolve(TermKind.MARKET, "markets", input.markets(), v));
    List<EntryLink> links = new ArrayList<>();
    links.addAll(links(ctx, product, MEDIA, input.media(), Set.of(EntryType.MEDIA), v));
    links.addAll(links(ctx, product, STORIES, input.stories(), Set.of(EntryType.STORY), v));
    if (v.isEmpty()) {
      product.set(input);
      replaceTerms(product, all);
      replaceLinks(product, links);
    }
  }

  static boolean isHttpUrl(String url) {
    if (url == null) {
      return false;
    }
    try {
      URI uri = new URI(url);
      return uri.isAbsolute()
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && url.length() <= 2000;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  @Override
  protected ProductView view(Product product) {
    List<String> places = product.termCodes(TermKind.PLACE);
    return new ProductView(
        EntryHeader.of(product),
        product.productGroup(),
        product.producer(),
        places.isEmpty() ? null : places.get(0),
        product.ocop(),
        product.price(),
        product.whereToBuy(),
        product.termCodes(TermKind.PILLAR),
        product.termCodes(TermKind.ETHNIC_GROUP),
        product.termCodes(TermKind.MARKET),
        product.links(MEDIA),
        product.links(STORIES),
        translationViews(product));
  }
}
