package org.kmcr.auditverifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of an export: the text of each hashed field as the service hashed it, and the stored hash.
 *
 * @param fields every one of {@link EntryHash#FIELDS} by name (a missing name counts as an absent value)
 */
public record ExportedEntry(Map<String, String> fields, String hash) {

    public long sequence() {
        return Long.parseLong(fields.get("sequence"));
    }

    public String prevHash() {
        return fields.get("prevHash");
    }

    /** The hash the fields give, as if the entry stood at {@code sequence}. */
    public String hashAt(long sequence) {
        List<String> values = new ArrayList<>();
        for (String name : EntryHash.FIELDS) {
            values.add("sequence".equals(name) ? Long.toString(sequence) : fields.get(name));
        }
        return EntryHash.of(values);
    }

    /** The hash the fields give. */
    public String recomputedHash() {
        return hashAt(sequence());
    }
}
