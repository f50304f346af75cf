package vn.storybank.web;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Payara Micro for the editor app's journeys (embedded H2, demo content), shared by every UI
 * test class of the run. Apart from the API tests' server, so that what the journeys create does
 * not change what those tests count. Each journey makes its own people and content, named so that
 * journeys do not see each other's.
 */
final class UiServer implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == PayaraServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    return SharedServer.of(
        extension, "ui", Map.of("CMS_MEDIA_URL_SECRET", PayaraServer.MEDIA_URL_SECRET));
  }
}
