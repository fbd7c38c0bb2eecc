package org.kmcr.record.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kmcr.record.model.ItemQuery;
import org.kmcr.recordmodel.model.CareItem;

/**
 * A person's items read recent first in bounded windows, each one index range scan of
 * {@code care_item_recent_first} per (source identity, category) that stops at the window's size: a person with
 * 100,000 items costs the same as one with 100. The statements are SQL rather than Panache queries because they
 * join each (identity, category) to its own LIMITed scan (LATERAL), which is what keeps them bounded.
 */
@ApplicationScoped
public class RecentItemRepository {

    static final String SORT = "coalesce(ci.effective_at, '-infinity'::timestamptz)";
    private static final String COLUMNS = """
            ci.id, ci.source_identity_id, ci.category, ci.resource_type, ci.status, ci.code_system, ci.code,
            ci.display, ci.effective_at, ci.confidentiality, ci.security_labels, ci.source_org, ci.source_standing,
            ci.source_system, ci.source_id, ci.source_version, ci.recorded_at, ci.received_at, ci.version,
            ci.resource::text AS resource, %s AS sort_at""".formatted(SORT);
    /** One identity's items of one category after the position, matching the type and organisation filters. */
    private static final String SCAN = """
            SELECT %s FROM record.care_item ci
            WHERE ci.source_identity_id = s.id AND ci.category = c.category
              AND (%s, ci.id) < (CAST($3::text AS timestamptz), $4::uuid)
              AND ($6 OR ci.resource_type = ANY($7::text[]) OR (ci.resource_type || '|' || ci.code) = ANY($8::text[]))
              AND ($9::text IS NULL OR ci.source_org = $9)
            ORDER BY %s DESC, ci.id DESC LIMIT $5""".formatted(COLUMNS, SORT, SORT);

    /** The most recent {@code limit} items of each category ($2), over all the identities ($1). Public, as {@link #MERGED}
     * and {@link #parameters}, for the large-record test that EXPLAINs them. */
    public static final String PER_CATEGORY = """
            SELECT w.* FROM unnest($2::text[]) AS c(category) CROSS JOIN LATERAL (
                SELECT i.* FROM unnest($1::uuid[]) AS s(id) CROSS JOIN LATERAL (%s) i
                ORDER BY i.sort_at DESC, i.id DESC LIMIT $5) w""".formatted(SCAN);

    /** The most recent {@code limit} items of all the categories ($2) together, over all the identities ($1). */
    public static final String MERGED = """
            SELECT i.* FROM unnest($1::uuid[]) AS s(id) CROSS JOIN unnest($2::text[]) AS c(category)
            CROSS JOIN LATERAL (%s) i
            ORDER BY i.sort_at DESC, i.id DESC LIMIT $5""".formatted(SCAN);

    private final Pool pool;

    RecentItemRepository(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code query.limit()} items of each category, each category's most recent first. */
    public Uni<List<CareItem>> perCategory(ItemQuery query) {
        return run(PER_CATEGORY, query);
    }

    /** Up to {@code query.limit()} items of the categories together, most recent first. */
    public Uni<List<CareItem>> merged(ItemQuery query) {
        return run(MERGED, query);
    }

    private Uni<List<CareItem>> run(String sql, ItemQuery query) {
        if (query.sourceIdentityIds().isEmpty() || query.categories().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(sql).execute(parameters(query)).map(RecentItemRepository::items);
    }

    public static Tuple parameters(ItemQuery query) {
        return Tuple.tuple(List.of(query.sourceIdentityIds().toArray(UUID[]::new),
                query.categories().toArray(String[]::new), query.after().sqlTime(), query.after().id(),
                query.limit(), query.anyType(), query.resourceTypes().toArray(String[]::new),
                query.typeCodes().toArray(String[]::new)))
                .addValue(query.sourceOrg());
    }

    private static List<CareItem> items(RowSet<Row> rows) {
        List<CareItem> items = new ArrayList<>(rows.size());
        for (Row row : rows) {
            items.add(CareItemRows.item(row));
        }
        return items;
    }

}
