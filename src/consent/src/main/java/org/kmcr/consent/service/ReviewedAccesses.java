package org.kmcr.consent.service;

import java.util.List;
import org.kmcr.consent.model.BreakGlassAccess;
import org.kmcr.consent.model.BreakGlassReview;

/** A review with the further accesses made within its break-glass window that joined it, oldest first. */
public record ReviewedAccesses(BreakGlassReview review, List<BreakGlassAccess> accesses) {

    public ReviewedAccesses {
        accesses = List.copyOf(accesses);
    }
}
