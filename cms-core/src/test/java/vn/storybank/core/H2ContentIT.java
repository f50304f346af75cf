package vn.storybank.core;

import java.nio.file.Path;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestDatabases;

class H2ContentIT extends ContentModelContract {
  @Override
  DatabaseSettings database(Path dir) {
    return TestDatabases.h2(dir);
  }
}
