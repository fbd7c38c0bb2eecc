package org.kmcr.consent.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything {@link AccessPolicy#decide} needs to know besides the request, loaded beforehand. New rules
 * (objections, sensitive categories, the national data opt-out) add their facts here.
 *
 * @param today         the day the decision is made, in UK civil time
 * @param partner       the requester's organisation's agreement; null when it has none
 * @param relationships every relationship, active or not, between the requester's organisation and the person
 * @param categories    the role x category policy
 */
public record AccessFacts(LocalDate today, PartnerAgreement partner, List<CareRelationship> relationships,
        CategoryPolicy categories) {

    public AccessFacts {
        relationships = List.copyOf(relationships);
    }
}
