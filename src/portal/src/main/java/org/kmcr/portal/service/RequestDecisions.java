package org.kmcr.portal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.consent.CorrectionDecision;
import org.kmcr.portal.client.RequestsApi;
import org.kmcr.portal.client.RequestsClient;
import org.kmcr.portal.model.RequestRow;

/**
 * Deciding citizens' requests: a privacy officer accepts or rejects objections and restrictions; the source
 * organisation's staff (or a privacy officer) answer the correction requests routed to them.
 */
@ApplicationScoped
public class RequestDecisions {

    static final int PAGE = 50;

    private final RequestsClient consent;
    private final OrganisationNames names;

    RequestDecisions(RequestsClient consent, OrganisationNames names) {
        this.consent = consent;
        this.names = names;
    }

    /** Objections and restrictions waiting for a decision, newest first. */
    public Uni<List<RequestRow>> waitingDirectives() {
        return names.current().chain(known -> consent.directives("requested", 0, PAGE)
                        .map(bundle -> RequestRows.ofBundle(bundle, known, false)))
                .onFailure().transform(failure -> Failures.unavailable("consent", failure));
    }

    public Uni<List<String>> decideDirective(UUID id, String outcome, String note, String contact) {
        if (!"accept".equals(outcome) && !"reject".equals(outcome)) {
            return Uni.createFrom().item(List.of("Choose accept or reject"));
        }
        return CitizenRequests.refusalsOf(consent.decideDirective(id, new RequestsApi.DirectiveDecision(outcome,
                blankToNull(note), blankToNull(contact))), "The decision was not recorded");
    }

    /** Correction requests routed to the caller, of one status (open, corrected, declined), newest first. */
    public Uni<List<RequestRow>> corrections(String status) {
        return names.current().chain(known -> consent.corrections(status, 0, PAGE)
                        .map(found -> found.stream().map(request -> RequestRows.ofCorrection(request, known)).toList()))
                .onFailure().transform(failure -> Failures.unavailable("consent", failure));
    }

    public Uni<List<String>> answerCorrection(UUID id, String outcome, String note) {
        CorrectionDecision.Outcome chosen = "corrected".equals(outcome) ? CorrectionDecision.Outcome.CORRECTED
                : "declined".equals(outcome) ? CorrectionDecision.Outcome.DECLINED : null;
        if (chosen == null) {
            return Uni.createFrom().item(List.of("Choose corrected or not changed"));
        }
        if (note == null || note.isBlank()) {
            return Uni.createFrom().item(List.of("Write the answer the person will read"));
        }
        return CitizenRequests.refusalsOf(consent.decideCorrection(id, new CorrectionDecision(chosen, note)),
                "The answer was not recorded");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
