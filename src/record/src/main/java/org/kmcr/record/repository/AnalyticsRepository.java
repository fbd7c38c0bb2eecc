package org.kmcr.record.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kmcr.common.analytics.Breakdown;
import org.kmcr.common.analytics.MeasureKind;
import org.kmcr.record.policy.HotSpots.DistrictCounts;

/**
 * Counts of people over the analytics tables that migration V50's trigger keeps (record.analytics_event and
 * record.analytics_person). People are counted once each (by NHS number, else source identity); those whose NHS
 * number is in {@code optedOut} are left out of every count by an anti-join; only counts leave this class.
 */
@ApplicationScoped
public class AnalyticsRepository {

    static final String MEASURES = "SELECT code, title, description, kind, category FROM record.analytics_measure "
            + "ORDER BY sort_order, code";
    static final String OPTED_OUT = "opted_out AS (SELECT unnest($1::text[]) AS nhs_number)";
    static final String NOT_OPTED_OUT = "NOT EXISTS (SELECT 1 FROM opted_out o WHERE o.nhs_number = p.nhs_number)";

    private final Pool pool;

    AnalyticsRepository(Pool pool) {
        this.pool = pool;
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
     * People counted for a measure by one breakdown. For an event measure, people with a matching item in
     * {@code [from, to]}, each in the group of their first such item (by week: once in each week); for a current
     * measure every matching item now, whatever the dates.
     */
    public Uni<Counts> count(MeasureRow measure, Breakdown by, LocalDate from, LocalDate to, String[] optedOut,
            LocalDate today) {
        boolean event = measure.kind() == MeasureKind.EVENT;
        String period = event ? " AND e.day BETWEEN $3 AND $4" : "";
        String group = group(by, event ? "e.day" : "$3::date");
        String matched = "SELECT p.person_key, e.day, " + group + " AS grp FROM record.analytics_event e "
                + "JOIN record.analytics_person p ON p.source_identity_id = e.source_identity_id "
                + "WHERE e.measure_code = $2" + period + " AND " + NOT_OPTED_OUT;
        // by week a person counts once a week; otherwise once, in the group of their first item
        String people = by == Breakdown.WEEK
                ? "SELECT DISTINCT person_key, grp FROM matched"
                : "SELECT DISTINCT ON (person_key) person_key, grp FROM matched ORDER BY person_key, day, grp";
        String sql = "WITH " + OPTED_OUT + ", matched AS (" + matched + "), people AS (" + people + ") "
                + "SELECT grp, count(*) AS n, (SELECT count(DISTINCT person_key) FROM people) AS total "
                + "FROM people GROUP BY grp ORDER BY grp NULLS LAST";
        // a current measure uses today only for ages
        Tuple args = event ? Tuple.of(optedOut, measure.code(), from, to)
                : by == Breakdown.AGE_BAND ? Tuple.of(optedOut, measure.code(), today)
                : Tuple.of(optedOut, measure.code());
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            Map<String, Long> groups = new LinkedHashMap<>();
            long total = 0;
            for (Row row : rows) {
                groups.put(row.getString("grp"), row.getLong("n"));
                total = row.getLong("total");
            }
            return new Counts(groups, total);
        });
    }

    /** For hot spots: per district, the people of the recent 7 days to {@code to}, of the 7 before, and everyone. */
    public Uni<List<DistrictCounts>> districtWeeks(MeasureRow measure, LocalDate to, String[] optedOut) {
        String sql = "WITH " + OPTED_OUT + ", "
                + "counted AS (SELECT p.district, count(DISTINCT p.person_key) FILTER (WHERE e.day > $3::date - 7) "
                + "AS recent, count(DISTINCT p.person_key) FILTER (WHERE e.day <= $3::date - 7) AS prior "
                + "FROM record.analytics_event e JOIN record.analytics_person p "
                + "ON p.source_identity_id = e.source_identity_id WHERE e.measure_code = $2 "
                + "AND e.day BETWEEN $3::date - 13 AND $3::date AND p.district IS NOT NULL AND " + NOT_OPTED_OUT
                + " GROUP BY p.district), "
                + "population AS (SELECT p.district, count(DISTINCT p.person_key) AS people "
                + "FROM record.analytics_person p WHERE p.district IN (SELECT district FROM counted) AND "
                + NOT_OPTED_OUT + " GROUP BY p.district) "
                + "SELECT c.district, c.recent, c.prior, coalesce(n.people, 0) AS people FROM counted c "
                + "LEFT JOIN population n ON n.district = c.district ORDER BY c.district";
        return pool.preparedQuery(sql).execute(Tuple.of(optedOut, measure.code(), to)).map(rows -> {
            List<DistrictCounts> districts = new ArrayList<>();
            for (Row row : rows) {
                districts.add(new DistrictCounts(row.getString("district"), row.getLong("recent"),
                        row.getLong("prior"), row.getLong("people")));
            }
            return districts;
        });
    }

    /** The SQL of a breakdown's group: chosen from this fixed list, never from request text. */
    static String group(Breakdown by, String ageAt) {
        return switch (by) {
            case DISTRICT -> "coalesce(p.district, 'unknown')";
            case SEX -> "coalesce(p.sex, 'unknown')";
            case SITE -> "e.site";
            case WEEK -> "to_char(date_trunc('week', e.day), 'YYYY-MM-DD')";
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
