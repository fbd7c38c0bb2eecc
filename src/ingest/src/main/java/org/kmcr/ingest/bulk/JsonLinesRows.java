package org.kmcr.ingest.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON lines (one JSON object per line, UTF-8; blank lines skipped), with the same keys as the CSV columns; values
 * are strings (numbers and booleans are taken as their text). A line longer than {@link CsvRows#MAX_ROW_CHARS} is
 * refused.
 */
final class JsonLinesRows implements RowSource {

    private final BufferedReader in;
    private final ObjectMapper json;
    private long number;

    JsonLinesRows(InputStream stream, ObjectMapper json) {
        this.in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 64 * 1024);
        this.json = json;
    }

    @Override
    public List<RowResult> next(int max) throws IOException {
        List<RowResult> rows = new ArrayList<>(max);
        String line;
        while (rows.size() < max && (line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            rows.add(toRow(++number, line));
        }
        return rows;
    }

    private RowResult toRow(long rowNumber, String line) {
        if (line.length() > CsvRows.MAX_ROW_CHARS) {
            return RowResult.unreadable(rowNumber, "The line is longer than " + CsvRows.MAX_ROW_CHARS
                    + " characters", line.substring(0, CsvRows.MAX_ROW_CHARS));
        }
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return RowResult.unreadable(rowNumber, "The line is not JSON: " + e.getOriginalMessage(), line);
        }
        if (node == null || !node.isObject()) {
            return RowResult.unreadable(rowNumber, "The line is not a JSON object", line);
        }
        Map<String, String> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isContainerNode()) {
                return RowResult.unreadable(rowNumber, "The value of \"" + field.getKey() + "\" is not a string",
                        line);
            }
            if (!field.getValue().isNull()) {
                values.put(field.getKey().toLowerCase(Locale.ROOT), field.getValue().asText());
            }
        }
        return RowResult.read(new SocialCareRow(rowNumber, values), line);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
