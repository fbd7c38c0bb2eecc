package org.kmcr.ingest.model;

import java.util.Arrays;

/** The feeds a source sends by, each with the content type its messages are kept under as dead letters. */
public enum Feed {
    FHIR("fhir", Feed.FHIR_JSON),
    HL7V2("hl7v2", Feed.HL7_V2);

    public static final String FHIR_JSON = "application/fhir+json";
    public static final String HL7_V2 = "application/hl7-v2";

    private final String code;
    private final String contentType;

    Feed(String code, String contentType) {
        this.code = code;
        this.contentType = contentType;
    }

    public String code() {
        return code;
    }

    public String contentType() {
        return contentType;
    }

    /** The feed of a dead letter's content type. */
    public static Feed ofContentType(String contentType) {
        return Arrays.stream(values()).filter(f -> f.contentType.equals(contentType)).findFirst().orElse(FHIR);
    }
}
