package org.kmcr.identity.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.identity.matching.BlockingKeys;
import org.kmcr.identity.matching.MatchSubject;
import org.kmcr.identity.model.SourceIdentity;
import org.kmcr.identity.repository.IdentityLinkRepository;
import org.kmcr.identity.repository.SourceIdentityRepository;

/** Records source patients and keeps each linked to the person it belongs to, or waiting for a review. */
@ApplicationScoped
public class SourceIdentityService {

    static final String NOTHING_TO_MATCH = "This patient cannot be matched: send a valid NHS number, or at least a"
            + " family name or first name and one more of family name, first name, date of birth or postcode.";

    private final PersonMatcher matcher;
    private final SourceIdentityRepository sourceIdentities;
    private final LinkKeeper links;
    private final IdentityLinkRepository currentLinks;

    SourceIdentityService(PersonMatcher matcher, SourceIdentityRepository sourceIdentities, LinkKeeper links,
            IdentityLinkRepository currentLinks) {
        this.matcher = matcher;
        this.sourceIdentities = sourceIdentities;
        this.links = links;
        this.currentLinks = currentLinks;
    }

    /**
     * Finds or creates the source identity (id from its key, see {@code SourceIdentityIds}; a valid NHS number and
     * the demographics updated, a version kept when they change, the blocking keys recomputed), finds or creates
     * its person through the {@link PersonMatcher}, and settles the link between them ({@link LinkKeeper#settle}):
     * linked, or pending a privacy officer's review (the answer then carries no person id).
     * <p>
     * An NHS number that fails the check digit is kept in the version history only, never used to match. Fails
     * with a 422 problem, storing nothing, when there is neither a valid NHS number nor enough demographics.
     * Idempotent, and safe when called concurrently: the source identity's row, the blocks it falls in and the
     * persons concerned stay locked until the link is settled.
     */
    @WithTransaction
    public Uni<ResolvedIdentity> resolve(ResolveCommand patient) {
        MatchSubject incoming = MatchSubject.of(patient.nhsNumber(), patient.demographics());
        if (incoming.nhsNumber() == null && !incoming.matchable()) {
            String problem = NhsNumber.problemWith(patient.nhsNumber()).orElse("");
            return Uni.createFrom().failure(ProblemException.unprocessable(problem + ". " + NOTHING_TO_MATCH));
        }
        return store(patient, incoming)
                .chain(source -> currentLinks.findCurrent(source.id).chain(current -> matcher.match(source, current)
                        .chain(match -> links.settle(source, match, current))));
    }

    /**
     * The source identity written, indexed, a version kept, and its row and blocks locked: in one or two
     * statements when the demographics were sent; else (the stored ones kept, so the keys are known only after
     * the write) in four.
     */
    private Uni<SourceIdentity> store(ResolveCommand patient, MatchSubject incoming) {
        if (patient.demographics() != null) {
            return sourceIdentities.upsertIndexAndLock(patient.source(), incoming.nhsNumber(), patient.demographics(),
                    index(incoming), patient.nhsNumber());
        }
        return sourceIdentities.upsertAndLock(patient.source(), incoming.nhsNumber(), null).call(source -> {
            SourceIdentityRepository.Index index = index(MatchSubject.of(source.nhsNumber, source.demographics));
            return sourceIdentities.index(source.id, index, patient.nhsNumber())
                    .chain(() -> sourceIdentities.lockBlocks(index.blockingKeys()));
        });
    }

    private static SourceIdentityRepository.Index index(MatchSubject stored) {
        return new SourceIdentityRepository.Index(BlockingKeys.of(stored), stored.given(), stored.family(),
                stored.town(), stored.birthDigits());
    }

}
