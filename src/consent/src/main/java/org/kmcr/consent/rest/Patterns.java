package org.kmcr.consent.rest;

/** Shapes of the identifiers and codes the API accepts. */
final class Patterns {

    /** An ODS organisation code: upper-case letters and digits. */
    static final String ODS_CODE = org.kmcr.common.consent.RelationshipAssertion.ODS_CODE;
    static final String NHS_NUMBER = "\\d{10}";

    private Patterns() {
    }
}
