package vn.storybank.core.workflow;

import java.nio.file.Path;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestDatabases;

class H2WorkflowIT extends WorkflowContract {
  @Override
  DatabaseSettings database(Path dir) {
    return TestDatabases.h2(dir.resolve("db"));
  }
}
