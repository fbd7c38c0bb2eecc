package org.kmcr.audit.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.common.consent.AccessDecision;

/**
 * One access to a citizen's record, as the citizen sees it: who, in what role and organisation, when, why,
 * and what they were shown.
 */
public record RecordAccessView(Instant when, String who, String role, String organisation,
        String organisationName, String purpose, String basis, boolean brokeGlass, String outcome,
        List<String> sawCategories) {

    /** @param organisationNames partner names by ODS code; an organisation not in it is shown by code only */
    static RecordAccessView of(AuditEntry e, Map<String, String> organisationNames) {
        return new RecordAccessView(e.occurredAt, e.actorName, e.actorRole, e.actorOrg,
                e.actorOrg == null ? null : organisationNames.get(e.actorOrg), e.purpose, e.accessBasis,
                AccessDecision.BREAK_GLASS.equals(e.accessBasis), e.outcome, AuditEntryView.categories(e));
    }
}
