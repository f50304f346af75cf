package vn.storybank.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import vn.storybank.core.snapshot.EntrySnapshot;

/**
 * One physical index: a directory, its writer and its near-real-time searchers. The change-log
 * position the index reflects is written into each Lucene commit's user data, so index and position
 * are always committed together: after a crash the index reopens at its last commit and the
 * follower replays from that commit's position. Replaying is idempotent (each entry's documents are
 * replaced as a block), so a change applied twice does no harm.
 */
final class IndexGeneration implements AutoCloseable {
  static final String POSITION = "changeLogPosition";
  static final String SCHEMA = "schema";

  /** Bump when documents or analysis change: an index of another schema is rebuilt on start. */
  static final String SCHEMA_VERSION = "9";

  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private volatile long position;
  private volatile long committedPosition;
  private final boolean fresh;

  private IndexGeneration(Path path, Analysis analysis, int ramBufferMb, Executor queries)
      throws IOException {
    this.path = path;
    Files.createDirectories(path);
    this.directory = FSDirectory.open(path);
    Map<String, String> committed = Map.of();
    if (DirectoryReader.indexExists(directory)) {
      committed = SegmentInfos.readLatestCommit(directory).getUserData();
    }
    this.fresh = !SCHEMA_VERSION.equals(committed.get(SCHEMA)) || !committed.containsKey(POSITION);
    IndexWriterConfig config = new IndexWriterConfig(analysis.index());
    config.setRAMBufferSizeMB(ramBufferMb);
    config.setMergePolicy(new SmallSegmentsMergePolicy());
    config.setOpenMode(
        fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setCommitOnClose(false);
    this.writer = new IndexWriter(directory, config);
    this.position = fresh ? 0 : Long.parseLong(committed.get(POSITION));
    this.committedPosition = position;
    this.searchers =
        new SearcherManager(
            writer,
            new SearcherFactory() {
              @Override
              public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new IndexSearcher(reader, queries);
              }
            });
  }

  /**
   * @param queries runs the slices of one search side by side (Lucene groups segments into slices);
   *     null searches on the caller's thread
   */
  static IndexGeneration open(Path path, Analysis analysis, int ramBufferMb, Executor queries) {
    try {
      return new IndexGeneration(path, analysis, ramBufferMb, queries);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the search index at " + path, e);
    }
  }

  /** Whether this index has no usable commit (new, or written by another schema version). */
  boolean fresh() {
    return fresh;
  }

  Path path() {
    return path;
  }

  /** The change-log position the index reflects (applied, maybe not yet committed). */
  long position() {
    return position;
  }

  /** Replaces the documents of these entries and removes those of the deleted ones. */
  void apply(Collection<EntrySnapshot> entries, Collection<UUID> deleted) {
    try {
      for (EntrySnapshot entry : entries) {
        List<Document> documents = Documents.of(entry);
        writer.updateDocuments(new Term(Fields.ID, entry.id().toString()), documents);
      }
      for (UUID id : deleted) {
        writer.deleteDocuments(new Term(Fields.ID, id.toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds entries known to be absent (a rebuild): no delete needed. */
  void add(Collection<EntrySnapshot> entries) {
    try {
      for (EntrySnapshot entry : entries) {
        writer.addDocuments(Documents.of(entry));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Changes how much the writer buffers before it flushes a segment. */
  void ramBuffer(int megabytes) {
    writer.getConfig().setRAMBufferSizeMB(megabytes);
  }

  /** Merges the index down to at most this many segments; returns when done. */
  void mergeDown(int segments) {
    try {
      writer.forceMerge(segments);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts merging the small segments that commits left behind, if there are enough of them (see
   * {@link SmallSegmentsMergePolicy}), and shows searches the result of an earlier such merge.
   */
  void mergeSmallSegments() {
    try {
      writer.maybeMerge();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    refresh();
  }

  void advanceTo(long newPosition) {
    position = Math.max(position, newPosition);
  }

  boolean hasUncommitted() {
    return position != committedPosition || writer.hasUncommittedChanges();
  }

  /** Makes the applied changes and their position durable in one Lucene commit. */
  void commit() {
    try {
      long at = position;
      writer.setLiveCommitData(
          Map.of(POSITION, Long.toString(at), SCHEMA, SCHEMA_VERSION).entrySet());
      writer.commit();
      committedPosition = at;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes the applied changes visible to searches. */
  void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long sizeOnDisk() {
    try (Stream<Path> files = Files.list(path)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException e) {
      return -1;
    }
  }

  int segmentCount() {
    IndexSearcher searcher = acquire();
    try {
      return searcher.getIndexReader().leaves().size();
    } finally {
      release(searcher);
    }
  }

  int documentCount() {
    IndexSearcher searcher = acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      release(searcher);
    }
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes without committing and removes the files (a replaced or abandoned generation). */
  void closeAndDelete() {
    try {
      searchers.close();
      writer.rollback();
      directory.close();
    } catch (IOException | RuntimeException ignored) {
      // Deleting anyway: the generation is no longer referenced.
    }
    deleteTree(path);
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
