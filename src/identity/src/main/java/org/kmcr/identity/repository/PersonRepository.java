package org.kmcr.identity.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.kmcr.identity.model.Person;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    /**
     * The person with this NHS number, created if there is none. Safe under concurrent calls: the insert
     * yields to one committed (or still committing) by another transaction, whose row the select then reads.
     */
    public Uni<Person> findOrCreateByNhsNumber(String nhsNumber) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                INSERT INTO identity.person (id, nhs_number, created_at)
                VALUES (:id, :nhsNumber, now())
                ON CONFLICT (nhs_number) DO NOTHING""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("nhsNumber", nhsNumber)
                .executeUpdate())
                .chain(() -> findByNhsNumber(nhsNumber));
    }

    /** A new person without an NHS number, found by demographics. */
    public Uni<Person> create() {
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return persist(person);
    }

    /** The person itself, or the one it was merged into (following a chain of merges); null for null. */
    public Uni<Person> survivor(Person person) {
        if (person == null || person.mergedInto == null) {
            return Uni.createFrom().item(person);
        }
        return findById(person.mergedInto).chain(this::survivor);
    }

    public Uni<Person> findByNhsNumber(String nhsNumber) {
        return find("nhsNumber", nhsNumber).firstResult();
    }

    /** Locks the persons' rows in id order (so that two such calls cannot wait for each other). */
    public Uni<Void> lockInOrder(java.util.Collection<UUID> personIds) {
        Uni<Void> locked = Uni.createFrom().voidItem();
        for (UUID personId : new java.util.TreeSet<>(personIds)) {
            locked = locked.chain(() -> lock(personId));
        }
        return locked;
    }

    /**
     * Locks the person's row until the transaction ends, so that changes to who the person is made of (a new
     * link, a review decision) happen one after another and each sees the links committed before it.
     */
    public Uni<Void> lock(UUID personId) {
        return getSession().flatMap(session -> session
                .createNativeQuery("SELECT id FROM identity.person WHERE id = :id FOR UPDATE", UUID.class)
                .setParameter("id", personId)
                .getResultList())
                .replaceWithVoid();
    }
}
