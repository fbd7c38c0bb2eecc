package org.kmcr.common.analytics;

/** The paths and media of record's population analytics API, shared by record and the portal. */
public final class AnalyticsApi {

    public static final String MEASURES = "/api/analytics/measures";
    public static final String CSV = "text/csv";

    private AnalyticsApi() {
    }
}
