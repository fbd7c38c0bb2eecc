package org.kmcr.consent.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kmcr.consent.policy.AccessPolicy;

/** The request validation accepts exactly the reasons the policy acts on, plus no reason at all. */
class BreakGlassReasonPatternTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "short", "012345678", "  012345678  ", "0123456789", " 0123456789\n",
        "a        b", "line one\nline two", "Unconscious in ED, no history available"})
    void validationAndPolicyAgree(String reason) {
        boolean acceptedByValidation = reason.matches(Patterns.BREAK_GLASS_REASON);
        assertEquals(reason.isBlank() || AccessPolicy.isBreakGlassReason(reason), acceptedByValidation);
    }
}
