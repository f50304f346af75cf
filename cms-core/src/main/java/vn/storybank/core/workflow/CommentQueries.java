package vn.storybank.core.workflow;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** The queries over review comments, in the transaction of the entity manager it is given. */
final class CommentQueries {
  private final EntityManager em;

  CommentQueries(EntityManager em) {
    this.em = em;
  }

  /** The entry's comments, oldest first. */
  List<EntryComment> of(UUID entry) {
    return em.createQuery(
            "select c from EntryComment c where c.entryId = :id order by c.createdAt, c.id",
            EntryComment.class)
        .setParameter("id", entry)
        .getResultList();
  }
}
