package vn.storybank.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class SmallSegmentsMergePolicyTest {
  private final Random random = new Random(7);

  @Test
  void anExplicitAskMergesTheSmallSegmentsAndLeavesTheLargeOneAlone() throws IOException {
    try (Directory directory = new ByteBuffersDirectory();
        IndexWriter writer = withOneLargeSegment(directory)) {
      String large = segments(writer).get(0).info.name;
      assertTrue(
          segments(writer).get(0).sizeInBytes() > 2 << 20, "the first segment is above 2 MB");
      for (int i = 0; i < 4; i++) {
        writer.addDocument(document(20));
        writer.commit();
      }
      assertEquals(5, segments(writer).size(), "flushes and commits alone merge nothing here");

      writer.maybeMerge();
      writer.commit();

      List<SegmentCommitInfo> after = segments(writer);
      assertEquals(2, after.size(), "the four small segments became one");
      assertEquals(large, after.get(0).info.name, "the large segment was not rewritten");
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertEquals(12_004, reader.numDocs(), "no document lost");
      }
    }
  }

  @Test
  void twoSmallSegmentsAreLeftAlone() throws IOException {
    try (Directory directory = new ByteBuffersDirectory();
        IndexWriter writer = withOneLargeSegment(directory)) {
      for (int i = 0; i < 2; i++) {
        writer.addDocument(document(20));
        writer.commit();
      }
      writer.maybeMerge();
      writer.commit();
      assertEquals(3, segments(writer).size());
    }
  }

  @Test
  void anExplicitAskMergesTheSmallestOfTooManySegmentsThatAreNotSmall() throws IOException {
    try (Directory directory = new ByteBuffersDirectory();
        IndexWriter writer = writer(directory)) {
      for (int segment = 0; segment < 7; segment++) {
        for (int i = 0; i < 8_000 + segment * 100; i++) {
          writer.addDocument(document(400));
        }
        writer.commit();
      }
      List<SegmentCommitInfo> before = segments(writer);
      assertEquals(7, before.size(), "flushes and commits alone merge nothing here");
      for (SegmentCommitInfo segment : before) {
        assertTrue(segment.sizeInBytes() > 2 << 20, "no segment is small");
      }

      writer.maybeMerge();
      writer.commit();

      List<SegmentCommitInfo> after = segments(writer);
      assertEquals(SmallSegmentsMergePolicy.IDLE_SEGMENTS, after.size());
      List<String> kept = new ArrayList<>(after.stream().map(s -> s.info.name).toList());
      before.subList(0, 3).forEach(s -> assertFalse(kept.contains(s.info.name)));
      kept.retainAll(before.stream().map(s -> s.info.name).toList());
      assertEquals(
          before.subList(3, 7).stream().map(s -> s.info.name).toList(),
          kept,
          "the three smallest segments became one; the larger were not rewritten");
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertEquals(7 * 8_000 + 2_100, reader.numDocs(), "no document lost");
      }
    }
  }

  /** A writer with the policy, over one committed segment above 2 MB (the test checks). */
  private IndexWriter withOneLargeSegment(Directory directory) throws IOException {
    IndexWriter writer = writer(directory);
    for (int i = 0; i < 12_000; i++) {
      writer.addDocument(document(400));
    }
    writer.commit();
    return writer;
  }

  private static IndexWriter writer(Directory directory) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
    config.setMergePolicy(new SmallSegmentsMergePolicy());
    // Merges run on the asking thread, so the test sees their outcome right away.
    config.setMergeScheduler(new SerialMergeScheduler());
    return new IndexWriter(directory, config);
  }

  private static List<SegmentCommitInfo> segments(IndexWriter writer) throws IOException {
    List<SegmentCommitInfo> segments = new ArrayList<>();
    SegmentInfos.readLatestCommit(writer.getDirectory()).forEach(segments::add);
    return segments;
  }

  /** Random letters, which compress little, so that the sizes are what the test needs. */
  private Document document(int letters) {
    StringBuilder text = new StringBuilder(letters);
    for (int i = 0; i < letters; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    Document document = new Document();
    document.add(new StringField(Fields.ID, Integer.toString(random.nextInt()), Store.NO));
    document.add(new StoredField(Fields.STORED_BODY, text.toString()));
    return document;
  }
}
