package org.kmcr.portal.model;

import java.util.UUID;

/**
 * One dead letter on the feed health page, as the platform operator sees it: where and when it came from, its
 * problem's status and title and the places in the message it names; never the message.
 */
public record DeadLetterRow(UUID id, String received, String organisation, String system, String feed,
        String problem, String where, int attempts, String lastAttempt) {
}
