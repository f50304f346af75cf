package vn.storybank.core.product;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.entry.EntryHeader;
import vn.storybank.core.entry.EntryView;
import vn.storybank.core.entry.TranslationView;

/** An OCOP product as the API shows it. */
public record ProductView(
    @JsonUnwrapped EntryHeader header,
    String productGroup,
    ProductInput.Producer producer,
    String commune,
    ProductInput.Ocop ocop,
    ProductInput.PriceRange price,
    List<ProductInput.WhereToBuy> whereToBuy,
    List<String> pillars,
    List<String> ethnicGroups,
    List<String> markets,
    List<UUID> media,
    List<UUID> stories,
    Map<String, TranslationView> translations)
    implements EntryView {}
