package vn.storybank.web.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import vn.storybank.web.config.Setting;
import vn.storybank.web.config.Settings;
import vn.storybank.web.config.SettingsRegistry;

/**
 * Refuses bodies over the limit: at once when Content-Length says so, otherwise while reading
 * (chunked uploads), before anything is written.
 */
@Provider
@Dependent
@Priority(Priorities.ENTITY_CODER)
public class BodyLimit implements ContainerRequestFilter, ReaderInterceptor {
  private static final String LIMIT = BodyLimit.class.getName() + ".limit";
  private static final Pattern MEDIA = Pattern.compile("/?admin/v1/[^/]+/media/?");
  private static final Pattern UPLOAD_ORIGINAL =
      Pattern.compile("/?admin/v1/[^/]+/media/[^/]+/original/?");
  private final Settings settings;

  @Inject
  public BodyLimit(Settings settings) {
    this.settings = settings;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (isUpload(request, path)) {
      // Media uploads are limited per file type while they stream (cms.media.*); this is the
      // largest of those, plus room for the multipart envelope.
      long limit = settings.maxVideoBytes() + 1024 * 1024;
      if (request.getLength() > limit) {
        throw new PayloadTooLargeException(limit, SettingsRegistry.MEDIA_MAX_VIDEO_BYTES);
      }
      return;
    }
    Limit limit =
        path.endsWith("/import")
            ? new Limit(settings.maxImportBytes(), SettingsRegistry.MAX_IMPORT_BYTES)
            : new Limit(settings.maxBodyBytes(), SettingsRegistry.MAX_BODY_BYTES);
    request.setProperty(LIMIT, limit);
    if (request.getLength() > limit.bytes()) {
      throw limit.exceeded();
    }
  }

  /** A limit and the setting that sets it. */
  private record Limit(long bytes, Setting<Long> setting) {
    PayloadTooLargeException exceeded() {
      return new PayloadTooLargeException(bytes, setting);
    }
  }

  private static boolean isUpload(ContainerRequestContext request, String path) {
    if (UPLOAD_ORIGINAL.matcher(path).matches() && "PUT".equals(request.getMethod())) {
      return true;
    }
    return MEDIA.matcher(path).matches()
        && "POST".equals(request.getMethod())
        && request.getMediaType() != null
        && request.getMediaType().isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE);
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (context.getProperty(LIMIT) instanceof Limit limit) {
      context.setInputStream(new Counting(context.getInputStream(), limit));
    }
    return context.proceed();
  }

  private static final class Counting extends FilterInputStream {
    private final Limit limit;
    private long count;

    Counting(InputStream in, Limit limit) {
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
      if (count > limit.bytes()) {
        throw limit.exceeded();
      }
    }
  }
}
