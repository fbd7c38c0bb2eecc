package org.kmcr.audit.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.kmcr.audit.model.PatternAlert;
import org.kmcr.audit.repository.PatternAlertRepository;
import org.kmcr.common.audit.GovernanceEvents;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;

/** The privacy officers' queue of pattern alerts: read it, and record a review; both are audited. */
@ApplicationScoped
public class PatternAlerts {

    public static final String LIST = "audit.pattern-alert.list";
    public static final String REVIEW = "audit.pattern-alert.review";

    private final PatternAlertRepository alerts;
    private final AuditLogService log;

    PatternAlerts(PatternAlertRepository alerts, AuditLogService log) {
        this.alerts = alerts;
        this.log = log;
    }

    /** Alerts, newest first; the read is recorded before it is answered. */
    public Uni<List<PatternAlert>> list(Caller caller, boolean openOnly, int page, int size) {
        return alerts.list(openOnly, page, size).call(found -> log.append(GovernanceEvents.of(caller, LIST, null,
                null)));
    }

    /**
     * Records the officer's review of an alert, audited first with the outcome and the alert's subject; 404 for an
     * unknown alert. A later review supersedes an earlier one; none is ever changed.
     */
    public Uni<PatternAlert> review(Caller caller, UUID id, String outcome, String note) {
        return alerts.find(id).chain(alert -> {
            if (alert == null) {
                throw ProblemException.notFound("There is no pattern alert " + id);
            }
            return log.append(GovernanceEvents.of(caller, REVIEW, outcome, null, alert.subjectNhsNumber(), List.of()))
                    .chain(() -> alerts.review(id, outcome, note, caller.userId(), caller.displayName()))
                    .chain(() -> alerts.find(id));
        });
    }
}
