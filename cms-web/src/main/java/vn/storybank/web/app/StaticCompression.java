package vn.storybank.web.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Gzips the editor app's files and the webjars (JavaScript, CSS, JSON, SVG) and says how long
 * browsers may keep them. They are served by the container's default servlet, which does not
 * compress, and the HTTP listener's compression (Grizzly's, set in the preboot file) left them
 * uncompressed when tried on Payara Micro 6.2025.10; the API's answers are compressed by its own
 * JAX-RS filter (Compression), which this filter does not see. On a provincial connection the app's
 * first load is its scripts: gzip makes them about a third.
 *
 * <p>The files are small (the largest a few tens of KB), so each answer is held in memory,
 * compressed whole and sent with its real {@code Content-Length}. Ranges, HEAD and answers other
 * than 200 pass through unchanged.
 */
@WebFilter(
    urlPatterns = {"/app/*", "/webjars/*"},
    asyncSupported = true)
public final class StaticCompression extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final int MIN_BYTES = 1024;
  private static final Pattern COMPRESSIBLE =
      Pattern.compile("^(text/|application/(javascript|json)|image/svg\\+xml)");
  // Webjar paths name their version, so a file there never changes; the app's own files do
  // change with a deployment, so browsers ask again each time (an answer of 304 when unchanged).
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final String REVALIDATE = "no-cache";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader(
        "Cache-Control", request.getServletPath().startsWith("/webjars/") ? IMMUTABLE : REVALIDATE);
    if (!"GET".equals(request.getMethod()) || request.getHeader("Range") != null) {
      chain.doFilter(request, response);
      return;
    }
    response.addHeader("Vary", "Accept-Encoding");
    if (!acceptsGzip(request.getHeader("Accept-Encoding"))) {
      chain.doFilter(request, response);
      return;
    }
    Buffered buffered = new Buffered(response);
    chain.doFilter(request, buffered);
    byte[] body = buffered.bytes();
    String type = response.getContentType();
    if (response.getStatus() == HttpServletResponse.SC_OK
        && body.length >= MIN_BYTES
        && type != null
        && COMPRESSIBLE.matcher(type.toLowerCase(Locale.ROOT)).find()) {
      body = gzip(body);
      response.setHeader("Content-Encoding", "gzip");
    }
    if (body.length > 0 || response.getStatus() == HttpServletResponse.SC_OK) {
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }

  /** Whether the client takes gzip: named, or {@code *}, without {@code q=0}. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
      String[] parts = coding.split(";");
      String name = parts[0].trim();
      if (name.equals("gzip") || name.equals("*")) {
        return parts.length < 2 || !parts[1].trim().matches("q=0(\\.0*)?");
      }
    }
    return false;
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(body);
    }
    return out.toByteArray();
  }

  /** Holds what the default servlet writes, and the length it would have declared. */
  private static final class Buffered extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;

    Buffered(HttpServletResponse response) {
      super(response);
    }

    byte[] bytes() {
      if (writer != null) {
        writer.flush();
      }
      return bytes.toByteArray();
    }

    @Override
    public ServletOutputStream getOutputStream() {
      if (stream == null) {
        stream =
            new ServletOutputStream() {
              @Override
              public void write(int b) {
                bytes.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
              }

              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                throw new IllegalStateException("static files are written blocking");
              }
            };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        writer =
            new PrintWriter(
                new OutputStreamWriter(bytes, Charset.forName(getCharacterEncoding())), false);
      }
      return writer;
    }

    // The length is set once the body is known (compressed or not).
    @Override
    public void setContentLength(int length) {}

    @Override
    public void setContentLengthLong(long length) {}

    @Override
    public void setHeader(String name, String value) {
      if (!"Content-Length".equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!"Content-Length".equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }

    // Nothing reaches the client before the filter has the whole body.
    @Override
    public void flushBuffer() {}
  }
}
