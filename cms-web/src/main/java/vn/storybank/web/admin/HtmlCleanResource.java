package vn.storybank.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import vn.storybank.core.account.Action;
import vn.storybank.core.account.Permissions;
import vn.storybank.core.entry.RichText;
import vn.storybank.core.error.StorybankException;
import vn.storybank.web.http.AdminApi;

/**
 * Rich text cleaned by the very sanitiser a translation's body goes through on write, so that the
 * editor app shows pasted text (from Word, a web page) as it will be stored, rather than guessing
 * the allow-list in the browser.
 */
@AdminApi
@Path("admin/v1/{t}/html/clean")
@Dependent
public class HtmlCleanResource {
  private final Permissions permissions;

  @Inject
  public HtmlCleanResource(Permissions permissions) {
    this.permissions = permissions;
  }

  record HtmlText(String html) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public HtmlText clean(
      @PathParam("t") String tenant, JsonNode body, @Context SecurityContext security) {
    // Whoever may write some translation's body may see what the sanitiser would keep of it.
    permissions.require(tenant, Action.WRITE_TRANSLATION, Actor.of(security));
    HtmlText input = Bodies.read(body, HtmlText.class);
    if (input.html() == null) {
      throw StorybankException.invalid("html", "is required: the HTML to clean");
    }
    return new HtmlText(RichText.sanitize(input.html()));
  }
}
