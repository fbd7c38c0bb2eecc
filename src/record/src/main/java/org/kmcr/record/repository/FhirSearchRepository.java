package org.kmcr.record.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.recordmodel.model.CareItem;
import org.kmcr.record.mapping.FhirCursor;
import org.kmcr.record.mapping.FhirQuery;

/**
 * FHIR searches over the record store, through record-query's SELECT-only role: a page in keyset order (one index
 * range scan per source identity, never the whole record), the exact number of items the decision shows, and the
 * categories with withheld items, all under the same conditions ({@link FhirItemPredicates}). Each resource is
 * the stored JSON with its {@code id} set to the item's id, made in the database and read as text.
 */
@ApplicationScoped
public class FhirSearchRepository {

    private static final String COLUMNS = """
            id, source_identity_id, category, resource_type, status, code_system, code, display, effective_at,
            confidentiality, security_labels, source_org, source_system, source_id, source_version, recorded_at,
            received_at, updated_at, version, (resource || jsonb_build_object('id', id::text))::text AS resource""";

    private static final String NHS_NUMBER_OF = "(SELECT i->>'value' FROM jsonb_array_elements(resource->'identifier')"
            + " i WHERE i->>'system' = '" + NhsNumber.SYSTEM + "' LIMIT 1)";

    private final Pool pool;

    FhirSearchRepository(Pool pool) {
        this.pool = pool;
    }

    /** One page plus one item (to tell whether another page follows), in the query's order from its cursor. */
    public Uni<List<CareItem>> page(List<UUID> sourceIdentityIds, FhirQuery query, AccessDecision decision) {
        if (sourceIdentityIds.isEmpty() || decision.categories().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        FhirCursor cursor = query.cursor();
        boolean backwards = cursor != null && !cursor.after();
        boolean ascending = query.sort().ascending() != backwards;
        String order = order(query.sort().column(), ascending);
        FhirSql sql = new FhirSql();
        String scope = FhirItemPredicates.scope(sql, query, decision) + " AND " + FhirItemPredicates.shown(sql, decision);
        if (cursor != null) {
            scope += " AND " + keyset(sql, query.sort().column(), ascending, cursor);
        }
        String limit = sql.param(query.count() + 1);
        List<String> branches = new ArrayList<>();
        for (UUID sourceIdentityId : sourceIdentityIds) {
            branches.add("(SELECT " + COLUMNS + " FROM record.care_item WHERE source_identity_id = "
                    + sql.param(sourceIdentityId) + " AND " + scope + " ORDER BY " + order + " LIMIT " + limit + ")");
        }
        String text = branches.size() == 1 ? branches.get(0)
                : String.join(" UNION ALL ", branches) + " ORDER BY " + order + " LIMIT " + limit;
        return pool.preparedQuery(text).execute(sql.tuple()).map(rows -> {
            List<CareItem> items = new ArrayList<>();
            rows.forEach(row -> items.add(CareItemRows.item(row)));
            if (backwards) {
                Collections.reverse(items);
            }
            return items;
        });
    }

    /** The EXPLAIN of {@link #page}'s statement, for the benchmark and its check that no page reads the record. */
    public Uni<String> explainPage(List<UUID> sourceIdentityIds, FhirQuery query, AccessDecision decision) {
        FhirSql sql = new FhirSql();
        String scope = FhirItemPredicates.scope(sql, query, decision) + " AND " + FhirItemPredicates.shown(sql, decision);
        String order = order(query.sort().column(), query.sort().ascending());
        String text = "EXPLAIN (ANALYZE, BUFFERS) SELECT " + COLUMNS + " FROM record.care_item WHERE source_identity_id = "
                + sql.param(sourceIdentityIds.get(0)) + " AND " + scope + " ORDER BY " + order + " LIMIT "
                + sql.param(query.count() + 1);
        return pool.preparedQuery(text).execute(sql.tuple()).map(rows -> {
            StringBuilder plan = new StringBuilder();
            rows.forEach(row -> plan.append(row.getString(0)).append('\n'));
            return plan.toString();
        });
    }

    /** The number of items the decision shows under the query's conditions (whatever page is asked for). */
    public Uni<Long> count(List<UUID> sourceIdentityIds, FhirQuery query, AccessDecision decision) {
        if (sourceIdentityIds.isEmpty() || decision.categories().isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        FhirSql sql = new FhirSql();
        String text = "SELECT count(*) FROM record.care_item WHERE source_identity_id = ANY("
                + sql.uuids(sourceIdentityIds) + ") AND " + FhirItemPredicates.scope(sql, query, decision) + " AND "
                + FhirItemPredicates.shown(sql, decision);
        return pool.preparedQuery(text).execute(sql.tuple()).map(rows -> rows.iterator().next().getLong(0));
    }

    /** The categories in which the decision withholds items under the query's conditions, in code order. */
    public Uni<List<String>> withheldCategories(List<UUID> sourceIdentityIds, FhirQuery query,
            AccessDecision decision) {
        if (sourceIdentityIds.isEmpty() || decision.categories().isEmpty()
                || !FhirItemPredicates.withholds(decision)) {
            return Uni.createFrom().item(List.of());
        }
        FhirSql sql = new FhirSql();
        String text = "SELECT DISTINCT category FROM record.care_item WHERE source_identity_id = ANY("
                + sql.uuids(sourceIdentityIds) + ") AND " + FhirItemPredicates.scope(sql, query, decision) + " AND "
                + FhirItemPredicates.withheld(sql, decision) + " ORDER BY category";
        return pool.preparedQuery(text).execute(sql.tuple()).map(FhirSearchRepository::strings);
    }

    /** The person's demographics items (whose marks say whether the person's details are redacted). */
    public Uni<List<CareItem>> demographics(List<UUID> sourceIdentityIds) {
        if (sourceIdentityIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        FhirSql sql = new FhirSql();
        String text = "SELECT " + COLUMNS + " FROM record.care_item WHERE source_identity_id = ANY("
                + sql.uuids(sourceIdentityIds) + ") AND category = 'demographics'";
        return pool.preparedQuery(text).execute(sql.tuple()).map(FhirSearchRepository::items);
    }

    /** One item of the given type by id, if the store holds it. */
    public Uni<Optional<CareItem>> find(String resourceType, UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM record.care_item WHERE id = $1 AND resource_type = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id, resourceType))
                .map(rows -> items(rows).stream().findFirst());
    }

    /** The source identity of an item its source removed, if this id was one. */
    public Uni<Optional<UUID>> removed(String resourceType, UUID id) {
        return pool.preparedQuery("SELECT source_identity_id FROM record.removed_item WHERE id = $1 AND resource_type = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id, resourceType))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getUUID(0)));
    }

    /** The NHS number a Patient resource of the store names, if any. */
    public Uni<Optional<String>> nhsNumberOfPatient(UUID patientResourceId) {
        return pool.preparedQuery("SELECT " + NHS_NUMBER_OF + " FROM record.care_item WHERE id = $1 "
                        + "AND resource_type = 'Patient'")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(patientResourceId))
                .map(rows -> strings(rows).stream().filter(s -> s != null).findFirst());
    }

    /** The NHS number the source identity's Patient resources name, if any. */
    public Uni<Optional<String>> nhsNumberOfIdentity(UUID sourceIdentityId) {
        return pool.preparedQuery("SELECT " + NHS_NUMBER_OF + " AS nhs FROM record.care_item "
                        + "WHERE source_identity_id = $1 AND resource_type = 'Patient' ORDER BY updated_at DESC")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(sourceIdentityId))
                .map(rows -> strings(rows).stream().filter(s -> s != null).findFirst());
    }

    static String order(String column, boolean ascending) {
        return ascending ? column + " ASC NULLS FIRST, id ASC" : column + " DESC NULLS LAST, id DESC";
    }

    /** Items after the cursor's item in the given order (nulls last descending, first ascending). */
    static String keyset(FhirSql sql, String column, boolean ascending, FhirCursor cursor) {
        String id = sql.param(cursor.id());
        if (cursor.sortValue() == null) {
            return ascending ? "((" + column + " IS NULL AND id > " + id + ") OR " + column + " IS NOT NULL)"
                    : "(" + column + " IS NULL AND id < " + id + ")";
        }
        String value = sql.param(cursor.sortValue());
        return ascending ? "(" + column + " > " + value + " OR (" + column + " = " + value + " AND id > " + id + "))"
                : "(" + column + " < " + value + " OR (" + column + " = " + value + " AND id < " + id + ") OR "
                        + column + " IS NULL)";
    }

    private static List<String> strings(RowSet<Row> rows) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.getString(0)));
        return values;
    }

    private static List<CareItem> items(RowSet<Row> rows) {
        List<CareItem> items = new ArrayList<>();
        rows.forEach(row -> items.add(CareItemRows.item(row)));
        return items;
    }

}
