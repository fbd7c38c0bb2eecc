package org.kmcr.common.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.security.Caller;

/**
 * Audit events for governance actions (changes to partners, relationships and reviews; reads of review queues,
 * relationship lists, dead letters and the audit log): who acted, from their token, and on whom, if anyone.
 * Identifiers only, never content.
 */
public final class GovernanceEvents {

    public static final String PURPOSE = "governance";
    public static final String PERMITTED = "permitted";
    public static final String NOT_FOUND = "not-found";

    private GovernanceEvents() {
    }

    /** An event for an action the caller took, optionally about one person. */
    public static AuditEvent of(Caller actor, String action, UUID subjectPersonId, String subjectNhsNumber) {
        return of(actor, action, PERMITTED, subjectPersonId, subjectNhsNumber, List.of());
    }

    /**
     * An event for an action the caller took, with its outcome and the record categories it showed.
     *
     * @param outcome e.g. {@link #PERMITTED}, {@link #NOT_FOUND}, or the decision an officer made
     */
    public static AuditEvent of(Caller actor, String action, String outcome, UUID subjectPersonId,
            String subjectNhsNumber, List<String> categories) {
        return new AuditEvent(UUID.randomUUID(), Instant.now(), action, outcome, actorOf(actor), PURPOSE, null,
                null, subjectPersonId, subjectNhsNumber, categories);
    }

    /** The caller as the audit log names them. */
    public static AuditEvent.Actor actorOf(Caller caller) {
        return new AuditEvent.Actor(caller.userId(), caller.displayName(), caller.primaryRole(), caller.orgCode(),
                caller.roleProfileId(), caller.roleCode(), caller.clientId());
    }
}
