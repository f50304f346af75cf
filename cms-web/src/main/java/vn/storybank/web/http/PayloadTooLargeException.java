package vn.storybank.web.http;

import jakarta.ws.rs.WebApplicationException;

/** A request body over the configured limit. */
public final class PayloadTooLargeException extends WebApplicationException {
  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(long limit) {
    super(
        "The request body is larger than the limit of "
            + limit
            + " bytes (setting cms.api.max-body-bytes, or cms.api.max-import-bytes for imports).",
        413);
  }
}
