package vn.storybank.core.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One page of a list; {@code next} is the cursor of the following page, null at the end. */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) String next) {}
