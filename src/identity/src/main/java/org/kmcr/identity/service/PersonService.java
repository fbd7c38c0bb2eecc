package org.kmcr.identity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.kmcr.identity.model.Person;
import org.kmcr.identity.repository.PersonRepository;
import org.kmcr.identity.repository.SourceIdentityRepository;

/** Looks persons up with the source identities that make them up. */
@ApplicationScoped
public class PersonService {

    private final PersonRepository persons;
    private final SourceIdentityRepository sourceIdentities;

    PersonService(PersonRepository persons, SourceIdentityRepository sourceIdentities) {
        this.persons = persons;
        this.sourceIdentities = sourceIdentities;
    }

    /**
     * The person with this (valid) NHS number, or the one they were merged into, and their actively linked source
     * identities; null when none.
     */
    @WithSession
    public Uni<LinkedPerson> findByNhsNumber(String nhsNumber) {
        return persons.findByNhsNumber(nhsNumber).chain(persons::survivor).chain(this::withSourceIdentities);
    }

    /** The person with this id (perhaps merged away) and their actively linked source identities; null when none. */
    @WithSession
    public Uni<LinkedPerson> findById(UUID personId) {
        return persons.findById(personId).chain(this::withSourceIdentities);
    }

    private Uni<LinkedPerson> withSourceIdentities(Person person) {
        if (person == null) {
            return Uni.createFrom().nullItem();
        }
        if (person.mergedInto != null) {
            return Uni.createFrom().item(new LinkedPerson(person, List.of()));
        }
        return sourceIdentities.linkedTo(person.id).map(identities -> new LinkedPerson(person, identities));
    }
}
