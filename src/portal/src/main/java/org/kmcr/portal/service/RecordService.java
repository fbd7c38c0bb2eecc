package org.kmcr.portal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.kmcr.common.consent.BreakGlass;
import org.kmcr.common.consent.BreakGlassReason;
import org.kmcr.common.record.RecordSummary;
import org.kmcr.portal.client.RecordApi;
import org.kmcr.portal.client.RecordClient;

/** The record pages' calls to record query, as the signed-in user, and what their answers mean for the page. */
@ApplicationScoped
public class RecordService {

    private final RecordClient record;
    private final OrganisationNames names;

    RecordService(RecordClient record, OrganisationNames names) {
        this.record = record;
        this.names = names;
    }

    /** The summary of the person with this NHS number (digits), as the user may see it. */
    public Uni<RecordAnswer> summary(String nhsNumber, boolean plainEnglish) {
        return answer(record.summary(nhsNumber), plainEnglish);
    }

    /** Breaks glass: a reason from the list and the user's own words; the access is reviewed. */
    public Uni<RecordAnswer> breakGlass(String nhsNumber, BreakGlassReason reason, String text) {
        return answer(record.breakGlass(nhsNumber, new BreakGlass(reason, text)), false);
    }

    /** Claims a relationship for the user's organisation (30 days); every access on it is reviewed. */
    public Uni<RecordAnswer> selfClaim(String nhsNumber, String reason) {
        return answer(record.selfClaim(nhsNumber, new RecordApi.SelfClaimRequest(reason)), false);
    }

    private Uni<RecordAnswer> answer(Uni<RecordSummary> call, boolean plainEnglish) {
        return call.chain(summary -> names.current().map(known -> (RecordAnswer) new RecordAnswer.Shown(
                        SummaryViews.of(summary, known, plainEnglish, Instant.now()))))
                .onFailure().recoverWithUni(failure -> Uni.createFrom().item(refusal(failure)));
    }

    private static RecordAnswer refusal(Throwable failure) {
        return switch (Failures.status(failure)) {
            case 400 -> new RecordAnswer.Invalid(Failures.messages(failure, "Check what you entered"));
            case 403 -> new RecordAnswer.Refused(Failures.messages(failure, "You may not see this record"));
            case 404 -> new RecordAnswer.NotFound();
            default -> throw Failures.unavailable("record", failure);
        };
    }
}
