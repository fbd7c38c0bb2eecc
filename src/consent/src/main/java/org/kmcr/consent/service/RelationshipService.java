package org.kmcr.consent.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.problem.Problem;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.consent.model.Relationship;
import org.kmcr.consent.repository.RelationshipRepository;

/** The relationships between organisations and people that give staff a reason to see a record. */
@ApplicationScoped
public class RelationshipService {

    private final RelationshipRepository repository;
    private final Clock clock;

    RelationshipService(RelationshipRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Records a relationship, idempotently on (person, organisation, kind): the first call creates it, starting
     * today unless a start date is given; later calls update its source and end date, and its start date when
     * one is given.
     */
    @WithTransaction
    public Uni<Upserted<Relationship>> record(Relationship proposed) {
        return repository.lock(proposed.personId, proposed.orgCode, proposed.kind)
                .chain(() -> repository.find(proposed.personId, proposed.orgCode, proposed.kind))
                .chain(existing -> existing == null ? create(proposed) : update(existing, proposed));
    }

    /** Every relationship of a person, active or not, by organisation and kind. */
    @WithSession
    public Uni<List<Relationship>> forPerson(UUID personId) {
        return repository.forPerson(personId);
    }

    /** One relationship; null when unknown. */
    @WithSession
    public Uni<Relationship> find(UUID id) {
        return repository.findById(id);
    }

    private Uni<Upserted<Relationship>> create(Relationship proposed) {
        proposed.id = UUID.randomUUID();
        proposed.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (proposed.startedOn == null) {
            proposed.startedOn = LocalDate.now(clock);
        }
        return checkDates(proposed).chain(() -> repository.persist(proposed))
                .map(created -> new Upserted<>(created, true));
    }

    private Uni<Upserted<Relationship>> update(Relationship existing, Relationship proposed) {
        existing.source = proposed.source;
        if (proposed.startedOn != null) {
            existing.startedOn = proposed.startedOn;
        }
        existing.endsOn = proposed.endsOn;
        return checkDates(existing).map(ignored -> new Upserted<>(existing, false));
    }

    private static Uni<Void> checkDates(Relationship relationship) {
        if (relationship.endsOn != null && relationship.endsOn.isBefore(relationship.startedOn)) {
            return Uni.createFrom().failure(new ProblemException(400, "Bad request", "The request has invalid fields",
                    List.of(new Problem.FieldError("endsOn",
                            "must not be before startedOn (" + relationship.startedOn + ")"))));
        }
        return Uni.createFrom().voidItem();
    }
}
