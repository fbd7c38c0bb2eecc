package org.kmcr.identity.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.kmcr.common.identity.SourceIdentityIds;
import org.kmcr.identity.model.Demographics;
import org.kmcr.identity.model.IdentityLink;
import org.kmcr.identity.model.SourceIdentity;
import org.kmcr.identity.model.SourceKey;

@ApplicationScoped
public class SourceIdentityRepository implements PanacheRepositoryBase<SourceIdentity, UUID> {

    private final ObjectMapper json;

    SourceIdentityRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Inserts the source identity, with the id {@link SourceIdentityIds#of} gives its key, or updates its NHS
     * number and demographics (kept when none are given), and returns it as now stored. The row stays locked
     * until the transaction ends, so calls for one source identity run one after another.
     * <p>
     * The insert yields on any unique key (DO NOTHING without a target), so two transactions inserting the same
     * new key cannot fail on the primary key while only the source key is an arbiter; the loser waits for the
     * winner to commit and then updates, and so locks, the winner's row.
     */
    public Uni<SourceIdentity> upsertAndLock(SourceKey key, String nhsNumber, Demographics demographics) {
        UUID id = SourceIdentityIds.of(key.sourceOrg(), key.sourceSystem(), key.localId());
        String demographicsJson = toJson(demographics);
        return getSession().flatMap(session -> session.createNativeQuery("""
                INSERT INTO identity.source_identity
                    (id, source_org, source_system, local_id, nhs_number, demographics, created_at, updated_at)
                VALUES (:id, :sourceOrg, :sourceSystem, :localId, :nhsNumber,
                        CAST(CAST(:demographics AS text) AS jsonb), now(), now())
                ON CONFLICT DO NOTHING""")
                .setParameter("id", id)
                .setParameter("sourceOrg", key.sourceOrg())
                .setParameter("sourceSystem", key.sourceSystem())
                .setParameter("localId", key.localId())
                .setParameter("nhsNumber", nhsNumber)
                .setParameter("demographics", demographicsJson)
                .executeUpdate()
                .chain(inserted -> inserted == 1 ? Uni.createFrom().item(id)
                        : update(session, key, nhsNumber, demographicsJson)))
                .chain(this::findById);
    }

    private static Uni<UUID> update(Mutiny.Session session, SourceKey key, String nhsNumber, String demographics) {
        return session.createNativeQuery("""
                UPDATE identity.source_identity AS s SET
                    nhs_number = CAST(:nhsNumber AS text),
                    demographics = COALESCE(CAST(CAST(:demographics AS text) AS jsonb), s.demographics),
                    updated_at = CASE
                        WHEN s.nhs_number IS NOT DISTINCT FROM CAST(:nhsNumber AS text)
                            AND s.demographics IS NOT DISTINCT FROM
                                COALESCE(CAST(CAST(:demographics AS text) AS jsonb), s.demographics)
                        THEN s.updated_at ELSE now() END
                WHERE s.source_org = :sourceOrg AND s.source_system = :sourceSystem AND s.local_id = :localId
                RETURNING s.id""", UUID.class)
                .setParameter("sourceOrg", key.sourceOrg())
                .setParameter("sourceSystem", key.sourceSystem())
                .setParameter("localId", key.localId())
                .setParameter("nhsNumber", nhsNumber)
                .setParameter("demographics", demographics)
                .getSingleResult();
    }

    /** Locks the source identity's row until the transaction ends, as {@link #upsertAndLock} does. */
    public Uni<Void> lock(UUID id) {
        return getSession().flatMap(session -> session
                .createNativeQuery("SELECT id FROM identity.source_identity WHERE id = :id FOR UPDATE", UUID.class)
                .setParameter("id", id)
                .getResultList())
                .replaceWithVoid();
    }

    /** The source identities actively linked to a person, oldest first. */
    public Uni<List<SourceIdentity>> linkedTo(UUID personId) {
        return find("id in (select l.sourceIdentityId from IdentityLink l where l.personId = ?1 and l.state = ?2)",
                Sort.by("createdAt").and("id"), personId, IdentityLink.ACTIVE).list();
    }

    private String toJson(Demographics demographics) {
        if (demographics == null) {
            return null;
        }
        try {
            return json.writeValueAsString(demographics);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Demographics could not be written as JSON", e);
        }
    }
}
