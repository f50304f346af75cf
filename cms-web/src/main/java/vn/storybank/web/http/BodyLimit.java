package vn.storybank.web.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import vn.storybank.web.config.Settings;

/**
 * Refuses bodies over the limit: at once when Content-Length says so, otherwise while reading
 * (chunked uploads), before anything is written.
 */
@Provider
@Dependent
@Priority(Priorities.ENTITY_CODER)
public class BodyLimit implements ContainerRequestFilter, ReaderInterceptor {
  private static final String LIMIT = BodyLimit.class.getName() + ".limit";
  private final Settings settings;

  @Inject
  public BodyLimit(Settings settings) {
    this.settings = settings;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    long limit =
        request.getUriInfo().getPath().endsWith("/import")
            ? settings.maxImportBytes()
            : settings.maxBodyBytes();
    request.setProperty(LIMIT, limit);
    if (request.getLength() > limit) {
      throw new PayloadTooLargeException(limit);
    }
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Object limit = context.getProperty(LIMIT);
    if (limit instanceof Long max) {
      context.setInputStream(new Counting(context.getInputStream(), max));
    }
    return context.proceed();
  }

  private static final class Counting extends FilterInputStream {
    private final long limit;
    private long count;

    Counting(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) {
      count += n;
      if (count > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }
  }
}
