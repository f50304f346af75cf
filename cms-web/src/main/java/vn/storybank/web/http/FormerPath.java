package vn.storybank.web.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that keeps an old URL answering for clients written before the operation moved.
 * The OpenAPI document lists only the new path ({@link #movedTo}): listing both would give a
 * partner's tools two paths that can match one URL. OpenApiContractTest leaves these methods out
 * and checks that {@link #movedTo} is documented.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FormerPath {
  /** The documented path template the operation moved to, e.g. {@code /api/admin/v1/{t}}. */
  String movedTo();
}
