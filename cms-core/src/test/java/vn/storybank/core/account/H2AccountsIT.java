package vn.storybank.core.account;

import java.nio.file.Path;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestDatabases;

class H2AccountsIT extends AccountsContract {
  @Override
  DatabaseSettings database(Path dir) {
    return TestDatabases.h2(dir);
  }
}
