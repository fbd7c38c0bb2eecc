package org.kmcr.ingest.model;

import java.util.Arrays;

/** The feeds a source sends by, each with the content type its messages are kept under as dead letters. */
public enum Feed {
    FHIR("fhir", Feed.FHIR_JSON),
    HL7V2("hl7v2", Feed.HL7_V2),
    /** Bulk social care extracts: a rejected row is kept as a one-row extract in JSON lines (or CSV, when unreadable). */
    SOCIAL_CARE("social-care-bulk", Feed.JSON_LINES, Feed.CSV);

    public static final String FHIR_JSON = "application/fhir+json";
    public static final String HL7_V2 = "application/hl7-v2";
    public static final String JSON_LINES = "application/x-ndjson";
    public static final String CSV = "text/csv";

    private final String code;
    private final String contentType;
    private final String[] otherContentTypes;

    Feed(String code, String contentType, String... otherContentTypes) {
        this.code = code;
        this.contentType = contentType;
        this.otherContentTypes = otherContentTypes;
    }

    public String code() {
        return code;
    }

    public String contentType() {
        return contentType;
    }

    /** The feed of a dead letter's content type. */
    public static Feed ofContentType(String contentType) {
        return Arrays.stream(values()).filter(f -> f.contentType.equals(contentType)
                || Arrays.asList(f.otherContentTypes).contains(contentType)).findFirst().orElse(FHIR);
    }
}
