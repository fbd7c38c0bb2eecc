package org.kmcr.audit.model;

import java.time.Instant;
import java.util.UUID;

/**
 * What a privacy officer searches the log for; every criterion is optional and they combine with AND.
 *
 * @param action     an action, or a prefix of actions ending in {@code .} (e.g. {@code record.})
 * @param basis      the access basis, e.g. {@code break-glass} or {@code self-claimed}
 * @param from       occurred at or after
 * @param to         occurred before
 */
public record AuditSearch(String nhsNumber, UUID personId, String userId, String orgCode, Instant from,
        Instant to, String action, String basis, String outcome) {
}
