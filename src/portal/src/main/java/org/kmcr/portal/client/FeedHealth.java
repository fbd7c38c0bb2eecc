package org.kmcr.portal.client;

import java.time.Instant;

/** One source's feed as ingest reports it (counts and times only); ingest's answer, read here. */
public record FeedHealth(String sourceOrg, String sourceSystem, String feed, Instant lastMessageAt,
        long acceptedLastHour, long acceptedLastDay, long rejectedLastHour, long rejectedLastDay,
        long deadLettersWaiting, Instant oldestUnprocessedAt) {
}
