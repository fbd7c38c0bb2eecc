package org.kmcr.common.audit;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.security.Caller;
import org.kmcr.common.security.CurrentCaller;

/**
 * Writes the audit event of a governance action by the current caller and returns once it is committed: call it
 * before the action, so that no change is made and nothing is shown unless its audit event is durable.
 */
@ApplicationScoped
public class GovernanceAudit {

    private final AuditClient audit;
    private final CurrentCaller caller;

    GovernanceAudit(AuditClient audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    /** Records that the current caller takes the action, about a person when one is named (ids may be null). */
    public Uni<Void> record(String action, UUID subjectPersonId, String subjectNhsNumber) {
        return audit.record(GovernanceEvents.of(caller.get(), action, subjectPersonId, subjectNhsNumber))
                .replaceWithVoid();
    }

    /**
     * Records an action of the given caller with its outcome and the record categories it showed: for actions
     * audited inside their own transaction, where the caller is already at hand.
     */
    public Uni<Void> record(Caller actor, String action, String outcome, UUID subjectPersonId,
            String subjectNhsNumber, List<String> categories) {
        return audit.record(GovernanceEvents.of(actor, action, outcome, subjectPersonId, subjectNhsNumber,
                categories)).replaceWithVoid();
    }

    /** Records an action with no person as its subject. */
    public Uni<Void> record(String action) {
        return record(action, null, null);
    }
}
