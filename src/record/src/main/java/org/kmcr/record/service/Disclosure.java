package org.kmcr.record.service;

import java.util.List;
import java.util.UUID;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.identity.PersonIdentities;
import org.kmcr.recordmodel.model.CareItem;

/**
 * What may be shown, now that consent permitted it, the audit service has committed the access and its
 * obligations are met.
 *
 * @param auditEventId the audit event recording this disclosure (never the log's sequence, a system-wide counter)
 */
public record Disclosure(PersonIdentities person, AccessDecision decision, UUID auditEventId, List<CareItem> items) {
}
