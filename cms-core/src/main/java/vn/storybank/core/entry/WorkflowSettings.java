package vn.storybank.core.entry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;

/**
 * A tenant's review rules: the topic term codes that make an entry sensitive (publishing it needs
 * two approvers other than the author), and whether a non-sensitive translation may be published
 * straight from draft. A tenant without a row has the defaults.
 *
 * <p>It lives here, beside the publish step ({@link Workflow}) that reads it, so that this package
 * does not know the workflow package above it, whose settings endpoint writes it.
 */
@Entity
@Table(name = "workflow_settings")
public class WorkflowSettings {
  /** Topics on which a mistake harms people or the province: always reviewed twice. */
  /** The length of the sensitive_topics column (V6 migration), codes one per line. */
  public static final int MAX_TOPICS_CHARS = 4000;

  public static final List<String> DEFAULT_SENSITIVE_TOPICS =
      List.of("borders-sovereignty", "ethnicity", "religion", "human-rights");

  @Id
  @Column(name = "tenant_code")
  private String tenant;

  /** One term code per line. */
  @Column(name = "sensitive_topics", nullable = false)
  private String sensitiveTopics;

  @Column(name = "direct_publish", nullable = false)
  private boolean directPublish;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected WorkflowSettings() {}

  public WorkflowSettings(String tenant, List<String> sensitiveTopics, boolean directPublish) {
    this.tenant = tenant;
    replace(sensitiveTopics, directPublish);
  }

  public void replace(List<String> topics, boolean direct) {
    this.sensitiveTopics = String.join("\n", topics);
    this.directPublish = direct;
  }

  /** The tenant's settings, or the defaults (not persisted) when it has none. */
  public static WorkflowSettings of(EntityManager em, String tenant) {
    WorkflowSettings stored = em.find(WorkflowSettings.class, tenant);
    return stored != null ? stored : new WorkflowSettings(tenant, DEFAULT_SENSITIVE_TOPICS, true);
  }

  public List<String> sensitiveTopics() {
    return sensitiveTopics.isEmpty() ? List.of() : Arrays.asList(sensitiveTopics.split("\n"));
  }

  public boolean directPublish() {
    return directPublish;
  }

  public String tenant() {
    return tenant;
  }
}
