package org.kmcr.identity.matching;

/** What the matcher does with a candidate: link at once, ask a person to review, or leave them apart. */
public enum MatchOutcome {
    LINK,
    REVIEW,
    NO_MATCH
}
