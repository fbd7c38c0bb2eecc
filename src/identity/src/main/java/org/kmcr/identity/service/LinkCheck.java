package org.kmcr.identity.service;

import java.util.ArrayList;
import java.util.List;
import org.kmcr.identity.matching.DemographicsComparison;
import org.kmcr.identity.model.ReviewedIdentity;
import org.kmcr.identity.model.SourceIdentity;

/**
 * A source identity's demographics held against each source identity already linked to the person its NHS
 * number names: the evidence a review shows, and whether they contradict.
 *
 * @param linked each linked source identity with how its fields compared
 */
record LinkCheck(boolean contradicted, List<ReviewedIdentity> linked) {

    static final String EVIDENCE_KEY = "demographics";

    static LinkCheck of(SourceIdentity incoming, List<SourceIdentity> linked) {
        List<SourceIdentity> others = linked.stream().filter(other -> !other.id.equals(incoming.id)).toList();
        List<DemographicsComparison> comparisons = others.stream()
                .map(other -> DemographicsComparison.of(incoming.demographics, other.demographics)).toList();
        List<ReviewedIdentity> sides = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            sides.add(ReviewedIdentity.of(others.get(i), comparisons.get(i).evidence()));
        }
        return new LinkCheck(DemographicsComparison.contradictsEvery(comparisons), List.copyOf(sides));
    }

    /** What the link's evidence says about the demographics. */
    String evidence() {
        if (linked.isEmpty()) {
            return "no linked source identity to compare";
        }
        return contradicted ? "contradict every linked source identity" : "consistent with a linked source identity";
    }
}
