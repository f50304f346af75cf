package vn.storybank.web.http;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The page a problem's type URI leads to: what the problem means and what to do, in English and
 * Vietnamese, for a person who follows the link from an answer. {@code /problems/} lists them all.
 * Plain HTML without scripts or styles, so the security headers' policy that forbids everything
 * applies to it unchanged.
 */
@WebServlet(urlPatterns = "/problems/*")
public final class ProblemPages extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String info = request.getPathInfo() == null ? "/" : request.getPathInfo();
    Optional<String> page = info.equals("/") ? Optional.of(index()) : page(info.substring(1));
    if (page.isEmpty()) {
      Problem.of(ProblemType.NOT_FOUND, "There is no such problem type; /problems/ lists them all.")
          .write(request, response);
      return;
    }
    byte[] body = page.get().getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/html; charset=utf-8");
    // The text changes only with a release.
    response.setHeader("Cache-Control", "public, max-age=86400");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The page of a slug: one of ours, or one of the {@code http-<status>} family. */
  static Optional<String> page(String slug) {
    Optional<ProblemType> type = ProblemType.bySlug(slug);
    if (type.isPresent()) {
      ProblemType t = type.get();
      return Optional.of(
          html(t.slug(), t.status(), t.title(), t.meaning(), t.titleVi(), t.meaningVi()));
    }
    return ProblemType.httpStatus(slug)
        .map(
            status ->
                html(
                    slug,
                    status,
                    ProblemType.reason(status),
                    "The server answered HTTP "
                        + status
                        + " for a reason that has no type of its own; detail says more. "
                        + (status >= 500
                            ? "Try again later; if it lasts, tell the operators."
                            : "Check the request against the API guide (/openapi)."),
                    ProblemType.reason(status),
                    "Máy chủ trả lời HTTP "
                        + status
                        + " vì một lý do không có loại riêng; phần detail nói rõ hơn. "
                        + (status >= 500
                            ? "Hãy thử lại sau; nếu vẫn vậy, hãy báo người vận hành."
                            : "Hãy đối chiếu yêu cầu với tài liệu API (/openapi).")));
  }

  private static String index() {
    StringBuilder list = new StringBuilder();
    for (ProblemType t : ProblemType.values()) {
      list.append("<li><a href=\"")
          .append(t.slug())
          .append("\"><code>")
          .append(t.slug())
          .append("</code></a> ")
          .append(t.status())
          .append(" ")
          .append(t.title())
          .append(" / <span lang=\"vi\">")
          .append(t.titleVi())
          .append("</span></li>\n");
    }
    return head("Storybank problem types")
        + "<h1>Storybank problem types</h1>\n"
        + "<p>Every error of the Storybank API is an RFC 9457 problem"
        + " (<code>application/problem+json</code>) whose <code>type</code> is one of these."
        + " A failure without a type of its own is <code>http-&lt;status&gt;</code>.</p>\n"
        + "<p lang=\"vi\">Mọi lỗi của API Storybank là một problem theo RFC 9457 có"
        + " <code>type</code> là một trong các loại sau.</p>\n<ul>\n"
        + list
        + "</ul>\n</body>\n</html>\n";
  }

  private static String html(
      String slug, int status, String title, String meaning, String titleVi, String meaningVi) {
    return head(title + " · Storybank")
        + "<h1>"
        + title
        + "</h1>\n<p>HTTP "
        + status
        + " · <code>type</code> ends in <code>/problems/"
        + slug
        + "</code></p>\n<p>"
        + meaning
        + "</p>\n<section lang=\"vi\">\n<h2>"
        + titleVi
        + "</h2>\n<p>"
        + meaningVi
        + "</p>\n</section>\n<p><a href=\"./\">All problem types</a> ·"
        + " <a href=\"../openapi\">API description</a></p>\n</body>\n</html>\n";
  }

  private static String head(String title) {
    return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + title
        + "</title>\n</head>\n<body>\n";
  }
}
