package org.kmcr.portal.model;

import java.util.List;

/**
 * One MPI review task as the page shows it: a possible match (link or separate) or a link whose demographics
 * contradict the person's (link or reject), the incoming identity beside the ones it would join.
 */
public record IdentityReviewRow(String id, String kind, String title, String opened, String score, Side incoming,
        List<Side> linked, List<Choice> decisions, String outcome) {

    /** One source's identity: where from, the details it gives, and each field's evidence in words. */
    public record Side(String source, String nhsNumber, String details, List<String> evidence) {
    }
}
