package vn.storybank.core.demo;

import java.util.List;
import java.util.logging.Logger;
import vn.storybank.core.Storybank;
import vn.storybank.core.account.AccountService;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;
import vn.storybank.core.transfer.ImportReport;

/** The bundled demo tenants (Lào Cai and Thái Nguyên), loaded into an empty database. */
public final class DemoContent {
  private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());
  static final List<String> TENANTS = List.of("lao-cai", "thai-nguyen");

  private DemoContent() {}

  /** Loads the demo tenants if the database has no tenant yet; returns whether it did. */
  public static boolean loadIfEmpty(Storybank storybank) {
    if (!storybank.tenants().list().isEmpty()) {
      return false;
    }
    for (String tenant : TENANTS) {
      ImportReport report =
          storybank
              .transfer()
              .importResource(tenant, "/demo/" + tenant + ".ndjson", AccountService.ADMIN);
      if (!report.committed()) {
        throw new StorybankException(
            ErrorKind.INVALID, "The bundled demo content of " + tenant + " is invalid: " + report);
      }
      LOG.info(() -> "Loaded demo content for " + tenant + ": " + report.created() + " records");
    }
    return true;
  }
}
