package org.kmcr.identity.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.kmcr.identity.model.Demographics;

/**
 * The labelled data sets of the accuracy benchmark (see each folder's README under the shared data directory),
 * mapped to the resolve API's demographics field by field; nothing else (no label) reaches the matcher.
 */
final class LabelledSets {

    private static final Pattern FEBRL_ID = Pattern.compile("rec-(\\d+)-(org|dup-\\d+)");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private LabelledSets() {
    }

    /** FEBRL: rec-N-org and rec-N-dup-k are person N; street number and address lines, suburb, postcode, date of birth. */
    static List<LabelledRecord> febrl(Path... files) throws IOException {
        List<LabelledRecord> records = new ArrayList<>();
        for (Path file : files) {
            for (CSVRecord row : rows(file, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true).setTrim(true).get())) {
                Matcher id = FEBRL_ID.matcher(row.get("rec_id"));
                if (!id.matches()) {
                    throw new IllegalStateException("Unexpected FEBRL id " + row.get("rec_id"));
                }
                String line1 = join(row.get("street_number"), row.get("address_1"));
                List<String> lines = new ArrayList<>();
                if (line1 != null) {
                    lines.add(line1);
                }
                if (blank(row.get("address_2")) != null) {
                    lines.add(row.get("address_2"));
                }
                records.add(new LabelledRecord(row.get("rec_id"), id.group(1), null, new Demographics(
                        blank(row.get("surname")), given(row.get("given_name")), compactDate(row.get("date_of_birth")),
                        null, lines.isEmpty() ? null : lines, blank(row.get("suburb")), blank(row.get("postcode")),
                        null, null, null)));
            }
        }
        return records;
    }

    /** Splink fake_1000: first name, surname, date of birth, city, e-mail address. */
    static List<LabelledRecord> fake1000(Path file) throws IOException {
        List<LabelledRecord> records = new ArrayList<>();
        for (CSVRecord row : rows(file, header())) {
            records.add(new LabelledRecord("F-" + row.get("unique_id"), row.get("cluster"), null, new Demographics(
                    blank(row.get("surname")), given(row.get("first_name")), blank(row.get("dob")), null, null,
                    blank(row.get("city")), null, null, null, null, blank(row.get("email")))));
        }
        return records;
    }

    /** Splink historical_figures_with_errors_50k: names, date of birth, birth place as town, postcode, gender. */
    static List<LabelledRecord> historical(Path file) throws IOException {
        List<LabelledRecord> records = new ArrayList<>();
        for (CSVRecord row : rows(file, header())) {
            records.add(new LabelledRecord(row.get("unique_id"), row.get("cluster"), null, new Demographics(
                    blank(row.get("surname")), given(row.get("first_name")), blank(row.get("dob")),
                    gender(row.get("gender")), null, blank(row.get("birth_place")), blank(row.get("postcode_fake")),
                    null, null, null)));
        }
        return records;
    }

    private static CSVFormat header() {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    }

    private static List<CSVRecord> rows(Path file, CSVFormat format) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return format.parse(in).getRecords();
        }
    }

    private static String gender(String value) {
        String g = blank(value);
        return g == null || !List.of("male", "female").contains(g) ? null : g;
    }

    private static List<String> given(String value) {
        String g = blank(value);
        return g == null ? null : List.of(g);
    }

    private static String compactDate(String value) {
        String d = blank(value);
        if (d == null) {
            return null;
        }
        Matcher m = COMPACT_DATE.matcher(d);
        return m.matches() ? m.group(1) + "-" + m.group(2) + "-" + m.group(3) : null;
    }

    private static String join(String a, String b) {
        String left = blank(a);
        String right = blank(b);
        if (left == null) {
            return right;
        }
        return right == null ? left : left + " " + right;
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
