package org.kmcr.ingest.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CSV rows (RFC 4180: comma separated, fields in double quotes may hold commas, line breaks and doubled quotes;
 * CRLF or LF line ends; UTF-8, a byte order mark ignored) under a header row naming the columns. Read one record at
 * a time; a record longer than {@link #MAX_ROW_CHARS} is refused rather than held.
 */
final class CsvRows implements RowSource {

    static final int MAX_ROW_CHARS = 64 * 1024;

    private final BufferedReader in;
    private final List<String> header;
    private long number;
    private boolean ended;

    CsvRows(InputStream stream) throws IOException {
        this.in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 64 * 1024);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        Record first = record();
        if (first == null || first.fields.isEmpty()) {
            throw new IOException("The file is empty: a CSV extract starts with a header row naming its columns");
        }
        header = first.fields.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public List<RowResult> next(int max) throws IOException {
        List<RowResult> rows = new ArrayList<>(max);
        while (rows.size() < max && !ended) {
            Record record = record();
            if (record == null) {
                ended = true;
            } else if (!(record.fields.size() == 1 && record.fields.get(0).isEmpty() && record.error == null)) {
                rows.add(toRow(++number, record));
            }
        }
        return rows;
    }

    private RowResult toRow(long rowNumber, Record record) {
        if (record.error != null) {
            return RowResult.unreadable(rowNumber, record.error, record.raw);
        }
        if (record.fields.size() > header.size()) {
            return RowResult.unreadable(rowNumber, "The row has " + record.fields.size() + " fields but the header "
                    + "names " + header.size() + " columns", record.raw);
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < record.fields.size(); i++) {
            values.put(header.get(i), record.fields.get(i));
        }
        return RowResult.read(new SocialCareRow(rowNumber, values), record.raw);
    }

    private record Record(List<String> fields, String raw, String error) {
    }

    /** The next record, or null at the end of the input. */
    private Record record() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        String error = null;
        int c;
        while ((c = in.read()) != -1) {
            any = true;
            if (raw.length() < MAX_ROW_CHARS) {
                raw.append((char) c);
            } else if (error == null) {
                error = "The row is longer than " + MAX_ROW_CHARS + " characters";
            }
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int after = in.read();
                    if (after == '"') {
                        field.append('"');
                        raw.append('"');
                    } else {
                        quoted = false;
                        if (after != -1) {
                            in.reset();
                        }
                    }
                } else if (error == null) {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                break;
            } else if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                break;
            } else if (error == null) {
                field.append((char) c);
            }
        }
        if (!any) {
            return null;
        }
        if (quoted && error == null) {
            error = "A quoted field is not closed before the end of the file";
        }
        fields.add(field.toString());
        String text = raw.toString().stripTrailing();
        return new Record(error == null ? fields : List.of(), text, error);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
