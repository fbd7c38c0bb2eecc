package org.kmcr.portal.model;

import java.util.List;

/**
 * One page of the timeline: contacts most recent first, the type filter in force and the next page's cursor
 * (URL-encoded, as the link carries it).
 */
public record TimelineView(String nhsNumber, String nhsNumberSpaced, String type, List<Option> types,
        List<Contact> contacts, String nextCursor) {

    /** A contact as the timeline lists it. */
    public record Contact(String when, String type, String display, String status, String organisation,
            String location) {
    }

    /** One choice of the type filter. */
    public record Option(String code, String label, boolean selected) {
    }
}
