package org.kmcr.consent.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kmcr.common.consent.AccessRequest;
import org.kmcr.common.consent.Purpose;
import org.kmcr.consent.model.Relationship;
import org.kmcr.consent.model.SharingPartner;
import org.kmcr.consent.policy.AccessFacts;
import org.kmcr.consent.policy.CareRelationship;
import org.kmcr.consent.policy.PartnerAgreement;
import org.kmcr.consent.repository.PolicyRepository;
import org.kmcr.consent.repository.RelationshipRepository;
import org.kmcr.consent.repository.SharingPartnerRepository;

/** Reads the facts about one request that the access policy decides from; judges nothing itself. */
@ApplicationScoped
public class AccessFactsLoader {

    private final SharingPartnerRepository partners;
    private final RelationshipRepository relationships;
    private final PolicyRepository policy;
    private final Clock clock;

    AccessFactsLoader(SharingPartnerRepository partners, RelationshipRepository relationships,
            PolicyRepository policy, Clock clock) {
        this.partners = partners;
        this.relationships = relationships;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The facts about one request, as of now: the caller's organisation's agreement and all its relationship
     * episodes with the person (none for a caller without an organisation, or a person KMCR does not hold), the
     * person's directives in force, whether they opted out (asked only for secondary use) and when the caller last
     * broke glass for them.
     */
    @WithSession
    public Uni<AccessFacts> load(AccessRequest request) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        String org = request.caller().orgCode();
        boolean hasOrg = org != null && !org.isBlank();
        boolean known = request.personId() != null;
        Uni<SharingPartner> partner = hasOrg ? partners.findById(org) : Uni.createFrom().nullItem();
        Uni<List<Relationship>> episodes = hasOrg && known ? relationships.between(org, request.personId())
                : Uni.createFrom().item(List.of());
        Uni<Boolean> optedOut = request.purpose() == Purpose.SECONDARY_USE ? policy.optedOut(request.nhsNumber())
                : Uni.createFrom().item(false);
        Uni<Instant> lastBreakGlass = known ? policy.lastBreakGlass(request.caller().userId(), request.personId())
                : Uni.createFrom().nullItem();
        // the session's two reads one after the other (a session runs one at a time); the pool's three beside them,
        // each on its own connection, so an uncached decision waits for two round trips, not five
        Uni<PartnerAndEpisodes> inSession = partner.chain(found -> episodes.map(list ->
                new PartnerAndEpisodes(found, list)));
        return Uni.combine().all().unis(inSession, policy.activeDirectives(request.nhsNumber()), optedOut,
                lastBreakGlass).with((read, directives, out, at) -> new AccessFacts(today,
                        agreement(read.partner()), careRelationships(read.episodes()), directives, out, at, now));
    }

    private record PartnerAndEpisodes(SharingPartner partner, List<Relationship> episodes) {
    }

    static PartnerAgreement agreement(SharingPartner partner) {
        return partner == null ? null
                : new PartnerAgreement(partner.agreementSignedOn, partner.withdrawnOn, partner.suspendedOn);
    }

    static List<CareRelationship> careRelationships(List<Relationship> relationships) {
        return relationships.stream().map(r -> new CareRelationship(r.kind, r.startedOn, r.endsOn)).toList();
    }
}
