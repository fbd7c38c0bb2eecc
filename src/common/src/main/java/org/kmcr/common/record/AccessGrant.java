package org.kmcr.common.record;

import java.util.List;
import java.util.UUID;

/**
 * Why the caller may see this record, and the audit event that records that they did.
 *
 * @param basis                 the relationship kind, or self, break-glass, self-claimed
 * @param reason                the decision's reason, in words
 * @param privacyOfficerAlerted true when this access was queued for a privacy officer's review
 */
public record AccessGrant(String basis, String reason, boolean brokeGlass, List<String> permittedCategories,
        List<String> obligations, boolean privacyOfficerAlerted, UUID auditEventId) {
}
