package org.kmcr.identity.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.identity.model.ReviewedIdentity;

/**
 * A matcher's decision: the person a source identity belongs to, and why.
 *
 * @param score         how sure the matcher is, from 0 to 1
 * @param evidence      per field, what was compared and how it agreed, in words
 * @param possibleMatch null for a decided match; for a possible match (a score between the thresholds), the
 *                      candidate person's source identities as a review shows them, and the link waits for it
 */
public record Match(UUID personId, String nhsNumber, String method, BigDecimal score, Map<String, String> evidence,
        List<ReviewedIdentity> possibleMatch) {

    public static final String NHS_NUMBER = "nhs-number";
    public static final String DEMOGRAPHICS = "demographics";
    public static final String NEW_PERSON = "new-person";
    public static final String REVIEW = "review";
    public static final String SOURCE_MERGE = "source-merge";
    public static final String MANUAL_MERGE = "manual-merge";

    public Match(UUID personId, String nhsNumber, String method, BigDecimal score, Map<String, String> evidence) {
        this(personId, nhsNumber, method, score, evidence, null);
    }

    boolean needsReview() {
        return possibleMatch != null;
    }
}
