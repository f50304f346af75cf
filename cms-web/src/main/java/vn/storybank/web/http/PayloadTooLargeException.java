package vn.storybank.web.http;

import jakarta.ws.rs.WebApplicationException;
import vn.storybank.web.config.Setting;

/** A request body over the configured limit. */
public final class PayloadTooLargeException extends WebApplicationException {
  private static final long serialVersionUID = 1L;

  /** The limit and the setting an operator raises it with, which the message names. */
  public PayloadTooLargeException(long limit, Setting<Long> setting) {
    super(
        "The request body is larger than the limit of "
            + limit
            + " bytes (setting "
            + setting.named()
            + "). Send less in one request.",
        413);
  }
}
