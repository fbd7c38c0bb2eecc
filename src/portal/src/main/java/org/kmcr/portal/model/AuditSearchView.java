package org.kmcr.portal.model;

import java.util.List;

/**
 * One page of an audit search as the page shows it: the filters as typed, the rows, the exact total, and the links
 * to the neighbouring pages and to the CSV of this page (empty when there is none).
 */
public record AuditSearchView(Filters filters, List<Row> rows, long total, int page, int pages, String previous,
        String next, String csv, boolean searched) {

    /** The filters as the user typed them (empty strings for none). */
    public record Filters(String nhsNumber, String user, String org, String action, String basis, String from,
            String to) {
    }

    /** One audit entry. */
    public record Row(long sequence, String when, String action, String outcome, String who, String organisation,
            String basis, String subject, String categories, boolean brokeGlass) {
    }
}
