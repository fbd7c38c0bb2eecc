package org.kmcr.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.security.Caller;

/** Writes identity's governance actions to the audit log, committed before the action's answer is given. */
@ApplicationScoped
public class GovernanceAudit {

    public static final String PURPOSE = "governance";
    public static final String LIST_REVIEWS = "identity.link-review.list";
    public static final String DECIDE_REVIEW = "identity.link-review.decide";
    public static final String PERMITTED = "permitted";
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
        AuditEvent.Actor actor = new AuditEvent.Actor(caller.userId(), caller.displayName(), caller.primaryRole(),
                caller.orgCode(), caller.roleProfileId(), caller.roleCode(), caller.clientId());
        return audit.record(new AuditEvent(UUID.randomUUID(), Instant.now(), action, outcome, actor, PURPOSE,
                null, null, subjectPersonId, subjectNhsNumber, CATEGORIES));
    }
}
