package vn.storybank.web.http;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.storybank.web.config.Settings;

/**
 * Writes every problem's type as an absolute URI that a person can open: under the configured
 * public URL ({@code cms.public-url}) when there is one, since behind a proxy the request's own
 * address is an internal one, else under the address the request came to. The page itself is {@link
 * ProblemPages}.
 */
@Provider
@Dependent
public class ProblemTypes implements ContainerResponseFilter {
  private final Settings settings;

  @Inject
  public ProblemTypes(Settings settings) {
    this.settings = settings;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getEntity() instanceof Problem problem) {
      // The API's base is <root>/api/; the pages are under <root>/.
      String root = request.getUriInfo().getBaseUri().resolve("..").toString();
      response.setEntity(
          problem.under(base(settings.publicUrl(), root)),
          response.getEntityAnnotations(),
          response.getMediaType());
    }
  }

  /** The base for a request answered outside JAX-RS. */
  static String base(HttpServletRequest request) {
    String url = request.getRequestURL().toString();
    String root =
        url.substring(0, url.length() - request.getRequestURI().length())
            + request.getContextPath()
            + "/";
    return base(PublicUrl.VALUE, root);
  }

  static String base(String publicUrl, String root) {
    if (publicUrl == null || publicUrl.isBlank()) {
      return root;
    }
    return publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
  }

  /**
   * The setting, read once when first needed: servlets and filters are not given the settings bean,
   * and the value does not change while the server runs.
   */
  private static final class PublicUrl {
    static final String VALUE = new Settings(ConfigProvider.getConfig()).publicUrl();
  }
}
