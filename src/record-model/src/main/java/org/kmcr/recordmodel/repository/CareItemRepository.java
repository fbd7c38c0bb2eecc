package org.kmcr.recordmodel.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.recordmodel.model.CareItem;

/** Care items by source key (ingest) and by source identities and category (record-query). */
@ApplicationScoped
public class CareItemRepository implements PanacheRepositoryBase<CareItem, UUID> {

    /** The columns of an item as bound in the JSON rows of {@link #UPSERT}. */
    private static final String ROW_TYPE = """
            x(id uuid, source_identity_id uuid, category text, resource_type text, status text, code_system text,
              code text, display text, effective_at timestamptz, confidentiality text, security_labels text[],
              source_org text, source_standing text, source_system text, source_id text, source_version text,
              content_hash text, recorded_at timestamptz, source_updated_at timestamptz, received_at timestamptz,
              resource text)""";

    /**
     * One atomic statement for all the items of a submission, safe under concurrent deliveries of the same items:
     * insert, or update when the content differs from what is stored and the delivery is not older than it (by the
     * source's own time); an identical re-delivery changes nothing, and an item is never moved to another source
     * identity (patient). The items are bound as one JSON array (read with jsonb_to_recordset): one round trip
     * whatever their number.
     */
    private static final String UPSERT = """
            INSERT INTO record.care_item AS c (id, source_identity_id, category, resource_type, status,
                code_system, code, display, effective_at, confidentiality, security_labels, source_org, source_standing,
                source_system, source_id, source_version, content_hash, recorded_at, source_updated_at, received_at,
                updated_at, version, resource)
            SELECT x.id, x.source_identity_id, x.category, x.resource_type, x.status, x.code_system, x.code, x.display,
                x.effective_at, x.confidentiality, x.security_labels, x.source_org, x.source_standing, x.source_system,
                x.source_id, x.source_version, x.content_hash, x.recorded_at, x.source_updated_at, x.received_at,
                x.received_at, 1, CAST(x.resource AS jsonb)
            FROM jsonb_to_recordset(CAST(CAST(:items AS text) AS jsonb)) AS %s
            ON CONFLICT ON CONSTRAINT care_item_source_key DO UPDATE SET
                category = EXCLUDED.category, source_standing = EXCLUDED.source_standing,
                status = EXCLUDED.status, code_system = EXCLUDED.code_system, code = EXCLUDED.code,
                display = EXCLUDED.display, effective_at = EXCLUDED.effective_at,
                confidentiality = EXCLUDED.confidentiality, security_labels = EXCLUDED.security_labels,
                source_version = EXCLUDED.source_version, content_hash = EXCLUDED.content_hash,
                recorded_at = EXCLUDED.recorded_at, source_updated_at = EXCLUDED.source_updated_at,
                received_at = EXCLUDED.received_at, updated_at = EXCLUDED.updated_at,
                version = c.version + 1, resource = EXCLUDED.resource
            WHERE c.content_hash <> EXCLUDED.content_hash AND c.source_identity_id = EXCLUDED.source_identity_id
                AND (c.source_updated_at IS NULL OR EXCLUDED.source_updated_at IS NULL
                     OR EXCLUDED.source_updated_at >= c.source_updated_at)
            RETURNING c.resource_type, c.source_id, c.id, c.version""".formatted(ROW_TYPE);

    /** The stored rows of the items the upsert left alone, to say why (unchanged, older, another patient's). */
    private static final String UNTOUCHED = """
            SELECT c.resource_type, c.source_id, c.id, c.version, c.source_identity_id, c.content_hash
            FROM record.care_item c
            JOIN jsonb_to_recordset(CAST(CAST(:items AS text) AS jsonb)) AS %s
              ON c.source_org = x.source_org AND c.source_system = x.source_system
             AND c.resource_type = x.resource_type AND c.source_id = x.source_id""".formatted(ROW_TYPE);

    /** Removes an item and keeps only the fact that it existed and was removed, in one statement. */
    private static final String REMOVE = """
            WITH gone AS (
                DELETE FROM record.care_item
                WHERE source_org = :sourceOrg AND source_system = :sourceSystem AND resource_type = :resourceType
                  AND source_id = :sourceId AND source_identity_id = :sourceIdentityId
                RETURNING id, source_identity_id, category, resource_type, source_org, source_system, source_id)
            INSERT INTO record.removed_item (id, source_identity_id, category, resource_type, source_org,
                source_system, source_id, removed_at, reason, source_message)
            SELECT id, source_identity_id, category, resource_type, source_org, source_system, source_id,
                CAST(CAST(:removedAt AS text) AS timestamptz), :reason, :sourceMessage FROM gone
            RETURNING id""";

    /**
     * Stores items by their source keys, all in one statement (plus one to explain the items it left alone); the
     * item's id is used only when it is new. Answers what happened to each item, in order. When the source already
     * holds an item's id for another patient nothing changes for that item and its outcome says so: the caller must
     * refuse the submission. Two items with the same source key in one call: the last one counts.
     */
    public Uni<List<StoredItem>> upsertAll(List<CareItem> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, CareItem> byKey = new java.util.LinkedHashMap<>();
        items.forEach(item -> byKey.put(key(item.resourceType, item.sourceId), item));
        String rows = rows(byKey.values());
        return getSession().chain(session -> session.createNativeQuery(UPSERT, Object[].class)
                .setParameter("items", rows).getResultList())
                .chain(written -> {
                    Map<String, StoredItem> outcomes = new HashMap<>();
                    written.forEach(row -> outcomes.put(key((String) row[0], (String) row[1]), stored(row)));
                    if (outcomes.size() == byKey.size()) {
                        return Uni.createFrom().item(outcomes);
                    }
                    return getSession().chain(session -> session.createNativeQuery(UNTOUCHED, Object[].class)
                            .setParameter("items", rows).getResultList())
                            .map(untouched -> {
                                untouched.forEach(row -> outcomes.putIfAbsent(key((String) row[0], (String) row[1]),
                                        untouchedOutcome(row, byKey.get(key((String) row[0], (String) row[1])))));
                                return outcomes;
                            });
                })
                .map(outcomes -> items.stream().map(item -> outcomes.get(key(item.resourceType, item.sourceId)))
                        .toList());
    }

    /** Stores one item: {@link #upsertAll} of one. */
    public Uni<StoredItem> upsert(CareItem item) {
        return upsertAll(List.of(item)).map(stored -> stored.get(0));
    }

    /**
     * Removes the source's item from the record of the given source identity (keeping only the fact of its removal);
     * answers whether there was one to remove.
     */
    public Uni<Boolean> remove(ItemRemoval removal) {
        return getSession().chain(session -> session.createNativeQuery(REMOVE, Object.class)
                .setParameter("sourceOrg", removal.sourceOrg())
                .setParameter("sourceSystem", removal.sourceSystem())
                .setParameter("resourceType", removal.resourceType())
                .setParameter("sourceId", removal.sourceId())
                .setParameter("sourceIdentityId", removal.sourceIdentityId())
                .setParameter("removedAt", removal.removedAt().toString())
                .setParameter("reason", removal.reason())
                .setParameter("sourceMessage", removal.sourceMessage())
                .getResultList())
                .map(removed -> !removed.isEmpty());
    }

    private static String key(String resourceType, String sourceId) {
        return resourceType + "/" + sourceId;
    }

    private static String rows(Collection<CareItem> items) {
        JsonArray rows = new JsonArray();
        for (CareItem item : items) {
            rows.add(new JsonObject()
                    .put("id", item.id.toString())
                    .put("source_identity_id", item.sourceIdentityId.toString())
                    .put("category", item.category)
                    .put("resource_type", item.resourceType)
                    .put("status", item.status)
                    .put("code_system", item.codeSystem)
                    .put("code", item.code)
                    .put("display", item.display)
                    .put("effective_at", text(item.effectiveAt))
                    .put("confidentiality", item.confidentiality)
                    .put("security_labels", new JsonArray(Arrays.asList((Object[]) item.securityLabels)))
                    .put("source_org", item.sourceOrg)
                    .put("source_standing", item.sourceStanding)
                    .put("source_system", item.sourceSystem)
                    .put("source_id", item.sourceId)
                    .put("source_version", item.sourceVersion)
                    .put("content_hash", item.contentHash)
                    .put("recorded_at", text(item.recordedAt))
                    .put("source_updated_at", text(item.sourceUpdatedAt))
                    .put("received_at", text(item.receivedAt))
                    .put("resource", item.resource));
        }
        return rows.encode();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static StoredItem stored(Object[] row) {
        int version = ((Number) row[3]).intValue();
        return new StoredItem((UUID) row[2], version,
                version == 1 ? StoredItem.Outcome.CREATED : StoredItem.Outcome.UPDATED);
    }

    private static StoredItem untouchedOutcome(Object[] row, CareItem sent) {
        UUID id = (UUID) row[2];
        int version = ((Number) row[3]).intValue();
        if (!row[4].equals(sent.sourceIdentityId)) {
            return new StoredItem(id, version, StoredItem.Outcome.HELD_FOR_ANOTHER_PATIENT);
        }
        return new StoredItem(id, version, row[5].equals(sent.contentHash)
                ? StoredItem.Outcome.UNCHANGED : StoredItem.Outcome.OLDER_THAN_STORED);
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
