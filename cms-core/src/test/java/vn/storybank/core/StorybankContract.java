package vn.storybank.core;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import vn.storybank.core.account.Actor;
import vn.storybank.core.persistence.DatabaseSettings;
import vn.storybank.core.testing.TestContent;

/** A started core with the small Lào Cai test tenant, on the database a subclass names. */
abstract class StorybankContract {
  static final String T = TestContent.TENANT;
  static final Actor ACTOR = TestContent.ACTOR;

  @TempDir Path dir;
  Storybank storybank;

  abstract DatabaseSettings database(Path dir);

  @BeforeEach
  void start() {
    storybank = Storybank.start(database(dir), Clock.systemUTC());
    TestContent.laoCai(storybank);
  }

  @AfterEach
  void stop() {
    storybank.close();
  }
}
