package org.kmcr.audit.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.kmcr.audit.mapping.AccessInWords;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.service.ChainHash;
import org.kmcr.audit.service.CitizenAccessLog;
import org.kmcr.auditverifier.AuditExport;
import org.kmcr.auditverifier.InclusionProof;
import org.kmcr.auditverifier.SignedCheckpoint;
import org.kmcr.common.consent.AccessDecision;

/**
 * One access to a citizen's record, as the citizen sees it: who, in what role and organisation, when, why (a
 * break-glass reason included), and what they were shown, also as one sentence in plain words. Asked with proofs,
 * it also carries the entry as it is hashed, its inclusion proof and the signed checkpoint the proof leads to.
 */
public record RecordAccessView(Instant when, String who, String role, String organisation,
        String organisationName, String purpose, String basis, boolean brokeGlass, String breakGlassReason,
        String outcome, List<String> sawCategories, String inWords,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> entry,
        @JsonInclude(JsonInclude.Include.NON_NULL) InclusionProof proof,
        @JsonInclude(JsonInclude.Include.NON_NULL) SignedCheckpoint checkpoint) {

    /** @param organisationNames partner names by ODS code; an organisation not in it is shown by code only */
    static RecordAccessView of(CitizenAccessLog.Access access, Map<String, String> organisationNames) {
        AuditEntry e = access.entry();
        String organisationName = e.actorOrg == null ? null : organisationNames.get(e.actorOrg);
        return new RecordAccessView(e.occurredAt, e.actorName, e.actorRole, e.actorOrg, organisationName, e.purpose,
                e.accessBasis, AccessDecision.BREAK_GLASS.equals(e.accessBasis), e.breakGlassReason, e.outcome,
                AuditEntryView.categories(e), AccessInWords.of(e, organisationName),
                access.proof() == null ? null : AuditExport.entry(ChainHash.fields(e), e.hash), access.proof(),
                access.checkpoint());
    }
}
