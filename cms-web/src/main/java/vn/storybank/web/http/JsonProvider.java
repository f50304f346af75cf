package vn.storybank.web.http;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import vn.storybank.core.json.Json;

/** Jackson, configured once in {@link Json}, reads and writes every JSON body. */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public final class JsonProvider extends JacksonJsonProvider {
  public JsonProvider() {
    super(Json.mapper());
  }
}
