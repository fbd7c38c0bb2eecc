package org.kmcr.portal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.kmcr.common.consent.SharingPartner;
import org.kmcr.portal.client.ConsentPortalClient;

/**
 * The sharing partners' names by ODS code, from consent's register, kept for five minutes (they change rarely).
 * A user whose role may not read the register (a citizen), or a register that does not answer, gets codes only.
 */
@ApplicationScoped
public class OrganisationNames {

    static final Duration KEEP = Duration.ofMinutes(5);

    private final ConsentPortalClient consent;
    private volatile Map<String, String> names = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    OrganisationNames(ConsentPortalClient consent) {
        this.consent = consent;
    }

    public Uni<Map<String, String>> current() {
        if (Instant.now().isBefore(loadedAt.plus(KEEP))) {
            return Uni.createFrom().item(names);
        }
        return consent.sharingPartners().map(partners -> {
            Map<String, String> loaded = new HashMap<>();
            for (SharingPartner partner : partners) {
                loaded.put(partner.odsCode(), partner.name());
            }
            names = Map.copyOf(loaded);
            loadedAt = Instant.now();
            return names;
        }).onFailure().recoverWithItem(() -> names);
    }
}
