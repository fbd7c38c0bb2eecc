package org.kmcr.portal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.kmcr.portal.client.PatternAlertsApi;
import org.kmcr.portal.client.PatternAlertsClient;
import org.kmcr.portal.model.PatternAlertRow;

/** The unusual access patterns audit finds in its log (many records in an hour, out of hours), to review. */
@ApplicationScoped
public class PatternAlerts {

    static final int PAGE = 50;
    static final List<String> OUTCOMES = List.of("appropriate", "inappropriate", "referred");

    private final PatternAlertsClient audit;

    PatternAlerts(PatternAlertsClient audit) {
        this.audit = audit;
    }

    public Uni<List<PatternAlertRow>> open() {
        return audit.list(true, PAGE).map(alerts -> alerts.stream().map(PatternAlerts::row).toList())
                .onFailure().transform(f -> Failures.unavailable("audit", f));
    }

    public Uni<List<PatternAlertRow>> reviewed() {
        return audit.list(false, PAGE).map(alerts -> alerts.stream().filter(alert -> alert.reviewedAt() != null)
                        .map(PatternAlerts::row).toList())
                .onFailure().transform(f -> Failures.unavailable("audit", f));
    }

    /** Records the finding; a refusal (no outcome chosen, a note too long, no such alert) as its messages. */
    public Uni<List<String>> review(UUID id, String outcome, String note) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            return Uni.createFrom().item(List.of("Choose what you found: appropriate, inappropriate or referred"));
        }
        return audit.review(id, outcome, note == null || note.isBlank() ? null : note).map(done -> List.<String>of())
                .onFailure(failure -> Failures.status(failure) >= 400 && Failures.status(failure) < 500)
                .recoverWithItem(failure -> Failures.messages(failure, "The finding was not recorded"))
                .onFailure().transform(f -> Failures.unavailable("audit", f));
    }

    static PatternAlertRow row(PatternAlertsApi.PatternAlert alert) {
        String pattern = "many-records-in-an-hour".equals(alert.kind()) ? "Many records in an hour"
                : "out-of-hours".equals(alert.kind()) ? "Records opened out of hours" : alert.kind();
        String who = (alert.actorName() == null ? alert.actorUserId() : alert.actorName())
                + (alert.actorOrg() == null ? "" : ", " + alert.actorOrg());
        String when = alert.occurredFrom() == null ? "" : SummaryViews.dayTime(alert.occurredFrom())
                + (alert.occurredTo() == null || alert.occurredTo().equals(alert.occurredFrom()) ? ""
                : " to " + SummaryViews.dayTime(alert.occurredTo()));
        String outcome = alert.reviewedAt() == null ? "" : alert.outcome()
                + (alert.note() == null ? "" : ": " + alert.note()) + " (" + alert.reviewedBy() + ", "
                + SummaryViews.dayTime(alert.reviewedAt()) + ")";
        return new PatternAlertRow(alert.id(), pattern, who, when, alert.detail(),
                alert.subjectNhsNumber() == null ? "" : NhsNumbers.spaced(alert.subjectNhsNumber()), outcome);
    }
}
