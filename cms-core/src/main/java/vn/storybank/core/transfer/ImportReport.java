package vn.storybank.core.transfer;

import java.util.List;

/**
 * What an import did. With {@code atomic} a single bad line means nothing was committed.
 *
 * @param warnings links left pointing at entries whose own lines failed
 */
public record ImportReport(
    boolean atomic,
    boolean committed,
    int lines,
    int created,
    int updated,
    int failed,
    List<LineError> errors,
    List<String> warnings) {}
