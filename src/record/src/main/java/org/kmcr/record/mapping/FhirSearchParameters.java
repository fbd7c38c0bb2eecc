package org.kmcr.record.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.common.problem.Problem;
import org.kmcr.common.problem.ProblemException;

/**
 * Reads the parameters of a FHIR search or {@code $everything} into a {@link FhirQuery}, checking each: a value that
 * cannot be understood is a 400 naming the parameter; a parameter this server does not support is a 400 under
 * {@code Prefer: handling=strict} and is ignored (and named in the answer) under {@code handling=lenient}, the
 * default. The parameters each type supports are listed here once; the CapabilityStatement is made from them.
 */
public final class FhirSearchParameters {

    public static final int DEFAULT_COUNT = 50;
    public static final int MAX_COUNT = 1000;

    /** Parameters every search takes. */
    public static final List<String> COMMON = List.of("_count", "_sort", "_lastUpdated");
    /** Parameters of a search on a type other than Patient (category only where the type has one). */
    public static final List<String> CLINICAL = List.of("patient", "category", "date", "code", "status");
    /** Parameters of {@code $everything}. */
    public static final List<String> EVERYTHING = List.of("_since", "start", "end", "_count", "_type");
    /** Parameters that control the answer rather than select items. */
    static final Set<String> CONTROL = Set.of("_cursor", "_format");

    private static final Pattern PATIENT_ID = Pattern.compile("(?:Patient/)?([0-9a-fA-F-]{36}|\\d{10})");

    private FhirSearchParameters() {
    }

    /** The search parameters a type supports, as the CapabilityStatement lists them. */
    public static List<String> supported(FhirResourceType type) {
        List<String> names = new ArrayList<>();
        if (type == FhirResourceType.PATIENT) {
            names.add("identifier");
        } else {
            CLINICAL.stream().filter(p -> !p.equals("category")
                    || type.categoryShape() != FhirResourceType.CategoryShape.NONE).forEach(names::add);
        }
        names.addAll(COMMON);
        return names;
    }

    /** A search on one type: {@code GET [base]/[type]?...}. */
    public static FhirQuery search(FhirResourceType type, Map<String, List<String>> parameters, boolean strict) {
        Reader reader = new Reader(parameters, strict, Set.copyOf(supported(type)));
        FhirQuery.PatientRef patient = type == FhirResourceType.PATIENT
                ? reader.identifier("identifier", true) : reader.patient();
        List<FhirQuery.Token> categories = reader.tokens("category");
        List<FhirQuery.Bound> effective = reader.dates("date");
        List<FhirQuery.Token> codes = reader.tokens("code");
        List<String> statuses = reader.tokens("status").stream().map(FhirQuery.Token::code).toList();
        List<FhirQuery.Bound> updated = reader.dates("_lastUpdated");
        FhirQuery.Sort sort = reader.sort();
        return reader.finish(new FhirQuery(type, patient, categories, effective, codes, statuses, updated, false,
                Set.of(), reader.count(), sort, reader.cursor(), List.of(), Map.of()));
    }

    /**
     * {@code Patient/[id]/$everything} (the id given) or {@code Patient/$everything?identifier=...} (id null):
     * {@code _since} bounds KMCR's last change, {@code start}/{@code end} the items' care dates (undated items such as
     * the Patient stay in), {@code _type} the resource types.
     */
    public static FhirQuery everything(String patientId, Map<String, List<String>> parameters, boolean strict) {
        Set<String> allowed = new LinkedHashSet<>(EVERYTHING);
        if (patientId == null) {
            allowed.add("identifier");
        }
        Reader reader = new Reader(parameters, strict, allowed);
        FhirQuery.PatientRef patient = patientId == null ? reader.identifier("identifier", true)
                : patientRef(patientId, "id");
        List<FhirQuery.Bound> updated = new ArrayList<>();
        reader.single("_since").ifPresent(text -> updated.add(new FhirQuery.Bound(FhirQuery.Op.GE,
                reader.instant("_since", text))));
        List<FhirQuery.Bound> effective = new ArrayList<>();
        reader.single("start").ifPresent(text -> effective.add(new FhirQuery.Bound(FhirQuery.Op.GE,
                reader.dateRange("start", text)[0])));
        reader.single("end").ifPresent(text -> effective.add(new FhirQuery.Bound(FhirQuery.Op.LT,
                reader.dateRange("end", text)[1])));
        Set<String> types = new LinkedHashSet<>();
        for (String value : reader.values("_type")) {
            for (String name : value.split(",")) {
                if (FhirResourceType.ofName(name.strip()).isEmpty()) {
                    reader.error("_type", "is not a type this server serves: " + name.strip());
                } else {
                    types.add(name.strip());
                }
            }
        }
        return reader.finish(new FhirQuery(null, patient, List.of(), effective, List.of(), List.of(), updated, true,
                types, reader.count(), FhirQuery.Sort.DATE_DESC, reader.cursor(), List.of(), Map.of()));
    }

    /** A patient given as {@code [Patient/]<resource id>} or {@code [Patient/]<NHS number>}. */
    static FhirQuery.PatientRef patientRef(String text, String field) {
        var matcher = PATIENT_ID.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new ProblemException(400, "Bad request", "The search names no patient it can find",
                    List.of(new Problem.FieldError(field, "must be Patient/<id> or an NHS number")));
        }
        String id = matcher.group(1);
        if (id.length() == 10) {
            return new FhirQuery.PatientRef(id, null);
        }
        try {
            return new FhirQuery.PatientRef(null, UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad request", "The search names no patient it can find",
                    List.of(new Problem.FieldError(field, "must be Patient/<id> or an NHS number")));
        }
    }

    /** Reads the parameters, collecting every error so that one answer names them all. */
    private static final class Reader {
        private final Map<String, List<String>> parameters;
        private final boolean strict;
        private final Set<String> allowed;
        private final List<Problem.FieldError> errors = new ArrayList<>();
        private final Map<String, List<String>> echo = new TreeMap<>();

        Reader(Map<String, List<String>> parameters, boolean strict, Set<String> allowed) {
            this.parameters = parameters;
            this.strict = strict;
            this.allowed = allowed;
        }

        List<String> values(String name) {
            if (!allowed.contains(name) && !extra.contains(name)) {
                return List.of();
            }
            List<String> values = parameters.getOrDefault(name, List.of()).stream()
                    .filter(v -> v != null && !v.isBlank()).toList();
            if (!values.isEmpty()) {
                echo.put(name, values);
            }
            return values;
        }

        java.util.Optional<String> single(String name) {
            List<String> values = values(name);
            if (values.size() > 1) {
                error(name, "may be given once");
            }
            return values.stream().findFirst();
        }

        void error(String name, String message) {
            errors.add(new Problem.FieldError(name, message));
        }

        FhirQuery.PatientRef identifier(String name, boolean required) {
            java.util.Optional<String> value = single(name);
            if (value.isEmpty()) {
                if (required) {
                    error(name, "is required: " + NhsNumber.SYSTEM + "|<NHS number>");
                }
                return null;
            }
            String prefix = NhsNumber.SYSTEM + "|";
            if (!value.get().startsWith(prefix)) {
                error(name, "must be " + prefix + "<NHS number>");
                return null;
            }
            return new FhirQuery.PatientRef(value.get().substring(prefix.length()), null);
        }

        FhirQuery.PatientRef patient() {
            java.util.Optional<String> value = single("patient");
            List<String> byIdentifier = parameters.getOrDefault("patient:identifier", List.of());
            if (!byIdentifier.isEmpty()) {
                // the :identifier modifier is part of the patient parameter
                extra.add("patient:identifier");
                FhirQuery.PatientRef ref = identifier("patient:identifier", true);
                if (value.isPresent()) {
                    error("patient", "give patient or patient:identifier, not both");
                }
                return ref;
            }
            if (value.isEmpty()) {
                error("patient", "is required: a search is always about one person");
                return null;
            }
            try {
                return patientRef(value.get(), "patient");
            } catch (ProblemException e) {
                errors.addAll(e.errors());
                return null;
            }
        }

        private final java.util.Set<String> extra = new java.util.HashSet<>();

        List<FhirQuery.Token> tokens(String name) {
            List<FhirQuery.Token> tokens = new ArrayList<>();
            List<String> values = values(name);
            if (values.size() > 1) {
                error(name, "may be given once (list alternatives with commas)");
            }
            for (String value : values) {
                for (String part : value.split(",")) {
                    String token = part.strip();
                    int bar = token.indexOf('|');
                    if (token.isEmpty() || token.equals("|")) {
                        error(name, "has an empty value");
                    } else if (bar < 0) {
                        tokens.add(new FhirQuery.Token(null, token, false));
                    } else if (bar == 0) {
                        tokens.add(new FhirQuery.Token(null, token.substring(1), true));
                    } else {
                        String code = token.substring(bar + 1);
                        tokens.add(new FhirQuery.Token(token.substring(0, bar), code.isEmpty() ? null : code, false));
                    }
                }
            }
            return tokens;
        }

        List<FhirQuery.Bound> dates(String name) {
            List<FhirQuery.Bound> bounds = new ArrayList<>();
            for (String raw : values(name)) {
                // an unencoded + in a time zone arrives as a space
                String value = raw.strip().replace(' ', '+');
                String prefix = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(0, 2) : "eq";
                String text = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(2) : value;
                Instant[] range = dateRange(name, text);
                if (range == null) {
                    continue;
                }
                switch (prefix) {
                    case "eq" -> {
                        bounds.add(new FhirQuery.Bound(FhirQuery.Op.GE, range[0]));
                        bounds.add(new FhirQuery.Bound(FhirQuery.Op.LT, range[1]));
                    }
                    case "ge" -> bounds.add(new FhirQuery.Bound(FhirQuery.Op.GE, range[0]));
                    case "gt" -> bounds.add(new FhirQuery.Bound(FhirQuery.Op.GE, range[1]));
                    case "lt" -> bounds.add(new FhirQuery.Bound(FhirQuery.Op.LT, range[0]));
                    case "le" -> bounds.add(new FhirQuery.Bound(FhirQuery.Op.LT, range[1]));
                    default -> error(name, "prefix " + prefix + " is not supported (eq, lt, le, gt, ge)");
                }
            }
            return bounds;
        }

        /** The instants a date of the given precision covers: [start, end); null (with an error) when unreadable. */
        Instant[] dateRange(String name, String text) {
            try {
                if (text.matches("\\d{4}")) {
                    Instant start = LocalDate.of(Integer.parseInt(text), 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
                    return new Instant[] {start, LocalDate.of(Integer.parseInt(text) + 1, 1, 1)
                            .atStartOfDay(ZoneOffset.UTC).toInstant()};
                }
                if (text.matches("\\d{4}-\\d{2}")) {
                    YearMonth month = YearMonth.parse(text);
                    return new Instant[] {month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                            month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()};
                }
                if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    LocalDate day = LocalDate.parse(text);
                    return new Instant[] {day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                            day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()};
                }
                Instant at = OffsetDateTime.parse(text).toInstant();
                return new Instant[] {at, at.plus(1, ChronoUnit.SECONDS)};
            } catch (DateTimeParseException | NumberFormatException e) {
                error(name, "must be a FHIR date or dateTime with a time zone (e.g. 2024-03-01 or "
                        + "2024-03-01T10:00:00Z), after an optional prefix eq, lt, le, gt or ge");
                return null;
            }
        }

        Instant instant(String name, String text) {
            Instant[] range = dateRange(name, text.strip().replace(' ', '+'));
            return range == null ? Instant.EPOCH : range[0];
        }

        int count() {
            java.util.Optional<String> text = single("_count");
            if (text.isEmpty()) {
                return DEFAULT_COUNT;
            }
            try {
                int count = Integer.parseInt(text.get().strip());
                if (count < 1) {
                    error("_count", "must be 1 or more");
                    return DEFAULT_COUNT;
                }
                // FHIR lets a server return fewer than asked; the next link carries on
                return Math.min(count, MAX_COUNT);
            } catch (NumberFormatException e) {
                error("_count", "must be a whole number");
                return DEFAULT_COUNT;
            }
        }

        FhirQuery.Sort sort() {
            java.util.Optional<String> text = single("_sort");
            if (text.isEmpty()) {
                return FhirQuery.Sort.DATE_DESC;
            }
            for (FhirQuery.Sort sort : FhirQuery.Sort.values()) {
                if (sort.parameter().equals(text.get().strip())) {
                    return sort;
                }
            }
            error("_sort", "must be one of date, -date, _lastUpdated, -_lastUpdated");
            return FhirQuery.Sort.DATE_DESC;
        }

        FhirCursor cursor() {
            List<String> values = parameters.getOrDefault("_cursor", List.of());
            if (values.isEmpty()) {
                return null;
            }
            java.util.Optional<FhirCursor> cursor = values.size() == 1 ? FhirCursor.decode(values.get(0))
                    : java.util.Optional.empty();
            if (cursor.isEmpty()) {
                error("_cursor", "is not a page link this server made; start the search again");
                return null;
            }
            return cursor.get();
        }

        FhirQuery finish(FhirQuery query) {
            List<String> ignored = new ArrayList<>();
            for (String name : new java.util.TreeSet<>(parameters.keySet())) {
                if (!allowed.contains(name) && !CONTROL.contains(name) && !extra.contains(name)) {
                    if (strict) {
                        error(name, "is not a search parameter this server supports here");
                    } else {
                        ignored.add(name);
                    }
                }
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(400, "Bad request", "The search parameters are not valid", errors);
            }
            return new FhirQuery(query.type(), query.patient(), query.categories(), query.effective(),
                    query.codes(), query.statuses(), query.updated(), query.undatedIn(), query.types(),
                    query.count(), query.sort(), query.cursor(), ignored, echo);
        }
    }
}
