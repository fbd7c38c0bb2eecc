package org.kmcr.record.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.CallerDetails;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.Obligation;
import org.kmcr.common.consent.PrivacyAlert;
import org.kmcr.common.identity.PersonIdentities;
import org.kmcr.common.security.Caller;

/**
 * What record-query does for the obligations a decision carries. It knows how to fulfil only
 * {@link #FULFILLED}: the audit of the disclosure ({@link SummaryService} commits it before anything is shown) and
 * the privacy officer alert; a decision with any other obligation is not disclosed at all.
 */
@ApplicationScoped
public class Obligations {

    static final Set<Obligation> FULFILLED = EnumSet.of(Obligation.AUDIT_DISCLOSURE,
            Obligation.ALERT_PRIVACY_OFFICER);

    private final ConsentClient consent;

    Obligations(ConsentClient consent) {
        this.consent = consent;
    }

    /** The obligations of the decision that record-query cannot fulfil, in order; empty when it can fulfil all. */
    public List<String> unmet(AccessDecision decision) {
        return decision.obligations().stream().filter(obligation -> !FULFILLED.contains(obligation))
                .map(Obligation::code).sorted().toList();
    }

    /**
     * Fulfils the obligations of a disclosure whose audit event is committed: a privacy officer alert queues one
     * review per audit event (a retry queues no second one).
     */
    public Uni<Void> fulfil(AccessDecision decision, AuditEvent committed, PersonIdentities person, Caller caller,
            String breakGlassStatement) {
        if (!decision.obliges(Obligation.ALERT_PRIVACY_OFFICER)) {
            return Uni.createFrom().voidItem();
        }
        return consent.alertPrivacyOfficer(new PrivacyAlert(committed.id(), person.personId(), person.nhsNumber(),
                CallerDetails.of(caller), decision.basis(), breakGlassStatement));
    }
}
