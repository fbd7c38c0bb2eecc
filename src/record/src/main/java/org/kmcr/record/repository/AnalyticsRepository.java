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
 * national data opt-out list in force (V51: each person's {@code opted_out}, set from the list
 * {@link AnalyticsOptOutRepository} stored) are left out of every count; only counts leave this class, with the date
 * of the list they left out.
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
    /**
     * The last row of every count: whether a list is in force (a query never counts without one) and its date.
     * Its other columns are those of the rows before it.
     */
    static final String IN_FORCE = "EXISTS (SELECT 1 FROM record.analytics_opt_out_list l WHERE l.superseded_at IS "
            + "NULL) AS listed, (SELECT l.list_date FROM record.analytics_opt_out_list l WHERE l.superseded_at IS NULL) "
            + "AS list_date";
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

    /**
     * True counts: people per group (in group order) and people in all, without the people on the opt-out list of
     * {@code optOutListDate} (null: the list in force is the empty one stored when none was ever loaded).
     */
    public record Counts(Map<String, Long> groups, long total, LocalDate optOutListDate) {
    }

    /** Hot spots' counts per district, without the people on the opt-out list of {@code optOutListDate}. */
    public record DistrictWeeks(List<DistrictCounts> districts, LocalDate optOutListDate) {
    }

    /**
     * People counted for a measure by one breakdown. For an event measure, people with a matching item in
     * {@code [from, to]}, each in the group of their first such item (by week: once in each week); for a current
     * measure every matching item now, whatever the dates.
     */
    public Uni<Counts> count(MeasureRow measure, Breakdown by, LocalDate from, LocalDate to, LocalDate today) {
        boolean event = measure.kind() == MeasureKind.EVENT;
        // a current measure uses today only for ages
        Tuple args = event ? Tuple.of(measure.code(), from, to)
                : by == Breakdown.AGE_BAND ? Tuple.of(measure.code(), today)
                : Tuple.of(measure.code());
        return inMemory(countSql(measure.kind(), by), args).map(rows -> {
            Map<String, Long> groups = new LinkedHashMap<>();
            for (Row row : rows) {
                if (!row.getBoolean("is_total")) {
                    groups.put(row.getString("grp"), row.getLong("n"));
                } else {
                    requireListed(row);
                    return new Counts(groups, row.getLong("n"), row.getLocalDate("list_date"));
                }
            }
            throw new IllegalStateException("a count without its total row");
        });
    }

    /**
     * The statement {@link #count} runs: $1 the measure, $2 and $3 the period (an event measure) or $2 today (a
     * current measure by age band). One row per group, then the total row.
     */
    public static String countSql(MeasureKind kind, Breakdown by) {
        boolean event = kind == MeasureKind.EVENT;
        String period = event ? " AND e.day BETWEEN $2 AND $3" : "";
        String matched = "SELECT p.person_key COLLATE \"C\" AS person_key, e.day, "
                + group(by, event ? "e.day" : "$2::date") + " AS grp FROM record.analytics_event e "
                + "JOIN record.analytics_person p ON p.source_identity_id = e.source_identity_id "
                + "WHERE e.measure_code = $1" + period + " AND NOT p.opted_out";
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
                + "SELECT grp, n, is_total, listed, list_date FROM ("
                + "SELECT " + label + " AS grp, count(*) AS n, false AS is_total, true AS listed, NULL::date "
                + "AS list_date FROM people GROUP BY people.grp "
                + "UNION ALL SELECT NULL, " + total + ", true, " + IN_FORCE + ") counted "
                + "ORDER BY is_total, grp NULLS LAST";
    }

    /** For hot spots: per district, the people of the recent 7 days to {@code to}, of the 7 before, and everyone. */
    public Uni<DistrictWeeks> districtWeeks(MeasureRow measure, LocalDate to) {
        String person = "p.person_key COLLATE \"C\"";
        String sql = "WITH counted AS (SELECT p.district, count(DISTINCT " + person + ") FILTER (WHERE e.day > "
                + "$2::date - 7) AS recent, count(DISTINCT " + person + ") FILTER (WHERE e.day <= $2::date - 7) "
                + "AS prior FROM record.analytics_event e JOIN record.analytics_person p "
                + "ON p.source_identity_id = e.source_identity_id WHERE e.measure_code = $1 "
                + "AND e.day BETWEEN $2::date - 13 AND $2::date AND p.district IS NOT NULL AND NOT p.opted_out "
                + "GROUP BY p.district), "
                + "population AS (SELECT p.district, count(DISTINCT " + person + ") AS people "
                + "FROM record.analytics_person p WHERE p.district IN (SELECT district FROM counted) "
                + "AND NOT p.opted_out GROUP BY p.district) "
                + "SELECT c.district, c.recent, c.prior, coalesce(n.people, 0) AS people, false AS is_total, "
                + "true AS listed, NULL::date AS list_date FROM counted c LEFT JOIN population n "
                + "ON n.district = c.district "
                + "UNION ALL SELECT NULL, 0, 0, 0, true, " + IN_FORCE + " ORDER BY is_total, district";
        return inMemory(sql, Tuple.of(measure.code(), to)).map(rows -> {
            List<DistrictCounts> districts = new ArrayList<>();
            for (Row row : rows) {
                if (!row.getBoolean("is_total")) {
                    districts.add(new DistrictCounts(row.getString("district"), row.getLong("recent"),
                            row.getLong("prior"), row.getLong("people")));
                } else {
                    requireListed(row);
                    return new DistrictWeeks(districts, row.getLocalDate("list_date"));
                }
            }
            throw new IllegalStateException("hot spots without their last row");
        });
    }

    /** Runs a counting statement in a transaction of its own whose work_mem keeps its hashes and sorts in memory. */
    private Uni<RowSet<Row>> inMemory(String sql, Tuple args) {
        return pool.withTransaction(connection -> connection.preparedQuery(WORK_MEM).execute(Tuple.of(workMem))
                .chain(() -> connection.preparedQuery(sql).execute(args)));
    }

    /** Fails closed (503, nothing counted) when no opt-out list is in force. */
    private static void requireListed(Row last) {
        if (!last.getBoolean("listed")) {
            throw ProblemException.unavailable("No national data opt-out list is in force for analytics; try again");
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
