package org.kmcr.consent.rest;

import org.kmcr.consent.policy.AccessPolicy;

/** Shapes of the identifiers and codes the API accepts. */
final class Patterns {

    /** An ODS organisation code: upper-case letters and digits. */
    static final String ODS_CODE = org.kmcr.common.consent.RelationshipAssertion.ODS_CODE;
    static final String NHS_NUMBER = "\\d{10}";
    /** Blank (no reason) or at least {@link AccessPolicy#MIN_BREAK_GLASS_REASON} characters once trimmed. */
    static final String BREAK_GLASS_REASON =
            "(?s)\\s*|\\s*\\S.{" + (AccessPolicy.MIN_BREAK_GLASS_REASON - 2) + ",}\\S\\s*";

    private Patterns() {
    }
}
