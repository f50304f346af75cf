package vn.storybank.core.channel;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.storybank.core.persistence.Audit;

/**
 * What one consumer of a tenant's content receives: the locales (each with its fallbacks, or
 * translated items only), the content filter, the rendition preset per image role, the formats it
 * offers, and whether it is public or needs a partner key.
 */
@Entity
@Table(name = "channel")
public class Channel {
  @Id
  @Column(name = "id")
  private UUID id;

  @Column(name = "tenant_code", nullable = false, updatable = false)
  private String tenant;

  @Column(name = "code", nullable = false, updatable = false)
  private String code;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "access", nullable = false)
  private String access;

  @Column(name = "entry_types", nullable = false)
  private String entryTypes;

  @Column(name = "kinds", nullable = false)
  private String kinds;

  @Column(name = "pillars", nullable = false)
  private String pillars;

  @Column(name = "topics", nullable = false)
  private String topics;

  @Column(name = "formats", nullable = false)
  private String formats;

  /** {@code role=preset} pairs, comma-separated. */
  @Column(name = "presets", nullable = false)
  private String presets;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "channel_locale", joinColumns = @JoinColumn(name = "channel_id"))
  @OrderColumn(name = "position")
  private List<ChannelLocale> locales = new ArrayList<>();

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Embedded private Audit audit;

  protected Channel() {}

  Channel(UUID id, String tenant, String code, Audit audit) {
    this.id = id;
    this.tenant = tenant;
    this.code = code;
    this.audit = audit;
  }

  void replace(ChannelInput input) {
    name = input.name();
    access = input.access();
    entryTypes = String.join(",", input.filter().types());
    kinds = String.join(",", input.filter().kinds());
    pillars = String.join(",", input.filter().pillars());
    topics = String.join(",", input.filter().topics());
    formats = String.join(",", input.formats());
    List<String> pairs = new ArrayList<>();
    input.presets().forEach((role, preset) -> pairs.add(role + "=" + preset));
    presets = String.join(",", pairs);
    locales.clear();
    input
        .locales()
        .forEach(l -> locales.add(new ChannelLocale(l.tag(), l.fallbacks(), l.translatedOnly())));
  }

  public UUID id() {
    return id;
  }

  public String tenant() {
    return tenant;
  }

  public String code() {
    return code;
  }

  public long version() {
    return version;
  }

  public Audit audit() {
    return audit;
  }

  public ChannelView view() {
    Map<String, String> presetMap = new LinkedHashMap<>();
    for (String pair : split(presets)) {
      int eq = pair.indexOf('=');
      presetMap.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return new ChannelView(
        id,
        tenant,
        code,
        name,
        access,
        locales.stream()
            .map(l -> new ChannelInput.LocaleInput(l.locale(), l.fallbacks(), l.translatedOnly()))
            .toList(),
        new ChannelInput.Filter(split(entryTypes), split(kinds), split(pillars), split(topics)),
        presetMap,
        split(formats),
        version,
        audit.createdAt(),
        audit.updatedAt());
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
