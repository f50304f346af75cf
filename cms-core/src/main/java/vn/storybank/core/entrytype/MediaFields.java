package vn.storybank.core.entrytype;

import java.time.Instant;
import java.util.Map;

/** A media asset's own delivered fields: what it is and the rights a reuse must credit. */
public record MediaFields(
    String mediaType,
    String credit,
    String copyrightHolder,
    String licence,
    String licenceUrl,
    Instant capturedAt)
    implements TypeFields {
  @Override
  public Map<String, Object> json() {
    return new JsonFields()
        .put("mediaType", mediaType)
        .put("credit", credit)
        .put("copyrightHolder", copyrightHolder)
        .put("licence", licence)
        .put("licenceUrl", licenceUrl)
        .put("capturedAt", capturedAt)
        .map();
  }
}
