package org.kmcr.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.audit.GovernanceEvents;
import org.kmcr.common.security.Caller;

/**
 * Writes identity's governance actions to the audit log, committed before the action's answer is given: the
 * caller and outcome are named explicitly, since a decision is audited inside its transaction.
 */
@ApplicationScoped
public class GovernanceAudit {

    public static final String LIST_REVIEWS = "identity.link-review.list";
    public static final String DECIDE_REVIEW = "identity.link-review.decide";
    public static final String PERMITTED = GovernanceEvents.PERMITTED;
    /** A link review shows who the person is: the record category of names, dates of birth and sex. */
    static final List<String> CATEGORIES = List.of("demographics");

    private final AuditClient audit;

    GovernanceAudit(AuditClient audit) {
        this.audit = audit;
    }

    /**
     * Records that the caller did the action; fails with a 503 problem when audit cannot commit it.
     *
     * @param subjectPersonId and {@code subjectNhsNumber}: the person acted on, or null for a list of many
     */
    public Uni<AuditReceipt> record(Caller caller, String action, String outcome, UUID subjectPersonId,
            String subjectNhsNumber) {
        return audit.record(GovernanceEvents.of(caller, action, outcome, subjectPersonId, subjectNhsNumber,
                CATEGORIES));
    }
}
