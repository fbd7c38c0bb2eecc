package org.kmcr.ingest.bulk;

import java.util.Map;

/**
 * One row of a social care extract, as read (CSV or JSON lines), before it is checked: the named columns of the
 * documented format (docs/api.md, "Bulk social care extracts") and their raw text values.
 *
 * @param number the row's number in the file: 1 for the first data row (after a CSV header)
 * @param values column name to value; blank values are absent
 */
public record SocialCareRow(long number, Map<String, String> values) {

    public SocialCareRow {
        values = Map.copyOf(values);
    }

    /** The value of a column, or null when it is absent or blank. */
    public String get(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
