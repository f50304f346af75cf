package vn.storybank.web.http;

import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.storybank.core.error.ErrorKind;

/**
 * Every problem type Storybank answers with, and what its page at {@code /problems/<slug>} tells
 * the person who follows the link, in English and Vietnamese. A problem can only be made from one
 * of these (or the {@code http-<status>} family, for a failure the framework reports by status
 * alone), so every type a client meets has a page. Slugs never change: partners match on them.
 */
public enum ProblemType {
  MALFORMED_JSON(
      "malformed-json",
      400,
      "Malformed JSON",
      "JSON không hợp lệ",
      "The request body is not JSON Storybank can read: invalid syntax or UTF-8, a key given twice"
          + " in one object, or nesting deeper than 1,000 levels. The detail gives the line and"
          + " column. Fix the body and send it again.",
      "Nội dung gửi lên không phải JSON mà Storybank đọc được: sai cú pháp hoặc UTF-8, một khoá"
          + " xuất hiện hai lần trong cùng một đối tượng, hoặc lồng sâu quá 1.000 cấp. Phần detail"
          + " cho biết dòng và cột. Hãy sửa nội dung rồi gửi lại."),
  INVALID(
      "invalid",
      400,
      "Invalid request",
      "Yêu cầu không hợp lệ",
      "The request is well-formed but some values are not acceptable: an unknown property, a wrong"
          + " JSON type, a value out of range, a locale the tenant has not enabled, or a bad query"
          + " parameter. errors lists every field at fault with its message; fix them all and send"
          + " the request again.",
      "Yêu cầu đúng định dạng nhưng có giá trị không chấp nhận được: thuộc tính lạ, sai kiểu JSON,"
          + " giá trị ngoài phạm vi, ngôn ngữ chưa được bật cho đơn vị, hoặc tham số truy vấn sai."
          + " Mục errors liệt kê từng trường sai kèm lý do; hãy sửa hết rồi gửi lại."),
  UNAUTHORIZED(
      "unauthorized",
      401,
      "Unauthorized",
      "Chưa xác thực",
      "No credentials, or credentials Storybank does not accept: a wrong password, an unknown,"
          + " revoked or expired token, or a missing or unknown partner key. Sign in again or ask"
          + " the tenant's administrator for a valid token or key.",
      "Không có thông tin đăng nhập, hoặc thông tin không được chấp nhận: sai mật khẩu, token lạ,"
          + " đã thu hồi hoặc hết hạn, hoặc thiếu hay sai khoá đối tác. Hãy đăng nhập lại hoặc xin"
          + " quản trị viên của đơn vị một token hay khoá hợp lệ."),
  FORBIDDEN(
      "forbidden",
      403,
      "Forbidden",
      "Không được phép",
      "The credentials are valid, but they do not allow this: the account's roles in this tenant,"
          + " or a partner key of another tenant or channel. The detail names what is missing; ask"
          + " an administrator of the tenant for the role.",
      "Thông tin đăng nhập hợp lệ nhưng không đủ quyền cho việc này: vai trò của tài khoản trong"
          + " đơn vị, hoặc khoá đối tác của đơn vị hay kênh khác. Phần detail nói rõ còn thiếu gì;"
          + " hãy xin quản trị viên của đơn vị cấp vai trò đó."),
  NOT_FOUND(
      "not-found",
      404,
      "Not found",
      "Không tìm thấy",
      "There is nothing at this address: an unknown path, tenant, entry, term or translation, or"
          + " one that is not published on this channel. A tenant you are not a member of answers"
          + " the same, so that its existence does not leak. Check the address against the API"
          + " guide (/openapi).",
      "Không có gì ở địa chỉ này: đường dẫn, đơn vị, mục, thuật ngữ hoặc bản dịch không tồn tại,"
          + " hoặc chưa được xuất bản trên kênh này. Một đơn vị mà bạn không phải thành viên cũng"
          + " trả lời như vậy để không lộ sự tồn tại của nó. Hãy đối chiếu địa chỉ với tài liệu API"
          + " (/openapi)."),
  METHOD_NOT_ALLOWED(
      "method-not-allowed",
      405,
      "Method not allowed",
      "Phương thức không được phép",
      "The path exists but does not take this HTTP method. The Allow header lists the methods it"
          + " takes.",
      "Đường dẫn có tồn tại nhưng không nhận phương thức HTTP này. Header Allow liệt kê các phương"
          + " thức được nhận."),
  NOT_ACCEPTABLE(
      "not-acceptable",
      406,
      "Not acceptable",
      "Không thể đáp ứng định dạng",
      "The Accept header allows none of the media types this endpoint answers in. Accept"
          + " application/json (or leave the header out).",
      "Header Accept không cho phép định dạng nào mà điểm cuối này trả về. Hãy chấp nhận"
          + " application/json (hoặc bỏ header đó)."),
  CONFLICT(
      "conflict",
      409,
      "Conflict",
      "Xung đột",
      "The request contradicts the current state: deleting something other entries still link to"
          + " or use, a slug or code someone else took at the same moment, or a review step that"
          + " does not follow from the current status. Read the current state and decide again.",
      "Yêu cầu mâu thuẫn với trạng thái hiện tại: xoá thứ mà mục khác vẫn liên kết hoặc đang"
          + " dùng, một slug hay mã vừa bị người khác lấy, hoặc một bước duyệt không hợp với trạng"
          + " thái hiện tại. Hãy đọc lại trạng thái hiện tại rồi quyết định lại."),
  GONE(
      "gone",
      410,
      "No longer available",
      "Không còn khả dụng",
      "This existed but is no longer served: a media asset whose rights have expired, or a sync"
          + " token issued before the channel's settings changed (start a full sync again).",
      "Thứ này đã từng có nhưng không còn được phục vụ: tư liệu đã hết hạn bản quyền, hoặc mã đồng"
          + " bộ được cấp trước khi thiết lập của kênh thay đổi (hãy đồng bộ lại từ đầu)."),
  STALE_VERSION(
      "stale-version",
      412,
      "The entry was changed by someone else",
      "Mục đã được người khác thay đổi",
      "If-Match names a version older than the current one: someone saved in between. Read the"
          + " entry again (its ETag is the current version), merge your change and send it with the"
          + " new version.",
      "If-Match ghi một phiên bản cũ hơn phiên bản hiện tại: đã có người lưu trong lúc đó. Hãy đọc"
          + " lại mục (ETag là phiên bản hiện tại), gộp thay đổi của bạn rồi gửi với phiên bản"
          + " mới."),
  PAYLOAD_TOO_LARGE(
      "payload-too-large",
      413,
      "Payload too large",
      "Nội dung quá lớn",
      "The request body is over the server's limit; the detail names the limit and the setting an"
          + " operator raises it with. Send less per request (split an import into several files).",
      "Nội dung yêu cầu vượt giới hạn của máy chủ; phần detail nêu giới hạn và thiết lập mà người"
          + " vận hành dùng để nâng nó. Hãy gửi ít hơn mỗi lần (chia tệp nhập thành nhiều tệp)."),
  TOO_LARGE(
      "too-large",
      413,
      "Too large",
      "Tệp quá lớn",
      "An uploaded file is over the limit for its type; the detail names the limit and the"
          + " setting. Upload a smaller file (scale an image down, shorten or re-encode a video).",
      "Tệp tải lên vượt giới hạn cho loại của nó; phần detail nêu giới hạn và thiết lập. Hãy tải"
          + " tệp nhỏ hơn (thu nhỏ ảnh, cắt ngắn hoặc mã hoá lại video)."),
  URI_TOO_LONG(
      "uri-too-long",
      414,
      "URI too long",
      "Địa chỉ quá dài",
      "The URL (path and query string) is over 8 KiB. Send long input in a request body, or fewer"
          + " query parameters.",
      "Địa chỉ (đường dẫn và chuỗi truy vấn) dài quá 8 KiB. Hãy gửi dữ liệu dài trong nội dung"
          + " yêu cầu, hoặc bớt tham số truy vấn."),
  UNSUPPORTED_MEDIA_TYPE(
      "unsupported-media-type",
      415,
      "Unsupported media type",
      "Định dạng không được hỗ trợ",
      "The body's Content-Type is not one this endpoint takes (application/json, or"
          + " application/merge-patch+json for PATCH, application/x-ndjson for import), or an"
          + " uploaded file's bytes are not an allowed type or contradict the declared type (SVG is"
          + " refused). Send the type the API guide names.",
      "Content-Type của nội dung không phải loại điểm cuối này nhận (application/json, hoặc"
          + " application/merge-patch+json cho PATCH, application/x-ndjson khi nhập), hoặc nội dung"
          + " tệp tải lên không thuộc loại được phép hay trái với loại đã khai (SVG bị từ chối)."
          + " Hãy gửi đúng loại mà tài liệu API nêu."),
  RANGE_NOT_SATISFIABLE(
      "range-not-satisfiable",
      416,
      "Range not satisfiable",
      "Khoảng byte không hợp lệ",
      "The Range header asks for bytes outside the file; Content-Range gives its size. Ask for one"
          + " range within it, such as bytes=0-1023.",
      "Header Range yêu cầu các byte nằm ngoài tệp; Content-Range cho biết kích thước tệp. Hãy"
          + " yêu cầu một khoảng nằm trong tệp, ví dụ bytes=0-1023."),
  IMPORT_REJECTED(
      "import-rejected",
      422,
      "Import rejected",
      "Nhập dữ liệu bị từ chối",
      "An atomic import had invalid lines, so nothing was imported; report lists every line at"
          + " fault. Fix those lines and import the file again.",
      "Một lần nhập nguyên khối có dòng không hợp lệ nên không có gì được nhập; mục report liệt kê"
          + " từng dòng sai. Hãy sửa các dòng đó rồi nhập lại tệp."),
  UNPROCESSABLE_FILE(
      "unprocessable-file",
      422,
      "The file cannot be processed",
      "Không xử lý được tệp",
      "The uploaded file is of an allowed type but cannot be used: an image over the pixel limit"
          + " (read from its header), or a truncated or corrupt file. Open it in an image editor,"
          + " save or scale it again, and upload it once more.",
      "Tệp tải lên đúng loại nhưng không dùng được: ảnh vượt giới hạn điểm ảnh (đọc từ phần đầu"
          + " tệp), hoặc tệp bị cắt cụt hay hỏng. Hãy mở tệp bằng trình sửa ảnh, lưu lại hoặc thu"
          + " nhỏ, rồi tải lên lần nữa."),
  TOO_MANY_REQUESTS(
      "too-many-requests",
      429,
      "Too many requests",
      "Quá nhiều yêu cầu",
      "Too many failed sign-ins for this user name or address, or a partner key over its rate per"
          + " minute. Retry-After gives the seconds to wait; wait that long before trying again.",
      "Quá nhiều lần đăng nhập sai cho tên người dùng hoặc địa chỉ này, hoặc khoá đối tác vượt"
          + " giới hạn số yêu cầu mỗi phút. Retry-After cho biết số giây cần chờ; hãy chờ đủ rồi"
          + " thử lại."),
  HEADER_FIELDS_TOO_LARGE(
      "header-fields-too-large",
      431,
      "Request header fields too large",
      "Header yêu cầu quá lớn",
      "The request's headers are over 16 KiB in all, cookies included. Send fewer or shorter"
          + " headers; clear this site's cookies in a browser.",
      "Tổng các header của yêu cầu vượt 16 KiB, kể cả cookie. Hãy gửi ít header hơn hoặc ngắn hơn;"
          + " trong trình duyệt, hãy xoá cookie của trang này."),
  INTERNAL(
      "internal",
      500,
      "Internal error",
      "Lỗi nội bộ",
      "Storybank failed unexpectedly; nothing was changed. This is a bug: report the incident id"
          + " in the detail to the operators, who find it in the server log.",
      "Storybank gặp lỗi ngoài dự kiến; không có gì bị thay đổi. Đây là lỗi phần mềm: hãy báo mã"
          + " sự cố trong phần detail cho người vận hành, họ sẽ tìm thấy nó trong nhật ký máy"
          + " chủ."),
  UNAVAILABLE(
      "unavailable",
      503,
      "Temporarily unavailable",
      "Tạm thời không khả dụng",
      "The database stayed busy after retries, or the media store is unreachable; nothing was"
          + " saved. Try again in a moment; if it lasts, tell the operators.",
      "Cơ sở dữ liệu vẫn bận sau nhiều lần thử, hoặc không kết nối được kho tư liệu; không có gì"
          + " được lưu. Hãy thử lại sau ít phút; nếu vẫn vậy, hãy báo người vận hành.");

  /** The family for failures the framework reports by status alone: {@code http-<status>}. */
  static final String HTTP_PREFIX = "http-";

  private static final Pattern HTTP_SLUG = Pattern.compile("http-([45][0-9][0-9])");

  private final String slug;
  private final int status;
  private final String title;
  private final String titleVi;
  private final String meaning;
  private final String meaningVi;

  ProblemType(
      String slug, int status, String title, String titleVi, String meaning, String meaningVi) {
    this.slug = slug;
    this.status = status;
    this.title = title;
    this.titleVi = titleVi;
    this.meaning = meaning;
    this.meaningVi = meaningVi;
  }

  /** The type of a domain failure. A switch, so that a new kind does not compile without one. */
  public static ProblemType of(ErrorKind kind) {
    return switch (kind) {
      case NOT_FOUND -> NOT_FOUND;
      case FORBIDDEN -> FORBIDDEN;
      case TOO_MANY_REQUESTS -> TOO_MANY_REQUESTS;
      case INVALID -> INVALID;
      case CONFLICT -> CONFLICT;
      case STALE_VERSION -> STALE_VERSION;
      case UNAVAILABLE -> UNAVAILABLE;
      case GONE -> GONE;
      case TOO_LARGE -> TOO_LARGE;
      case UNSUPPORTED_TYPE -> UNSUPPORTED_MEDIA_TYPE;
      case UNPROCESSABLE -> UNPROCESSABLE_FILE;
      case UNAUTHORIZED -> UNAUTHORIZED;
    };
  }

  public static Optional<ProblemType> bySlug(String slug) {
    return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
  }

  /** The status a slug of the {@code http-<status>} family stands for, if it is one. */
  static Optional<Integer> httpStatus(String slug) {
    Matcher m = HTTP_SLUG.matcher(slug);
    return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  /** The reason phrase of a status, for the {@code http-<status>} family's title. */
  static String reason(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known == null ? "HTTP error " + status : known.getReasonPhrase();
  }

  public String slug() {
    return slug;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  String titleVi() {
    return titleVi;
  }

  String meaning() {
    return meaning;
  }

  String meaningVi() {
    return meaningVi;
  }
}
