package vn.storybank.core.product;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.entry.EntryInput;
import vn.storybank.core.entry.TranslationInput;

/**
 * An OCOP product as a client writes it. Its name per locale is the translation's {@code title},
 * its description the {@code body}. {@code commune} is a place code.
 */
public record ProductInput(
    String productGroup,
    Producer producer,
    String commune,
    Ocop ocop,
    PriceRange price,
    List<WhereToBuy> whereToBuy,
    List<String> pillars,
    List<String> ethnicGroups,
    List<String> markets,
    List<UUID> media,
    List<UUID> stories,
    Map<String, TranslationInput> translations)
    implements EntryInput {

  public ProductInput {
    whereToBuy = whereToBuy == null ? List.of() : whereToBuy;
  }

  /** Who makes it: a cooperative, an enterprise or a household. */
  public record Producer(String name, String kind, String contact) {}

  /** The OCOP certification: 3, 4 or 5 stars (5 is national), the year and certificate number. */
  public record Ocop(Integer stars, Integer year, String certificate) {}

  /** In minor units of the currency (VND has none), inclusive. */
  public record PriceRange(Long min, Long max, String currency) {}

  public record WhereToBuy(String label, String url, String platform) {}
}
