package vn.storybank.core.media;

/** An uploaded file after checking: its type, size, content hash and what it says about itself. */
record StoredFile(FileType type, long size, String sha256, FileFacts facts) {
  String key() {
    return BlobKeys.original(sha256);
  }
}
