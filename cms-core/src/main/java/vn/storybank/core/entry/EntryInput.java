package vn.storybank.core.entry;

import java.util.Map;

/** What every entry input carries: its translations, keyed by language tag. */
public interface EntryInput {
  Map<String, TranslationInput> translations();
}
