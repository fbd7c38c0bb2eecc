package org.kmcr.identity.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.identity.repository.SourceIdentityRepository;

/** Records source patients and keeps each linked to the person it belongs to, or waiting for a review. */
@ApplicationScoped
public class SourceIdentityService {

    private final PersonMatcher matcher;
    private final SourceIdentityRepository sourceIdentities;
    private final LinkKeeper links;

    SourceIdentityService(PersonMatcher matcher, SourceIdentityRepository sourceIdentities, LinkKeeper links) {
        this.matcher = matcher;
        this.sourceIdentities = sourceIdentities;
        this.links = links;
    }

    /**
     * Finds or creates the source identity (id from its key, see {@code SourceIdentityIds}; NHS number and
     * demographics updated), finds or creates its person through the {@link PersonMatcher}, and settles the
     * link between them ({@link LinkKeeper#settle}): linked, or pending a privacy officer's review when the
     * demographics contradict the person's, in which case the answer carries no person id.
     * <p>
     * Idempotent, and safe when called concurrently for the same source identity or the same person: the
     * inserts yield to rows other transactions are committing, and the source identity's and the person's rows
     * stay locked until the link is settled. Fails with a 422 problem, storing nothing, when the matcher cannot
     * decide.
     */
    @WithTransaction
    public Uni<ResolvedIdentity> resolve(ResolveCommand patient) {
        return matcher.match(patient).chain(match -> sourceIdentities
                .upsertAndLock(patient.source(), patient.nhsNumber(), patient.demographics())
                .chain(source -> links.settle(source, match)));
    }
}
