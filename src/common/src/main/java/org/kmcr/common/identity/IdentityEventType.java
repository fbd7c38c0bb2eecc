package org.kmcr.common.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What changed in the MPI: the type of an {@link IdentityEvent}. */
public enum IdentityEventType {

    /** A source identity became part of a person (a new active link, or a review decided "link"). */
    @JsonProperty("linked")
    LINKED,

    /** A source identity waits for a privacy officer; it is part of nobody meanwhile. */
    @JsonProperty("pending-review")
    PENDING_REVIEW,

    /** A privacy officer rejected a link or separated a possible match. */
    @JsonProperty("separated")
    SEPARATED,

    /** An active link was retired (a corrected NHS number or demographics, a merge, an unmerge). */
    @JsonProperty("unlinked")
    UNLINKED,

    /** A person was merged into another: {@code personId} is the merged person, {@code otherPersonId} the survivor. */
    @JsonProperty("merged")
    MERGED,

    /** A merge was undone: {@code personId} is the person restored, {@code otherPersonId} the former survivor. */
    @JsonProperty("unmerged")
    UNMERGED;

    /** The type as stored and sent, e.g. {@code pending-review}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static IdentityEventType ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
