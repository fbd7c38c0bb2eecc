package org.kmcr.consent.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.kmcr.consent.model.Relationship;
import org.kmcr.consent.policy.Episodes;
import org.kmcr.consent.repository.RelationshipRepository;

/**
 * Applies the episode rules ({@link Episodes}) to one (person, organisation, kind) under a lock: starts, ends or
 * leaves the latest episode, or says why not. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class EpisodeWriter {

    private final RelationshipRepository repository;
    private final Clock clock;

    EpisodeWriter(RelationshipRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** What applying a proposal did; {@code relationship} is null only when refused. */
    public record Applied(Relationship relationship, Change change, String refusal) {

        public enum Change { STARTED, ENDED, UNCHANGED, REFUSED }
    }

    /**
     * @param author the new episode, filled with who asserted it (person, org and kind are set here), used only
     *               when the proposal starts one
     * @param endedBy who ends the current episode, when the proposal ends it
     */
    public Uni<Applied> apply(UUID personId, String orgCode, Episodes.Proposal proposal, Relationship author,
            String endedBy) {
        LocalDate today = LocalDate.now(clock);
        return repository.lock(personId, orgCode, proposal.kind())
                .chain(() -> repository.latest(personId, orgCode, proposal.kind()))
                .chain(latest -> {
                    Episodes.Step step = Episodes.next(episode(latest), proposal, today);
                    if (step instanceof Episodes.Start start) {
                        author.id = UUID.randomUUID();
                        author.personId = personId;
                        author.orgCode = orgCode;
                        author.kind = proposal.kind();
                        author.startedOn = start.startedOn();
                        author.endsOn = start.endsOn();
                        author.createdAt = now();
                        return repository.persist(author).map(created -> new Applied(created, Applied.Change.STARTED,
                                null));
                    }
                    if (step instanceof Episodes.End end) {
                        latest.endsOn = end.endsOn();
                        latest.endedBy = endedBy;
                        latest.endedAt = now();
                        return Uni.createFrom().item(new Applied(latest, Applied.Change.ENDED, null));
                    }
                    if (step instanceof Episodes.Refuse refuse) {
                        return Uni.createFrom().item(new Applied(null, Applied.Change.REFUSED, refuse.reason()));
                    }
                    return Uni.createFrom().item(new Applied(latest, Applied.Change.UNCHANGED, null));
                });
    }

    private static Episodes.Episode episode(Relationship latest) {
        return latest == null ? null
                : new Episodes.Episode(latest.startedOn, latest.endsOn, latest.assertedByOrg, latest.sourceMessage);
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; answer what will be stored
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
