package org.kmcr.record.service;

import java.util.List;
import java.util.UUID;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.identity.PersonIdentities;

/**
 * What may be shown, now that consent permitted it, the audit service has committed the access and its
 * obligations are met: the items after the decision's categories, item rules and redactions.
 *
 * @param auditEventId the audit event recording this disclosure (never the log's sequence, a system-wide counter)
 * @param withheld     the categories that show "information withheld": some of their items are withheld by a rule
 *                     that lets that be known
 */
public record Disclosure(PersonIdentities person, AccessDecision decision, UUID auditEventId,
        List<DisclosedItem> items, List<CareCategory> withheld) {

    public Disclosure withAuditEvent(UUID id) {
        return new Disclosure(person, decision, id, items, withheld);
    }
}
