package vn.storybank.core.media;

/**
 * Where the S3 media store keeps blobs: the server's address, its region, the bucket and the
 * credentials. Its text form leaves the credentials out, so that it can be logged.
 */
public record S3Settings(
    String endpoint, String region, String bucket, String accessKey, String secretKey) {
  @Override
  public String toString() {
    return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + "]";
  }
}
