package vn.storybank.web.http;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Log lines about the request this thread serves. The request id is in the text ({@code Request
 * <id>: …}, for the plain log) and, as the record's parameter, a field of its own in the JSON log
 * ({@code "RequestId"}: Payara's JSON formatter writes a map parameter's entries as fields).
 */
public final class RequestLog {
  /** The request id's field in the JSON log. */
  public static final String FIELD = "RequestId";

  private RequestLog() {}

  public static void log(Logger logger, Level level, String message, Throwable thrown) {
    if (!logger.isLoggable(level)) {
      return;
    }
    String id = RequestIds.current();
    LogRecord record = new LogRecord(level, "Request " + id + ": " + message);
    record.setLoggerName(logger.getName());
    record.setParameters(new Object[] {Map.of(FIELD, id)});
    record.setThrown(thrown);
    logger.log(record);
  }
}
