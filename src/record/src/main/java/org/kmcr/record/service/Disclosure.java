package org.kmcr.record.service;

import java.util.List;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.identity.PersonIdentities;
import org.kmcr.recordmodel.model.CareItem;

/** What may be shown, now that consent permitted it and the audit service has committed the access. */
public record Disclosure(PersonIdentities person, AccessDecision decision, AuditReceipt audit, List<CareItem> items) {
}
