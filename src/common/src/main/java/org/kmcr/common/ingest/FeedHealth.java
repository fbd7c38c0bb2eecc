package org.kmcr.common.ingest;

import java.time.Instant;

/**
 * The health of one source (organisation, system, feed): when it last sent, what was accepted and rejected in the
 * last hour and day, the dead letters waiting for replay and the oldest of them (the oldest unprocessed message).
 * Ingest's answer to {@code GET /api/feed-health}, read by the portal; the {@code with} methods are ingest's, adding
 * up its counts.
 */
public record FeedHealth(String sourceOrg, String sourceSystem, String feed, Instant lastMessageAt,
        long acceptedLastHour, long acceptedLastDay, long rejectedLastHour, long rejectedLastDay,
        long deadLettersWaiting, Instant oldestUnprocessedAt) {

    public static FeedHealth empty(String org, String system, String feed) {
        return new FeedHealth(org, system, feed, null, 0, 0, 0, 0, 0, null);
    }

    public String key() {
        return sourceOrg + "|" + sourceSystem + "|" + feed;
    }

    public FeedHealth withAccepted(Instant last, long hour, long day) {
        return new FeedHealth(sourceOrg, sourceSystem, feed, latest(lastMessageAt, last), hour, day, rejectedLastHour,
                rejectedLastDay, deadLettersWaiting, oldestUnprocessedAt);
    }

    /** Adds rejections (a feed whose dead letters are kept under more than one content type adds each). */
    public FeedHealth withRejected(Instant last, long hour, long day, long waiting, Instant oldest) {
        return new FeedHealth(sourceOrg, sourceSystem, feed, latest(lastMessageAt, last), acceptedLastHour,
                acceptedLastDay, rejectedLastHour + hour, rejectedLastDay + day, deadLettersWaiting + waiting,
                earliest(oldestUnprocessedAt, oldest));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
