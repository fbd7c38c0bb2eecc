package org.kmcr.recordmodel.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.kmcr.recordmodel.model.CareItem;

/** Care items by source key (ingest) and by source identities and category (record-query). */
@ApplicationScoped
public class CareItemRepository implements PanacheRepositoryBase<CareItem, UUID> {

    /**
     * One atomic statement, safe under concurrent deliveries of the same item: insert, or update when the
     * content differs from what is stored; an identical re-delivery changes nothing, and an item is never moved
     * to another source identity (patient). The resource is bound as text and then cast: bound straight to
     * jsonb, the client would store it as one JSON string.
     */
    private static final String UPSERT = """
            INSERT INTO record.care_item AS c (id, source_identity_id, category, resource_type, status,
                code_system, code, display, effective_at, confidentiality, source_org, source_standing, source_system,
                source_id, source_version, content_hash, recorded_at, received_at, updated_at, version, resource)
            VALUES (:id, :sourceIdentityId, :category, :resourceType, :status, :codeSystem, :code, :display,
                :effectiveAt, :confidentiality, :sourceOrg, :sourceStanding, :sourceSystem, :sourceId, :sourceVersion,
                :contentHash,
                :recordedAt, :receivedAt, :receivedAt, 1, CAST(CAST(:resource AS text) AS jsonb))
            ON CONFLICT ON CONSTRAINT care_item_source_key DO UPDATE SET
                category = EXCLUDED.category, source_standing = EXCLUDED.source_standing,
                status = EXCLUDED.status, code_system = EXCLUDED.code_system, code = EXCLUDED.code,
                display = EXCLUDED.display, effective_at = EXCLUDED.effective_at,
                confidentiality = EXCLUDED.confidentiality, source_version = EXCLUDED.source_version,
                content_hash = EXCLUDED.content_hash, recorded_at = EXCLUDED.recorded_at,
                received_at = EXCLUDED.received_at, updated_at = EXCLUDED.updated_at,
                version = c.version + 1, resource = EXCLUDED.resource
            WHERE c.content_hash <> EXCLUDED.content_hash AND c.source_identity_id = EXCLUDED.source_identity_id
            RETURNING c.id, c.version""";

    /**
     * Stores an item by its source key; the item's id is used only when it is new. When the source already holds
     * that id for another patient nothing changes and the outcome says so: the caller must refuse the submission.
     */
    public Uni<StoredItem> upsert(CareItem item) {
        return getSession().chain(session -> session.createNativeQuery(UPSERT, Object[].class)
                .setParameter("id", item.id)
                .setParameter("sourceIdentityId", item.sourceIdentityId)
                .setParameter("category", item.category)
                .setParameter("resourceType", item.resourceType)
                .setParameter("status", item.status)
                .setParameter("codeSystem", item.codeSystem)
                .setParameter("code", item.code)
                .setParameter("display", item.display)
                .setParameter("effectiveAt", item.effectiveAt)
                .setParameter("confidentiality", item.confidentiality)
                .setParameter("sourceOrg", item.sourceOrg)
                .setParameter("sourceStanding", item.sourceStanding)
                .setParameter("sourceSystem", item.sourceSystem)
                .setParameter("sourceId", item.sourceId)
                .setParameter("sourceVersion", item.sourceVersion)
                .setParameter("contentHash", item.contentHash)
                .setParameter("recordedAt", item.recordedAt)
                .setParameter("receivedAt", item.receivedAt)
                .setParameter("resource", item.resource)
                .getSingleResultOrNull())
                .chain(row -> row != null
                        ? Uni.createFrom().item(stored(row))
                        : findBySourceKey(item.sourceOrg, item.sourceSystem, item.resourceType, item.sourceId)
                                .map(existing -> new StoredItem(existing.id, existing.version,
                                        existing.sourceIdentityId.equals(item.sourceIdentityId)
                                                ? StoredItem.Outcome.UNCHANGED
                                                : StoredItem.Outcome.HELD_FOR_ANOTHER_PATIENT)));
    }

    private static StoredItem stored(Object[] row) {
        int version = ((Number) row[1]).intValue();
        return new StoredItem((UUID) row[0], version,
                version == 1 ? StoredItem.Outcome.CREATED : StoredItem.Outcome.UPDATED);
    }

    public Uni<CareItem> findBySourceKey(String sourceOrg, String sourceSystem, String resourceType, String sourceId) {
        return find("sourceOrg = ?1 and sourceSystem = ?2 and resourceType = ?3 and sourceId = ?4",
                sourceOrg, sourceSystem, resourceType, sourceId).firstResult();
    }

    /** The items of the given identities in the given categories, most recent first. */
    public Uni<List<CareItem>> findFor(Collection<UUID> sourceIdentityIds, Collection<String> categories) {
        if (sourceIdentityIds.isEmpty() || categories.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("sourceIdentityId in ?1 and category in ?2",
                Sort.by("effectiveAt", Sort.Direction.Descending, Sort.NullPrecedence.NULLS_LAST).and("id"),
                sourceIdentityIds, categories).list();
    }
}
