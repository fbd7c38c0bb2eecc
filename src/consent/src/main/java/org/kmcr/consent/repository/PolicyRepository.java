package org.kmcr.consent.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.consent.model.ConsentDirective;
import org.kmcr.consent.policy.CategoryPolicy;
import org.kmcr.consent.policy.Directive;
import org.kmcr.consent.policy.PolicyData;

/**
 * Reads the policy tables, the versions that say when they or a person's facts changed, and the per-request facts
 * that are not entities (directives in force, the opt-out list, the last break glass).
 */
@ApplicationScoped
public class PolicyRepository {

    /** The policy's version and the person's (0 when nothing about them has changed yet). */
    public record Versions(long policy, long person) {
    }

    private final Pool pool;

    PolicyRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Versions> versions(UUID personId) {
        return pool.preparedQuery("SELECT (SELECT version FROM consent.policy_version), "
                        + "coalesce((SELECT version FROM consent.person_version WHERE person_id = $1), 0)")
                .execute(Tuple.of(personId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Versions(row.getLong(0), row.getLong(1));
                });
    }

    /** The whole policy, read in one transaction so that its version matches what is read. */
    public Uni<PolicyData> load() {
        return pool.withTransaction(conn -> conn.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").execute()
                .chain(() -> conn.query("SELECT version FROM consent.policy_version").execute())
                .chain(version -> conn.query("SELECT role, category FROM consent.role_category_policy").execute()
                .chain(cells -> conn.query("SELECT name, value FROM consent.policy_setting").execute()
                .chain(settings -> conn.query("SELECT system || '|' || code FROM consent.protected_code").execute()
                .chain(codes -> conn.query("SELECT rule, label FROM consent.security_label_rule").execute()
                .map(labels -> policy(version.iterator().next().getLong(0), cells, settings, codes, labels)))))));
    }

    private static PolicyData policy(long version, RowSet<Row> cells, RowSet<Row> settings, RowSet<Row> codes,
            RowSet<Row> labels) {
        Map<String, Set<CareCategory>> byRole = new HashMap<>();
        for (Row cell : cells) {
            CareCategory.ofCode(cell.getString(1)).ifPresent(category ->
                    byRole.computeIfAbsent(cell.getString(0), role -> EnumSet.noneOf(CareCategory.class))
                            .add(category));
        }
        Map<String, Integer> values = new HashMap<>();
        settings.forEach(row -> values.put(row.getString(0), row.getInteger(1)));
        Set<String> protectedCodes = new HashSet<>();
        codes.forEach(row -> protectedCodes.add(row.getString(0)));
        Map<String, Set<String>> byRule = new HashMap<>();
        labels.forEach(row -> byRule.computeIfAbsent(row.getString(0), rule -> new HashSet<>()).add(row.getString(1)));
        return new PolicyData(version, new CategoryPolicy(byRole), values.getOrDefault("encounter-window-days", 90),
                values.getOrDefault("break-glass-hours", 4), protectedCodes,
                byRule.getOrDefault("not-for-patient-view", Set.of()), byRule.getOrDefault("third-party", Set.of()),
                byRule.getOrDefault("sensitive-person", Set.of()));
    }

    /** The person's directives in force. */
    public Uni<List<Directive>> activeDirectives(String nhsNumber) {
        if (nhsNumber == null) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("SELECT kind, categories, source_orgs, item_ids, recipient_orgs, contact "
                        + "FROM consent.consent_directive WHERE nhs_number = $1 AND status = 'active' ORDER BY created_at")
                .execute(Tuple.of(nhsNumber))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(PolicyRepository::directive).toList());
    }

    private static Directive directive(Row row) {
        Set<CareCategory> categories = EnumSet.noneOf(CareCategory.class);
        ConsentDirective.codes(row.getString(1)).forEach(code -> CareCategory.ofCode(code).ifPresent(categories::add));
        Set<UUID> items = new HashSet<>();
        ConsentDirective.codes(row.getString(3)).forEach(id -> items.add(UUID.fromString(id)));
        return new Directive(Directive.Kind.ofCode(row.getString(0)), categories, ConsentDirective.codes(row.getString(2)), items,
                ConsentDirective.codes(row.getString(4)), row.getString(5));
    }

    /** True when the NHS number is on the current national data opt-out list. */
    public Uni<Boolean> optedOut(String nhsNumber) {
        if (nhsNumber == null) {
            return Uni.createFrom().item(false);
        }
        return pool.preparedQuery("SELECT 1 FROM consent.opt_out_entry e JOIN consent.opt_out_list l "
                        + "ON l.id = e.list_id AND l.current WHERE e.nhs_number = $1")
                .execute(Tuple.of(nhsNumber)).map(rows -> rows.size() > 0);
    }

    /**
     * When the professional last broke glass for the person (stating a reason); null when never. Accesses within
     * the window, and the reviews that continue a closed one, do not extend it.
     */
    public Uni<Instant> lastBreakGlass(String userId, UUID personId) {
        return pool.preparedQuery("SELECT max(occurred_at) FROM consent.break_glass_review "
                        + "WHERE user_id = $1 AND person_id = $2 AND basis = 'break-glass' AND continues_review_id IS NULL")
                .execute(Tuple.of(userId, personId))
                .map(rows -> {
                    OffsetDateTime at = rows.iterator().next().getOffsetDateTime(0);
                    return at == null ? null : at.toInstant();
                });
    }
}
