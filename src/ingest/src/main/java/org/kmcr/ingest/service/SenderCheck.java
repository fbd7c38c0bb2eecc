package org.kmcr.ingest.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.SharingPartner;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.ingest.model.Sender;

/** Only sharing partners whose agreement is in force may send, on any feed. */
@ApplicationScoped
public class SenderCheck {

    private final ConsentClient consent;

    SenderCheck(ConsentClient consent) {
        this.consent = consent;
    }

    /** The sender's entry in the partner register; a 403 problem for an organisation outside the agreement. */
    public Uni<SharingPartner> requirePartner(Sender sender) {
        return consent.sharingPartner(sender.orgCode()).map(partner -> {
            if (partner == null || !partner.inForce()) {
                throw ProblemException.forbidden(sender.orgCode() + " is not a sharing partner: KMCR accepts "
                        + "records only from organisations whose joint controllers' agreement is in force");
            }
            return partner;
        });
    }
}
