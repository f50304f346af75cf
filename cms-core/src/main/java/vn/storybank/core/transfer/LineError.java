package vn.storybank.core.transfer;

import java.util.List;
import vn.storybank.core.error.FieldError;

/** Why one NDJSON line was not imported. */
public record LineError(
    int line, String type, String id, String message, List<FieldError> errors) {}
