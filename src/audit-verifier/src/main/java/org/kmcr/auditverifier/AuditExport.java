package org.kmcr.auditverifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An export of the audit log (JSON Lines, media type {@code application/x-ndjson}): a header line (the format,
 * the first exported sequence and the right edge of the tree of the entries before it, for a log trimmed by
 * retention), one line per entry and one per checkpoint, each with a {@code type}.
 *
 * @param prefix hex hashes of the perfect subtrees of the tree of the first {@code firstSequence - 1} entries
 */
public record AuditExport(long firstSequence, List<String> prefix, List<ExportedEntry> entries,
        List<SignedCheckpoint> checkpoints) {

    public static final String FORMAT = "kmcr-audit-export/v1";
    public static final String MEDIA_TYPE = "application/x-ndjson";
    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /** Reads an export; an {@link IllegalArgumentException} naming the line for anything malformed. */
    public static AuditExport read(BufferedReader lines) throws IOException {
        long firstSequence = 1;
        List<String> prefix = List.of();
        List<ExportedEntry> entries = new ArrayList<>();
        List<SignedCheckpoint> checkpoints = new ArrayList<>();
        boolean header = false;
        int number = 0;
        for (String line; (line = lines.readLine()) != null;) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException("line " + number + " is not JSON");
            }
            switch (node.path("type").asText()) {
                case "header" -> {
                    if (!FORMAT.equals(node.path("format").asText())) {
                        throw new IllegalArgumentException("line " + number + ": not a " + FORMAT + " export");
                    }
                    header = true;
                    firstSequence = node.path("firstSequence").asLong(1);
                    List<String> edge = new ArrayList<>();
                    node.path("prefix").forEach(hash -> edge.add(hash.asText()));
                    prefix = edge;
                }
                case "entry" -> entries.add(entryFrom(node));
                case "checkpoint" -> checkpoints.add(JSON.treeToValue(node, SignedCheckpoint.class));
                default -> throw new IllegalArgumentException("line " + number + " has no known type");
            }
        }
        if (!header) {
            throw new IllegalArgumentException("the export has no header line");
        }
        return new AuditExport(firstSequence, prefix, entries, checkpoints);
    }

    /** The header line's object. */
    public static Map<String, Object> header(long firstSequence, List<String> prefix) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("type", "header");
        header.put("format", FORMAT);
        header.put("firstSequence", firstSequence);
        header.put("prefix", prefix);
        return header;
    }

    /** An entry line's object: {@code type}, the hashed fields by name, and the hash. */
    public static Map<String, Object> entry(List<String> values, String hash) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", "entry");
        for (int i = 0; i < EntryHash.FIELDS.size(); i++) {
            entry.put(EntryHash.FIELDS.get(i), values.get(i));
        }
        entry.put("hash", hash);
        return entry;
    }

    /** A checkpoint line's object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> checkpoint(SignedCheckpoint checkpoint) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "checkpoint");
        line.putAll(JSON.convertValue(checkpoint, Map.class));
        return line;
    }

    /** One line of an export file: the object as JSON and a newline. */
    public static String line(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An entry from its line's object (as in an export, or as a citizen's access log carries it). */
    public static ExportedEntry entryFrom(JsonNode node) {
        Map<String, String> fields = new HashMap<>();
        for (String name : EntryHash.FIELDS) {
            JsonNode value = node.get(name);
            fields.put(name, value == null || value.isNull() ? null : value.asText());
        }
        return new ExportedEntry(fields, node.path("hash").asText());
    }
}
