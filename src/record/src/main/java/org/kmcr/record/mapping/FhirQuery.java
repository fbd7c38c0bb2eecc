package org.kmcr.record.mapping;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A checked FHIR search (or {@code $everything}) on one person's record: what {@link FhirSearchParameters} made of
 * the request's parameters, in the terms the record store is queried in.
 *
 * @param type        the resource type searched; null for {@code $everything} (then {@code types} may narrow it)
 * @param categories  any of these {@code category} tokens (empty: any)
 * @param effective   bounds on the item's clinical date (all must hold)
 * @param codes       any of these {@code code} tokens (empty: any)
 * @param statuses    any of these statuses (empty: any)
 * @param updated     bounds on when KMCR last changed the item ({@code _lastUpdated}, {@code _since})
 * @param undatedIn   true when items with no clinical date pass the {@code effective} bounds ({@code $everything}'s
 *                    {@code start}/{@code end} are about care dates; a Patient has none and is still part of it)
 * @param types       for {@code $everything}: the resource types asked for ({@code _type}); empty: all
 * @param ignored     unknown parameters ignored under {@code Prefer: handling=lenient}, named in the Bundle
 * @param echo        the parameters as understood, in a stable order, for the Bundle's links
 */
public record FhirQuery(FhirResourceType type, PatientRef patient, List<Token> categories, List<Bound> effective,
        List<Token> codes, List<String> statuses, List<Bound> updated, boolean undatedIn, Set<String> types,
        int count, Sort sort, FhirCursor cursor, List<String> ignored, Map<String, List<String>> echo) {

    public FhirQuery {
        categories = List.copyOf(categories);
        effective = List.copyOf(effective);
        codes = List.copyOf(codes);
        statuses = List.copyOf(statuses);
        updated = List.copyOf(updated);
        types = Set.copyOf(types);
        ignored = List.copyOf(ignored);
        echo = Map.copyOf(echo);
    }

    /** Who the search is about: an NHS number, or the id of one of the person's Patient resources. */
    public record PatientRef(String nhsNumber, UUID patientResourceId) {
    }

    /** A token: {@code system|code}, {@code |code} (no system), {@code code} (any system), {@code system|} (any code). */
    public record Token(String system, String code, boolean noSystem) {
    }

    /** One bound on a date column: {@code column op value}. */
    public record Bound(Op op, Instant value) {
    }

    /** The comparisons a date prefix becomes. */
    public enum Op {
        GE(">="), LT("<");

        private final String sql;

        Op(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /** The order of a search: by clinical date or by KMCR's last change, ascending or descending. */
    public enum Sort {
        DATE_DESC("-date", "effective_at", false),
        DATE_ASC("date", "effective_at", true),
        UPDATED_DESC("-_lastUpdated", "updated_at", false),
        UPDATED_ASC("_lastUpdated", "updated_at", true);

        private final String parameter;
        private final String column;
        private final boolean ascending;

        Sort(String parameter, String column, boolean ascending) {
            this.parameter = parameter;
            this.column = column;
            this.ascending = ascending;
        }

        public String parameter() {
            return parameter;
        }

        public String column() {
            return column;
        }

        public boolean ascending() {
            return ascending;
        }
    }
}
