package org.kmcr.common.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether a resolved source identity counts as part of its person. Only {@link #LINKED} does: its items are in
 * the person's record. Otherwise the answer carries no person id, the source identity's items join nobody, and
 * nothing (such as a relationship) may be asserted for a person on its behalf.
 */
public enum LinkStatus {

    /** Linked to the person; a review may still be open when its newest demographics contradict the person's. */
    @JsonProperty("linked")
    LINKED,

    /** The NHS number names a person whose demographics contradict the source's: a privacy officer decides. */
    @JsonProperty("pending-review")
    PENDING_REVIEW,

    /** A privacy officer rejected the link; it stays unlinked until the source corrects its data. */
    @JsonProperty("rejected")
    REJECTED
}
