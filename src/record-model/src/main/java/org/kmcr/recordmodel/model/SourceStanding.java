package org.kmcr.recordmodel.model;

import java.util.Arrays;

/**
 * How far a source's demographics (its Patient) are to be trusted for the person header, best first: a
 * registration authority (a PDS-style feed), then the person's registered practice speaking for itself, then any
 * other source. Set by ingest from the sender's standing in the partner register, never from the message.
 */
public enum SourceStanding {
    REGISTRATION_AUTHORITY("registration-authority"),
    REGISTERED_PRACTICE("registered-practice"),
    OTHER("other");

    private final String code;

    SourceStanding(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The standing stored as this code; {@link #OTHER} for none or an unknown one. */
    public static SourceStanding ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst().orElse(OTHER);
    }
}
