package org.kmcr.consent.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.kmcr.consent.model.Relationship;

@ApplicationScoped
public class RelationshipRepository implements PanacheRepositoryBase<Relationship, UUID> {

    /** Serialises writers of one (person, organisation, kind) until the transaction ends. */
    public Uni<Void> lock(UUID personId, String orgCode, String kind) {
        return getSession().chain(session ->
                AdvisoryLock.on(session, "relationship:" + personId + ":" + orgCode + ":" + kind));
    }

    /** The latest episode of a (person, organisation, kind); null when there has been none. */
    public Uni<Relationship> latest(UUID personId, String orgCode, String kind) {
        return find("personId = ?1 and orgCode = ?2 and kind = ?3",
                Sort.by("startedOn").descending().and("createdAt").descending(), personId, orgCode, kind)
                .firstResult();
    }

    /** Every episode, current or not, between an organisation and a person. */
    public Uni<List<Relationship>> between(String orgCode, UUID personId) {
        return list("orgCode = ?1 and personId = ?2", Sort.by("kind"), orgCode, personId);
    }

    public Uni<List<Relationship>> forPerson(UUID personId) {
        return list("personId", Sort.by("orgCode").and("kind").and("startedOn"), personId);
    }
}
