package vn.storybank.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What each kind of actor records, and which ones no membership limits. */
class ActorTest {
  @Test
  void recordsTheSameNamesAsBefore() {
    assertEquals("lan", Actor.user("lan").recordedName());
    assertEquals("admin", Actor.superAdmin().recordedName());
    assertEquals("scheduler", Actor.SCHEDULER.recordedName());
    assertEquals("migration", Actor.system("migration").recordedName());
  }

  @Test
  void onlyTheBootstrapAdministratorOfAllUsersIsUnrestricted() {
    assertTrue(Actor.superAdmin().unrestricted());
    assertTrue(Actor.user("admin").unrestricted());
    assertTrue(Actor.isSuperAdmin("admin"));
    assertFalse(Actor.user("lan").unrestricted());
    // A person who picks the scheduler's recorded name gets no more rights for it.
    assertFalse(Actor.user("scheduler").unrestricted());
    assertFalse(new Actor.Partner("key-1").unrestricted());
    assertTrue(Actor.SCHEDULER.unrestricted());
  }
}
