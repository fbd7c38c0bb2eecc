package org.kmcr.record.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.CallerDetails;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.PrivacyAlert;
import org.kmcr.common.identity.PersonIdentities;
import org.kmcr.common.security.Caller;

/**
 * What record-query does for the obligations a decision carries. It knows how to fulfil only
 * {@link #FULFILLED}; a decision with any other obligation is not disclosed at all.
 */
@ApplicationScoped
public class Obligations {

    static final Set<String> FULFILLED = Set.of(AccessDecision.ALERT_PRIVACY_OFFICER);

    private final ConsentClient consent;

    Obligations(ConsentClient consent) {
        this.consent = consent;
    }

    /** The obligations of the decision that record-query cannot fulfil, in order; empty when it can fulfil all. */
    public List<String> unmet(AccessDecision decision) {
        return decision.obligations().stream().filter(obligation -> !FULFILLED.contains(obligation)).toList();
    }

    /**
     * Fulfils the obligations of a disclosure whose audit event is committed: a privacy officer alert queues one
     * review per audit event (a retry queues no second one).
     */
    public Uni<Void> fulfil(AccessDecision decision, AuditEvent committed, PersonIdentities person, Caller caller,
            String breakGlassReason) {
        if (!decision.obligations().contains(AccessDecision.ALERT_PRIVACY_OFFICER)) {
            return Uni.createFrom().voidItem();
        }
        return consent.alertPrivacyOfficer(new PrivacyAlert(committed.id(), person.personId(), person.nhsNumber(),
                CallerDetails.of(caller), decision.basis(), breakGlassReason));
    }
}
