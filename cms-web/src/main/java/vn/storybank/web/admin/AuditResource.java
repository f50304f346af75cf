package vn.storybank.web.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import vn.storybank.core.account.AuditTrail;
import vn.storybank.core.account.AuditView;
import vn.storybank.core.error.Violations;
import vn.storybank.core.persistence.Page;
import vn.storybank.web.http.AdminApi;

/**
 * The audit log as JSON pages ({@code GET /audit}) or as one CSV file ({@code Accept: text/csv}, or
 * {@code GET /audit.csv}, see {@link AuditCsvResource}).
 */
@AdminApi
@Path("admin/v1/audit")
@Dependent
public class AuditResource {
  static final String CSV = "text/csv";
  private static final int CSV_PAGE = 1000;
  private final AuditTrail auditTrail;

  @Inject
  public AuditResource(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  /** The filters of both representations. */
  record Filter(String user, String action, String tenant, Instant from, Instant to) {
    static Filter of(String user, String action, String tenant, String from, String to) {
      Violations v = new Violations();
      Filter filter =
          new Filter(
              blank(user), blank(action), blank(tenant), time(from, "from", v), time(to, "to", v));
      v.throwIfAny();
      return filter;
    }

    private static String blank(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant time(String value, String field, Violations v) {
      if (value == null || value.isBlank()) {
        return null;
      }
      try {
        return OffsetDateTime.parse(value.strip()).toInstant();
      } catch (DateTimeParseException e) {
        v.add(field, "must be a date-time with offset, e.g. 2026-07-01T00:00:00+07:00");
        return null;
      }
    }
  }

  @GET
  @Produces("application/json; qs=1")
  public Page<AuditView> list(
      @QueryParam("user") String user,
      @QueryParam("action") String action,
      @QueryParam("tenant") String tenant,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
      @Context SecurityContext security) {
    Filter filter = Filter.of(user, action, tenant, from, to);
    Violations v = new Violations();
    int size = ListParams.integer(limit, "limit", 20, v);
    if (size < 1 || size > 200) {
      v.add("limit", "must be between 1 and 200");
    }
    v.throwIfAny();
    return page(filter, cursor, size, Actor.of(security));
  }

  @GET
  @Produces(CSV + "; qs=0.5")
  public Response csv(
      @QueryParam("user") String user,
      @QueryParam("action") String action,
      @QueryParam("tenant") String tenant,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @Context SecurityContext security) {
    return csv(Filter.of(user, action, tenant, from, to), Actor.of(security));
  }

  private Page<AuditView> page(
      Filter f, String cursor, int size, vn.storybank.core.account.Actor actor) {
    return auditTrail.audit(
        f.user(), f.action(), f.tenant(), f.from(), f.to(), cursor, size, actor);
  }

  /** Every matching row, newest first; the first page is read before streaming, to fail cleanly. */
  Response csv(Filter filter, vn.storybank.core.account.Actor actor) {
    Page<AuditView> first = page(filter, null, CSV_PAGE, actor);
    StreamingOutput body =
        out -> {
          Writer writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
          writer.write("seq,at,user,action,tenant,target,address,detail\r\n");
          Page<AuditView> page = first;
          while (true) {
            for (AuditView row : page.items()) {
              writer.write(
                  String.join(
                          ",",
                          Long.toString(row.seq()),
                          row.at().toString(),
                          cell(row.user()),
                          cell(row.action()),
                          cell(row.tenant()),
                          cell(row.target()),
                          cell(row.address()),
                          cell(row.detail()))
                      + "\r\n");
            }
            if (page.next() == null) {
              break;
            }
            page = page(filter, page.next(), CSV_PAGE, actor);
          }
          writer.flush();
        };
    return Response.ok(body, CSV + "; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
        .build();
  }

  /**
   * One RFC 4180 field. A value a spreadsheet would take for a formula (=, +, -, @) is prefixed
   * with an apostrophe: user names and details are typed by people, and an audit export gets opened
   * in spreadsheets.
   */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
