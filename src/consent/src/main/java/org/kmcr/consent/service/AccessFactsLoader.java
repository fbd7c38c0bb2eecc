package org.kmcr.consent.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kmcr.consent.model.Relationship;
import org.kmcr.consent.model.RoleCategory;
import org.kmcr.consent.model.SharingPartner;
import org.kmcr.consent.policy.AccessFacts;
import org.kmcr.consent.policy.AccessRequest;
import org.kmcr.consent.policy.CareRelationship;
import org.kmcr.consent.policy.CategoryPolicy;
import org.kmcr.consent.policy.PartnerAgreement;
import org.kmcr.consent.repository.RelationshipRepository;
import org.kmcr.consent.repository.RoleCategoryRepository;
import org.kmcr.consent.repository.SharingPartnerRepository;

/** Reads what the access policy decides from; judges nothing itself. */
@ApplicationScoped
public class AccessFactsLoader {

    private final SharingPartnerRepository partners;
    private final RelationshipRepository relationships;
    private final RoleCategoryRepository policy;
    private final Clock clock;

    AccessFactsLoader(SharingPartnerRepository partners, RelationshipRepository relationships,
            RoleCategoryRepository policy, Clock clock) {
        this.partners = partners;
        this.relationships = relationships;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The facts about one request, as of today: the requester's organisation's agreement and all its
     * relationship episodes with the person (none for a requester without an organisation, or for a person KMCR
     * does not hold), and the category policy.
     */
    @WithSession
    public Uni<AccessFacts> load(AccessRequest request) {
        LocalDate today = LocalDate.now(clock);
        String org = request.requester().orgCode();
        Uni<CategoryPolicy> categories = policy.listAll().map(AccessFactsLoader::categoryPolicy);
        if (org == null || org.isBlank()) {
            return categories.map(matrix -> new AccessFacts(today, null, List.of(), matrix));
        }
        Uni<List<Relationship>> found = request.personId() == null ? Uni.createFrom().item(List.of())
                : relationships.between(org, request.personId());
        return partners.findById(org).chain(partner -> found.chain(episodes -> categories.map(matrix ->
                new AccessFacts(today, agreement(partner), careRelationships(episodes), matrix))));
    }

    static PartnerAgreement agreement(SharingPartner partner) {
        return partner == null ? null
                : new PartnerAgreement(partner.agreementSignedOn, partner.withdrawnOn);
    }

    static List<CareRelationship> careRelationships(List<Relationship> relationships) {
        return relationships.stream().map(r -> new CareRelationship(r.kind, r.startedOn, r.endsOn)).toList();
    }

    static CategoryPolicy categoryPolicy(List<RoleCategory> cells) {
        Map<String, Set<String>> byRole = cells.stream().collect(Collectors.groupingBy(cell -> cell.role,
                Collectors.mapping(cell -> cell.category, Collectors.toSet())));
        return new CategoryPolicy(byRole);
    }
}
