package vn.storybank.s3;

import static vn.storybank.core.testing.Wait.waitUntil;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import vn.storybank.core.media.S3BlobStore;

/** A real S3 server (S3Proxy over a folder) in this JVM, with signed requests. */
final class S3Server implements AutoCloseable {
  static final String ACCESS_KEY = "storybank-test";
  static final String SECRET_KEY = "storybank-test-secret";
  private final S3Proxy proxy;
  private final Path dir;
  private final int port;

  private S3Server(S3Proxy proxy, Path dir) {
    this.proxy = proxy;
    this.dir = dir;
    this.port = proxy.getPort();
  }

  /** Starts a server storing its objects under {@code dir}. */
  static S3Server start(Path dir) {
    return start(dir, 0);
  }

  /** A new server on the same port and folder, after this one stopped (the outage is over). */
  S3Server restart() {
    return start(dir, port);
  }

  private static S3Server start(Path dir, int port) {
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", dir.toString());
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(BlobStores.create("filesystem-nio2", properties))
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    try {
      proxy.start();
      waitUntil(
          "S3Proxy started", Duration.ofSeconds(30), () -> "STARTED".equals(proxy.getState()));
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start", e);
    }
    return new S3Server(proxy, dir);
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  S3BlobStore store(String bucket) {
    return new S3BlobStore(endpoint(), "us-east-1", bucket, ACCESS_KEY, SECRET_KEY);
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop", e);
    }
  }
}
