package vn.storybank.core.entry;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** The queries over review comments, in the transaction of the entity manager it is given. */
public final class CommentQueries {
  private final EntityManager em;

  public CommentQueries(EntityManager em) {
    this.em = em;
  }

  /** The entry's comments, oldest first. */
  public List<EntryComment> of(UUID entry) {
    return em.createQuery(
            "select c from EntryComment c where c.entryId = :id order by c.createdAt, c.id",
            EntryComment.class)
        .setParameter("id", entry)
        .getResultList();
  }
}
