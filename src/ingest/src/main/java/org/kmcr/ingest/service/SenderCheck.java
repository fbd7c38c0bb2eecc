package org.kmcr.ingest.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.InstantSource;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.SharingPartner;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.ingest.config.LookupCacheConfig;
import org.kmcr.ingest.model.Sender;

/**
 * Only sharing partners whose agreement is in force may send, on any feed. A sender found in force is taken as in
 * force for {@link LookupCacheConfig#partners()} without asking consent again (a feed sends many messages a second);
 * a sender not in force is asked about every time.
 */
@ApplicationScoped
public class SenderCheck {

    /** More partners than a region has (about 800 organisations): the cache never fills in practice. */
    static final int MAX_PARTNERS = 10_000;

    private final ConsentClient consent;
    private final ExpiringCache<String, SharingPartner> inForce;

    @Inject
    SenderCheck(ConsentClient consent, LookupCacheConfig config) {
        this(consent, config, InstantSource.system());
    }

    SenderCheck(ConsentClient consent, LookupCacheConfig config, InstantSource clock) {
        this.consent = consent;
        this.inForce = new ExpiringCache<>(config.partners(), MAX_PARTNERS, clock);
    }

    /** The sender's entry in the partner register; a 403 problem for an organisation outside the agreement. */
    public Uni<SharingPartner> requirePartner(Sender sender) {
        SharingPartner known = inForce.get(sender.orgCode());
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return consent.sharingPartner(sender.orgCode()).map(partner -> {
            if (partner == null || !partner.inForce()) {
                inForce.remove(sender.orgCode());
                throw ProblemException.forbidden(sender.orgCode() + " is not a sharing partner: KMCR accepts "
                        + "records only from organisations whose joint controllers' agreement is in force");
            }
            inForce.put(sender.orgCode(), partner);
            return partner;
        });
    }
}
