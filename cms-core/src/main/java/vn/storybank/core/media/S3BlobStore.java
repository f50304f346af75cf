package vn.storybank.core.media;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.storybank.core.error.StorybankException;

/**
 * Blobs in a bucket of an S3-compatible object store (MinIO, Ceph, AWS S3…) through the MinIO Java
 * client. The bucket is created on first use if absent. Uploads stream in parts of {@link
 * #PART_SIZE}, so a large file goes up as a multipart upload and is never held in memory; S3 makes
 * an object visible only once its upload completes.
 */
public final class S3BlobStore implements BlobStore {
  /** Multipart part size: objects larger than this are uploaded in parts. */
  static final long PART_SIZE = 8L * 1024 * 1024;

  private final MinioClient client;
  private final String endpoint;
  private final String bucket;
  private volatile boolean bucketReady;

  public S3BlobStore(
      String endpoint, String region, String bucket, String accessKey, String secretKey) {
    MinioClient.Builder builder =
        MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey);
    if (region != null && !region.isBlank()) {
      builder.region(region);
    }
    this.client = builder.build();
    this.endpoint = endpoint;
    this.bucket = bucket;
  }

  @Override
  public void put(String key, Path file) {
    BlobKeys.require(key);
    ensureBucket();
    try (InputStream in = Files.newInputStream(file)) {
      client.putObject(
          PutObjectArgs.builder().bucket(bucket).object(key).stream(in, -1, PART_SIZE).build());
    } catch (Exception e) {
      throw unavailable("write", key, e);
    }
  }

  @Override
  public InputStream open(String key) {
    return get(GetObjectArgs.builder().bucket(bucket).object(BlobKeys.require(key)).build(), key);
  }

  @Override
  public InputStream open(String key, long offset, long length) {
    return get(
        GetObjectArgs.builder()
            .bucket(bucket)
            .object(BlobKeys.require(key))
            .offset(offset)
            .length(length)
            .build(),
        key);
  }

  private InputStream get(GetObjectArgs args, String key) {
    try {
      return client.getObject(args);
    } catch (ErrorResponseException e) {
      if (isMissing(e)) {
        throw StorybankException.notFound("The stored file " + key + " is missing.");
      }
      throw unavailable("read", key, e);
    } catch (Exception e) {
      throw unavailable("read", key, e);
    }
  }

  @Override
  public Optional<Long> size(String key) {
    try {
      StatObjectResponse stat =
          client.statObject(
              StatObjectArgs.builder().bucket(bucket).object(BlobKeys.require(key)).build());
      return Optional.of(stat.size());
    } catch (ErrorResponseException e) {
      if (isMissing(e)) {
        return Optional.empty();
      }
      throw unavailable("read", key, e);
    } catch (Exception e) {
      throw unavailable("read", key, e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      client.removeObject(
          RemoveObjectArgs.builder().bucket(bucket).object(BlobKeys.require(key)).build());
    } catch (ErrorResponseException e) {
      if (!isMissing(e)) {
        throw unavailable("delete", key, e);
      }
    } catch (Exception e) {
      throw unavailable("delete", key, e);
    }
  }

  @Override
  public List<Blob> list(String prefix) {
    List<Blob> blobs = new ArrayList<>();
    try {
      for (Result<Item> result :
          client.listObjects(
              ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build())) {
        Item item = result.get();
        if (!item.isDir()) {
          blobs.add(new Blob(item.objectName(), item.size(), item.lastModified().toInstant()));
        }
      }
    } catch (ErrorResponseException e) {
      if (!"NoSuchBucket".equals(e.errorResponse().code())) {
        throw unavailable("list", prefix, e);
      }
    } catch (Exception e) {
      throw unavailable("list", prefix, e);
    }
    return blobs;
  }

  /**
   * One HEAD request on the bucket: the store answers. A bucket that does not exist yet is fine:
   * the first write makes it, and a new installation must become ready before anyone uploads.
   */
  @Override
  public void probe() {
    try {
      client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
    } catch (Exception e) {
      throw unavailable("answer", "a probe", e);
    }
  }

  @Override
  public String describe() {
    return "S3 bucket " + bucket + " at " + endpoint;
  }

  private void ensureBucket() {
    if (bucketReady) {
      return;
    }
    try {
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
      }
      bucketReady = true;
    } catch (ErrorResponseException e) {
      String code = e.errorResponse().code();
      if ("BucketAlreadyOwnedByYou".equals(code) || "BucketAlreadyExists".equals(code)) {
        bucketReady = true;
        return;
      }
      throw unavailable("create", "the bucket", e);
    } catch (Exception e) {
      throw unavailable("create", "the bucket", e);
    }
  }

  private static boolean isMissing(ErrorResponseException e) {
    String code = e.errorResponse().code();
    return "NoSuchKey".equals(code) || "NoSuchBucket".equals(code) || "NoSuchObject".equals(code);
  }

  private StorybankException unavailable(String action, String what, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return StorybankException.unavailable(
        UNREACHABLE,
        "The media store ("
            + describe()
            + ") could not "
            + action
            + " "
            + what
            + ": "
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : " " + e.getMessage()));
  }
}
