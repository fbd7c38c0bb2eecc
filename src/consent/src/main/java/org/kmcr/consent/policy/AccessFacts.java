package org.kmcr.consent.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything {@link AccessPolicy#decide} needs to know about one request besides the policy, loaded beforehand.
 *
 * @param today            the day the decision is made, in UK civil time
 * @param partner          the caller's organisation's agreement; null when it has none
 * @param relationships    every relationship, active or not, between the caller's organisation and the person
 * @param directives       the person's directives in force
 * @param optedOut         true when the person is on the national data opt-out list
 * @param lastBreakGlassAt when this professional last broke glass for this person; null when never
 * @param now              the instant of the decision, for the break-glass window
 */
public record AccessFacts(LocalDate today, PartnerAgreement partner, List<CareRelationship> relationships,
        List<Directive> directives, boolean optedOut, Instant lastBreakGlassAt, Instant now) {

    public AccessFacts {
        relationships = List.copyOf(relationships);
        directives = List.copyOf(directives);
    }
}
