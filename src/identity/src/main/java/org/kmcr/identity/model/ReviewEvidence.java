package org.kmcr.identity.model;

import java.util.List;

/**
 * Both sides of a link review as they stood when it opened (one JSON object, stored in one column).
 *
 * @param incoming the source identity whose demographics contradict
 * @param linked   each source identity linked to the person then, with how its fields compared
 */
public record ReviewEvidence(ReviewedIdentity incoming, List<ReviewedIdentity> linked) {
}
