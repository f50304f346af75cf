package vn.storybank.core.media;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The file behind a media asset, as read from its bytes: type, size, content hash, displayed
 * dimensions, duration, and what the camera recorded. Written by uploads only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaFileView(
    String contentType,
    long size,
    String sha256,
    String filename,
    Integer width,
    Integer height,
    Long durationMs,
    String camera,
    Double latitude,
    Double longitude) {}
