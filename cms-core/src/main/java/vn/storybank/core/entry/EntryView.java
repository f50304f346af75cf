package vn.storybank.core.entry;

/** What every entry's API representation has: its header with id and version. */
public interface EntryView {
  EntryHeader header();
}
