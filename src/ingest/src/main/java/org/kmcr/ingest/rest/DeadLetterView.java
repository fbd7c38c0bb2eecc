package org.kmcr.ingest.rest;

import java.time.Instant;
import java.util.UUID;
import org.kmcr.ingest.model.DeadLetter;

/** A dead letter as its sender sees it; the payload only when asked for one letter. */
public record DeadLetterView(UUID id, Instant receivedAt, String sourceSystem, String contentType, int status,
        String error, String state, int attempts, Instant lastAttemptAt, String payload) {

    static DeadLetterView summary(DeadLetter letter) {
        return of(letter, null);
    }

    static DeadLetterView full(DeadLetter letter) {
        return of(letter, letter.payload);
    }

    private static DeadLetterView of(DeadLetter l, String payload) {
        return new DeadLetterView(l.id, l.receivedAt, l.sourceSystem, l.contentType, l.status, l.error, l.state,
                l.attempts, l.lastAttemptAt, payload);
    }
}
