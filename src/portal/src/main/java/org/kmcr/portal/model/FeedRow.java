package org.kmcr.portal.model;

/** One source on the feed health page. */
public record FeedRow(String organisation, String system, String feed, String lastMessage, long acceptedLastHour,
        long acceptedLastDay, long rejectedLastHour, long rejectedLastDay, long deadLettersWaiting) {

    public boolean troubled() {
        return deadLettersWaiting > 0 || rejectedLastHour > 0;
    }
}
