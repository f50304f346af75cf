package vn.storybank.core;

import java.nio.file.Path;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestDatabases;

class PostgresChangeLogAndTransferIT extends ChangeLogAndTransferContract {
  @Override
  DatabaseSettings database(Path dir) {
    return TestDatabases.postgres();
  }

  @Override
  DatabaseSettings secondDatabase() {
    return TestDatabases.postgres();
  }
}
