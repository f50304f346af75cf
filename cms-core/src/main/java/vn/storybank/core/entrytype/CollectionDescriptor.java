package vn.storybank.core.entrytype;

import vn.storybank.core.collection.CuratedCollection;
import vn.storybank.core.entry.EntryType;

final class CollectionDescriptor implements TypeDescriptor<CuratedCollection> {
  @Override
  public EntryType type() {
    return EntryType.COLLECTION;
  }

  @Override
  public Class<CuratedCollection> entityClass() {
    return CuratedCollection.class;
  }

  @Override
  public String kind(CuratedCollection collection) {
    return collection.purpose();
  }

  @Override
  public TypeFields fields(CuratedCollection collection) {
    return new CollectionFields(collection.purpose());
  }
}
