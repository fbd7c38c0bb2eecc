package org.kmcr.common.consent;

import java.util.List;
import java.util.UUID;

/**
 * The consent service's answer: permit or deny, on what basis, which categories may be shown, and what
 * the caller must do besides (obligations such as alerting a privacy officer).
 */
public record AccessDecision(String decision, String basis, String reason, List<String> categories,
        List<String> obligations, UUID breakGlassReviewId) {

    public boolean permitted() {
        return "permit".equals(decision);
    }
}
