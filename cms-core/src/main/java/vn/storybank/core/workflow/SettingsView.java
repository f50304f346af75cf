package vn.storybank.core.workflow;

import java.util.List;

/**
 * A tenant's review rules as the API shows and takes them.
 *
 * @param sensitiveTopics topic term codes whose entries need two approvers other than the author
 * @param directPublish whether a non-sensitive translation may be published without approval
 */
public record SettingsView(List<String> sensitiveTopics, Boolean directPublish) {}
