package org.kmcr.consent.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.kmcr.consent.model.UnverifiedAssertion;

@ApplicationScoped
public class UnverifiedAssertionRepository implements PanacheRepositoryBase<UnverifiedAssertion, UUID> {

    /** Keeps an assertion once: the same message asserting the same thing again adds nothing. */
    public Uni<Void> keep(UnverifiedAssertion assertion) {
        return getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO consent.unverified_assertion (id, person_id, org_code, kind, started_on, ends_on,
                    asserted_by_org, asserted_by_system, source_message, recorded_via, reason, received_at)
                VALUES (:id, :personId, :orgCode, :kind, :startedOn, :endsOn, :assertedByOrg, :assertedBySystem,
                    :sourceMessage, :recordedVia, :reason, :receivedAt)
                ON CONFLICT (person_id, org_code, kind, asserted_by_org, source_message) DO NOTHING""")
                .setParameter("id", assertion.id)
                .setParameter("personId", assertion.personId)
                .setParameter("orgCode", assertion.orgCode)
                .setParameter("kind", assertion.kind)
                .setParameter("startedOn", assertion.startedOn)
                .setParameter("endsOn", assertion.endsOn)
                .setParameter("assertedByOrg", assertion.assertedByOrg)
                .setParameter("assertedBySystem", assertion.assertedBySystem)
                .setParameter("sourceMessage", assertion.sourceMessage)
                .setParameter("recordedVia", assertion.recordedVia)
                .setParameter("reason", assertion.reason)
                .setParameter("receivedAt", assertion.receivedAt)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<UnverifiedAssertion>> forPerson(UUID personId) {
        return list("personId", Sort.by("receivedAt").descending(), personId);
    }
}
