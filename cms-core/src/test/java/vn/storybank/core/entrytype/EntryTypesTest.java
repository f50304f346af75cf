package vn.storybank.core.entrytype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.persistence.DiscriminatorValue;
import org.junit.jupiter.api.Test;
import vn.storybank.core.entry.EntryType;

/**
 * Every entry type is registered with a descriptor of its own entity class, so that adding a type
 * to {@link EntryType} without registering it fails here rather than delivering items without their
 * fields.
 */
class EntryTypesTest {
  @Test
  void everyEntryTypeHasADescriptorOfItsOwnEntityClass() {
    for (EntryType type : EntryType.values()) {
      TypeDescriptor<?> descriptor = EntryTypes.registered().get(type);
      assertNotNull(descriptor, type + " has no TypeDescriptor in EntryTypes");
      assertEquals(type, descriptor.type());
      DiscriminatorValue discriminator =
          descriptor.entityClass().getAnnotation(DiscriminatorValue.class);
      assertNotNull(discriminator, descriptor.entityClass() + " has no @DiscriminatorValue");
      assertEquals(
          type.code(),
          discriminator.value(),
          descriptor.entityClass() + " is stored as another type than " + type);
    }
    assertEquals(EntryType.values().length, EntryTypes.registered().size());
  }
}
