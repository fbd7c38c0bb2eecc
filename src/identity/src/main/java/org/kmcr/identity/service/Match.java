package org.kmcr.identity.service;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * A matcher's decision: the person a source identity belongs to, and why.
 *
 * @param score    how sure the matcher is, from 0 to 1
 * @param evidence per field, what was compared and how it agreed, e.g. {"nhsNumber": "exact match"}
 */
public record Match(UUID personId, String nhsNumber, String method, BigDecimal score, Map<String, String> evidence) {
}
