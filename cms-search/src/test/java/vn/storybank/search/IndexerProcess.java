package vn.storybank.search;

import java.nio.file.Path;
import java.time.Clock;
import vn.storybank.core.Storybank;
import vn.storybank.core.persistence.DatabaseSettings;

/** A node that only follows the change log into its index, for the crash test to kill. */
public final class IndexerProcess {
  private IndexerProcess() {}

  public static void main(String[] args) throws InterruptedException {
    Storybank core =
        Storybank.start(new DatabaseSettings(args[0], args[1], "", 4), Clock.systemUTC());
    SearchIndex index =
        SearchIndex.open(
            core.changes(), core.snapshots(), SearchSettings.defaults(Path.of(args[2])));
    index.start();
    System.out.println("following");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
