package vn.storybank.core.account;

import java.nio.file.Path;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestDatabases;

class PostgresAccountsIT extends AccountsContract {
  @Override
  DatabaseSettings database(Path dir) {
    return TestDatabases.postgres();
  }
}
