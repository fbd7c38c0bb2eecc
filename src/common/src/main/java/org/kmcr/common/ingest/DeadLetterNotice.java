package org.kmcr.common.ingest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A dead letter as the platform operator sees it ({@code GET /api/dead-letters/notices}, and the answer of an
 * operator's replay): where and when it came from, the status and title of its problem and the places in the
 * message that problem names. Never the message nor the problem's own words: both can quote personal data (a name,
 * an NHS number, a value), which only the sending organisation reads ({@code GET /api/dead-letters/{id}}).
 *
 * @param feed     the kind of feed it came in on: {@code fhir}, {@code hl7v2} or {@code social-care-bulk}
 * @param status   the HTTP status its sender was given (a 503 is worth replaying once the dependency is back)
 * @param problem  the problem's title, e.g. {@code Unprocessable content}
 * @param fields   where in the message the problem lies, e.g. {@code Bundle.entry[0].resource.identifier}
 * @param state    {@code open} or {@code replayed}
 */
public record DeadLetterNotice(UUID id, Instant receivedAt, String sourceOrg, String sourceSystem, String feed,
        int status, String problem, List<String> fields, String state, int attempts, Instant lastAttemptAt) {

    public static final String OPEN = "open";
    public static final String REPLAYED = "replayed";
}
