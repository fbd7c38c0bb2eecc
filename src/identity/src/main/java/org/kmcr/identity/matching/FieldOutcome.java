package org.kmcr.identity.matching;

/** How one field of two sets of demographics compared. */
public enum FieldOutcome {
    AGREES("agrees"),
    DISAGREES("disagrees"),
    /** One side (or both) does not say: never counted as a disagreement. */
    NOT_COMPARED("not-compared");

    private final String label;

    FieldOutcome(String label) {
        this.label = label;
    }

    /** As the evidence names it. */
    public String label() {
        return label;
    }
}
