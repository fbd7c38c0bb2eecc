package org.kmcr.portal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.kmcr.portal.client.AccessReview;
import org.kmcr.portal.client.ConsentApi;
import org.kmcr.portal.client.ConsentPortalClient;

/** The privacy officer's queue of break-glass and self-claimed accesses, and their review outcomes. */
@ApplicationScoped
public class AccessReviews {

    static final int PAGE = 50;

    private final ConsentPortalClient consent;

    AccessReviews(ConsentPortalClient consent) {
        this.consent = consent;
    }

    public Uni<List<AccessReview>> open() {
        return consent.reviews("open", 0, PAGE).onFailure().transform(f -> Failures.unavailable("consent", f));
    }

    public Uni<List<AccessReview>> closed() {
        return consent.reviews("closed", 0, PAGE).onFailure().transform(f -> Failures.unavailable("consent", f));
    }

    /** Records the outcome; a refusal (own access, already closed, bad input) comes back as its messages. */
    public Uni<List<String>> close(UUID id, String outcome, String note) {
        return consent.close(id, new ConsentApi.ReviewOutcome(outcome, note)).map(done -> List.<String>of())
                .onFailure(failure -> Failures.status(failure) >= 400 && Failures.status(failure) < 500)
                .recoverWithItem(failure -> Failures.messages(failure, "The outcome was not recorded"))
                .onFailure().transform(f -> Failures.unavailable("consent", f));
    }
}
