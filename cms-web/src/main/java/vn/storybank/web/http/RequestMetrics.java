package vn.storybank.web.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The request rate and latency per endpoint in /metrics ({@code storybank_http_requests_seconds},
 * labelled by HTTP method and path template such as {@code /api/v1/{t}/stories/{ref}}): templates,
 * never the request's own path, so there are as many series as endpoints, whatever clients send.
 * Payara's own REST metrics are off in this server. The request path pays a clock read and a map
 * lookup.
 */
@Provider
@Dependent
@Priority(1)
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {
  static final String NAME = "storybank_http_requests";
  private static final String STARTED = RequestMetrics.class.getName() + ".started";

  private final MetricRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  @Context private ResourceInfo resource;

  @Inject
  public RequestMetrics(MetricRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object started = request.getProperty(STARTED);
    if (!(started instanceof Long since)) {
      return;
    }
    Method method = resource == null ? null : resource.getResourceMethod();
    String path = method == null ? "unmatched" : template(resource.getResourceClass(), method);
    String verb = request.getMethod();
    timers
        .computeIfAbsent(
            verb + " " + path,
            key ->
                registry.timer(
                    Metadata.builder()
                        .withName(NAME)
                        .withDescription("Requests answered, and how long they took, per endpoint")
                        .withUnit("seconds")
                        .build(),
                    new Tag("method", verb),
                    new Tag("path", path)))
        .update(Duration.ofNanos(System.nanoTime() - since));
  }

  /** {@code /api} and the class's and the method's {@code @Path}s, as declared. */
  static String template(Class<?> type, Method method) {
    StringBuilder path = new StringBuilder("/api");
    for (Path part :
        new Path[] {type.getAnnotation(Path.class), method.getAnnotation(Path.class)}) {
      if (part != null) {
        String value = part.value().replaceAll("^/+|/+$", "");
        if (!value.isEmpty()) {
          path.append('/').append(value);
        }
      }
    }
    return path.toString();
  }
}
