package org.kmcr.audit.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;
import org.kmcr.common.consent.ConsentClient;

/**
 * The names of the organisations that appear in a citizen's access log, from consent's register of sharing
 * partners. Names are a courtesy: when consent cannot answer, organisations are shown by ODS code only.
 */
@ApplicationScoped
public class OrganisationNames {

    private static final Logger LOG = Logger.getLogger(OrganisationNames.class);

    private final ConsentClient consent;

    OrganisationNames(ConsentClient consent) {
        this.consent = consent;
    }

    /** Partner names by ODS code; empty when consent is unavailable. */
    public Uni<Map<String, String>> organisationNames() {
        return consent.organisationNames().onFailure().recoverWithItem(failure -> {
            LOG.warn("Organisation names unavailable; showing ODS codes only");
            return Map.of();
        });
    }
}
