package org.kmcr.identity.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.kmcr.identity.model.Demographics;
import org.kmcr.identity.model.SourceIdentity;
import org.kmcr.identity.model.SourceKey;

@ApplicationScoped
public class SourceIdentityRepository implements PanacheRepositoryBase<SourceIdentity, UUID> {

    private final ObjectMapper json;

    SourceIdentityRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Inserts the source identity or updates its NHS number and demographics (kept when none are given), and
     * returns its id. The row stays locked until the transaction ends, so calls for one source identity
     * run one after another.
     */
    public Uni<UUID> upsertAndLock(SourceKey key, String nhsNumber, Demographics demographics) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                INSERT INTO identity.source_identity AS s
                    (id, source_org, source_system, local_id, nhs_number, demographics, created_at, updated_at)
                VALUES (:id, :sourceOrg, :sourceSystem, :localId, :nhsNumber,
                        CAST(CAST(:demographics AS text) AS jsonb), now(), now())
                ON CONFLICT (source_org, source_system, local_id) DO UPDATE SET
                    nhs_number = EXCLUDED.nhs_number,
                    demographics = COALESCE(EXCLUDED.demographics, s.demographics),
                    updated_at = CASE
                        WHEN s.nhs_number IS NOT DISTINCT FROM EXCLUDED.nhs_number
                            AND s.demographics IS NOT DISTINCT FROM COALESCE(EXCLUDED.demographics, s.demographics)
                        THEN s.updated_at ELSE now() END
                RETURNING id""", UUID.class)
                .setParameter("id", UUID.randomUUID())
                .setParameter("sourceOrg", key.sourceOrg())
                .setParameter("sourceSystem", key.sourceSystem())
                .setParameter("localId", key.localId())
                .setParameter("nhsNumber", nhsNumber)
                .setParameter("demographics", toJson(demographics))
                .getSingleResult());
    }

    /** The source identities actively linked to a person, oldest first. */
    public Uni<List<SourceIdentity>> linkedTo(UUID personId) {
        return find("id in (select l.sourceIdentityId from IdentityLink l where l.personId = ?1 and l.active = true)",
                Sort.by("createdAt").and("id"), personId).list();
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
