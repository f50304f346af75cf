package vn.storybank.core.entrytype;

import java.util.List;
import java.util.Map;

/**
 * An OCOP product's own delivered fields.
 *
 * @param ocop null when the product has no OCOP rating
 * @param price null when no price is given
 * @param whereToBuy never null; left out of the JSON when empty
 */
public record ProductFields(
    Producer producer, String productGroup, Ocop ocop, Price price, List<WhereToBuy> whereToBuy)
    implements TypeFields {

  /** Who makes the product (its contact stays with the editors). */
  public record Producer(String name, String kind) {}

  /** The OCOP rating: stars, the year given and the certificate number. */
  public record Ocop(Integer stars, Integer year, String certificate) {}

  public record Price(Long min, Long max, String currency) {}

  public record WhereToBuy(String label, String url, String platform) {}

  @Override
  public Map<String, Object> json() {
    return new JsonFields()
        // A map, as items always had (webhook fingerprints sort its keys); in insertion order,
        // where
        // the Map.of it replaces answered a different order in each JVM.
        .put(
            "producer",
            new JsonFields().put("name", producer.name()).put("kind", producer.kind()).map())
        .put("productGroup", productGroup)
        .put("ocop", ocop)
        .put("price", price)
        .put("whereToBuy", whereToBuy.isEmpty() ? null : whereToBuy)
        .map();
  }
}
