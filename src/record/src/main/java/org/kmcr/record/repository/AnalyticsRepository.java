package org.kmcr.record.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kmcr.common.analytics.Breakdown;
import org.kmcr.common.analytics.MeasureKind;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.record.config.RecordConfig;
import org.kmcr.record.policy.HotSpots.DistrictCounts;

/**
 * Counts of people over the analytics tables that migration V50's trigger keeps (record.analytics_event and
 * record.analytics_person). People are counted once each (by NHS number, else source identity); those on the
 * stored national data opt-out list of the version given (V51, {@link AnalyticsOptOutRepository}) are left out of
 * every count by an anti-join; only counts leave this class.
 *
 * <p>Each count runs in a transaction of its own with {@code work_mem} raised for it alone
 * ({@code kmcr.record.analytics-work-mem}), and compares people's keys byte-wise ({@code COLLATE "C"}): counting
 * people once is a hash or sort over every matching item, which then stays in memory and skips the locale's
 * collation (docs/benchmarks.md, "Population analytics").
 */
@ApplicationScoped
public class AnalyticsRepository {

    static final String MEASURES = "SELECT code, title, description, kind, category FROM record.analytics_measure "
            + "ORDER BY sort_order, code";
    static final String WORK_MEM = "SELECT set_config('work_mem', $1, true)";
    static final String NOT_OPTED_OUT = "NOT EXISTS (SELECT 1 FROM record.analytics_opt_out o WHERE o.version = $1 "
            + "AND o.nhs_number = p.nhs_number)";
    /** True when the opt-out list version the query applies is stored: a query never runs without its list. */
    static final String LISTED = "EXISTS (SELECT 1 FROM record.analytics_opt_out_list l WHERE l.version = $1)";
    /** The Monday of an item's ISO week, in date arithmetic alone (1900-01-01 was a Monday). */
    static final String WEEK_OF_DAY = "(e.day - ((e.day - date '1900-01-01') % 7 + 7) % 7)";

    private final Pool pool;
    private final String workMem;

    AnalyticsRepository(Pool pool, RecordConfig config) {
        this.pool = pool;
        this.workMem = config.analyticsWorkMem();
    }

    /** The measures as defined in data. */
    public Uni<List<MeasureRow>> measures() {
        return pool.query(MEASURES).execute().map(rows -> {
            List<MeasureRow> measures = new ArrayList<>();
            for (Row row : rows) {
                measures.add(new MeasureRow(row.getString("code"), row.getString("title"),
                        row.getString("description"), MeasureKind.ofCode(row.getString("kind")),
                        row.getString("category")));
            }
            return measures;
        });
    }

    /** A measure's definition in data. */
    public record MeasureRow(String code, String title, String description, MeasureKind kind, String category) {
    }

    /** True counts: people per group (in group order) and people in all. */
    public record Counts(Map<String, Long> groups, long total) {
    }

    /**
     * People counted for a measure by one breakdown, leaving out the opt-out list {@code optOutVersion}. For an
     * event measure, people with a matching item in {@code [from, to]}, each in the group of their first such item
     * (by week: once in each week); for a current measure every matching item now, whatever the dates.
     */
    public Uni<Counts> count(MeasureRow measure, Breakdown by, LocalDate from, LocalDate to, long optOutVersion,
            LocalDate today) {
        boolean event = measure.kind() == MeasureKind.EVENT;
        // a current measure uses today only for ages
        Tuple args = event ? Tuple.of(optOutVersion, measure.code(), from, to)
                : by == Breakdown.AGE_BAND ? Tuple.of(optOutVersion, measure.code(), today)
                : Tuple.of(optOutVersion, measure.code());
        return inMemory(countSql(measure.kind(), by), args).map(rows -> {
            Map<String, Long> groups = new LinkedHashMap<>();
            long total = 0;
            for (Row row : rows) {
                if (!row.getBoolean("is_total")) {
                    groups.put(row.getString("grp"), row.getLong("n"));
                } else {
                    requireListed(row);
                    total = row.getLong("n");
                }
            }
            return new Counts(groups, total);
        });
    }

    /**
     * The statement {@link #count} runs: $1 the opt-out list version, $2 the measure, $3 and $4 the period (an
     * event measure) or $3 today (a current measure by age band). One row per group, then the total row.
     */
    public static String countSql(MeasureKind kind, Breakdown by) {
        boolean event = kind == MeasureKind.EVENT;
        String period = event ? " AND e.day BETWEEN $3 AND $4" : "";
        String group = group(by, event ? "e.day" : "$3::date");
        String matched = "SELECT p.person_key COLLATE \"C\" AS person_key, e.day, " + group + " AS grp "
                + "FROM record.analytics_event e JOIN record.analytics_person p "
                + "ON p.source_identity_id = e.source_identity_id WHERE e.measure_code = $2" + period + " AND "
                + NOT_OPTED_OUT;
        // by week a person counts once a week (and once in the total); otherwise once, in the group of their first
        // item, so the groups add up to the total
        String people = by == Breakdown.WEEK
                ? "SELECT person_key, grp FROM matched GROUP BY person_key, grp"
                : "SELECT DISTINCT ON (person_key) person_key, grp FROM matched ORDER BY person_key, day, grp";
        String label = by == Breakdown.WEEK ? "to_char(grp, 'YYYY-MM-DD')" : "grp";
        String total = by == Breakdown.WEEK
                ? "(SELECT count(*) FROM (SELECT person_key FROM people GROUP BY person_key) once)"
                : "(SELECT count(*) FROM people)";
        return "WITH matched AS (" + matched + "), people AS MATERIALIZED (" + people + ") "
                + "SELECT grp, n, is_total, listed FROM ("
                + "SELECT " + label + " AS grp, count(*) AS n, false AS is_total, true AS listed FROM people "
                + "GROUP BY people.grp "
                + "UNION ALL SELECT NULL, " + total + ", true, " + LISTED + ") counted "
                + "ORDER BY is_total, grp NULLS LAST";
    }

    /** For hot spots: per district, the people of the recent 7 days to {@code to}, of the 7 before, and everyone. */
    public Uni<List<DistrictCounts>> districtWeeks(MeasureRow measure, LocalDate to, long optOutVersion) {
        String person = "p.person_key COLLATE \"C\"";
        String sql = "WITH counted AS (SELECT p.district, count(DISTINCT " + person + ") FILTER (WHERE e.day > "
                + "$3::date - 7) AS recent, count(DISTINCT " + person + ") FILTER (WHERE e.day <= $3::date - 7) "
                + "AS prior FROM record.analytics_event e JOIN record.analytics_person p "
                + "ON p.source_identity_id = e.source_identity_id WHERE e.measure_code = $2 "
                + "AND e.day BETWEEN $3::date - 13 AND $3::date AND p.district IS NOT NULL AND " + NOT_OPTED_OUT
                + " GROUP BY p.district), "
                + "population AS (SELECT p.district, count(DISTINCT " + person + ") AS people "
                + "FROM record.analytics_person p WHERE p.district IN (SELECT district FROM counted) AND "
                + NOT_OPTED_OUT + " GROUP BY p.district) "
                + "SELECT c.district, c.recent, c.prior, coalesce(n.people, 0) AS people, false AS is_total, "
                + "true AS listed FROM counted c LEFT JOIN population n ON n.district = c.district "
                + "UNION ALL SELECT NULL, 0, 0, 0, true, " + LISTED + " ORDER BY is_total, district";
        return inMemory(sql, Tuple.of(optOutVersion, measure.code(), to)).map(rows -> {
            List<DistrictCounts> districts = new ArrayList<>();
            for (Row row : rows) {
                if (row.getBoolean("is_total")) {
                    requireListed(row);
                } else {
                    districts.add(new DistrictCounts(row.getString("district"), row.getLong("recent"),
                            row.getLong("prior"), row.getLong("people")));
                }
            }
            return districts;
        });
    }

    /** Runs a counting statement in a transaction of its own whose work_mem keeps its hashes and sorts in memory. */
    private Uni<RowSet<Row>> inMemory(String sql, Tuple args) {
        return pool.withTransaction(connection -> connection.preparedQuery(WORK_MEM).execute(Tuple.of(workMem))
                .chain(() -> connection.preparedQuery(sql).execute(args)));
    }

    /** Fails closed (503, nothing counted) if the opt-out list named is not stored (superseded a day ago). */
    private static void requireListed(Row total) {
        if (!total.getBoolean("listed")) {
            throw ProblemException.unavailable("The national data opt-out list in force could not be applied; try "
                    + "again");
        }
    }

    /**
     * The SQL of a breakdown's group: chosen from this fixed list, never from request text. Text, except the week:
     * its Monday as a date, labelled only once the people are counted.
     */
    static String group(Breakdown by, String ageAt) {
        return switch (by) {
            case DISTRICT -> "coalesce(p.district, 'unknown')";
            case SEX -> "coalesce(p.sex, 'unknown')";
            case SITE -> "e.site";
            case WEEK -> WEEK_OF_DAY;
            case ETHNICITY -> "CASE WHEN p.ethnicity ~ '^[A-C]$' THEN 'White' WHEN p.ethnicity ~ '^[D-G]$' THEN "
                    + "'Mixed' WHEN p.ethnicity ~ '^[H-L]$' THEN 'Asian' WHEN p.ethnicity ~ '^[M-P]$' THEN 'Black' "
                    + "WHEN p.ethnicity ~ '^[RS]$' THEN 'Other' WHEN p.ethnicity = 'Z' THEN 'Not stated' "
                    + "ELSE 'unknown' END";
            case AGE_BAND -> "CASE WHEN p.birth_date IS NULL THEN 'unknown' ELSE (SELECT CASE WHEN a < 18 THEN "
                    + "'00-17' WHEN a < 30 THEN '18-29' WHEN a < 80 THEN (a / 10 * 10)::text || '-' || "
                    + "(a / 10 * 10 + 9)::text ELSE '80+' END FROM (SELECT date_part('year', age(" + ageAt
                    + ", p.birth_date))::int AS a) age) END";
        };
    }
}
