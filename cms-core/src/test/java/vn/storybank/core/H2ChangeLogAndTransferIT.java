package vn.storybank.core;

import java.nio.file.Path;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestDatabases;

class H2ChangeLogAndTransferIT extends ChangeLogAndTransferContract {
  @Override
  DatabaseSettings database(Path dir) {
    return TestDatabases.h2(dir);
  }

  @Override
  DatabaseSettings secondDatabase() {
    return TestDatabases.h2(dir.resolve("second"));
  }
}
