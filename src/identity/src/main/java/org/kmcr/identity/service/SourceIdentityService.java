package org.kmcr.identity.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.kmcr.identity.model.IdentityLink;
import org.kmcr.identity.repository.IdentityLinkRepository;
import org.kmcr.identity.repository.SourceIdentityRepository;

/** Records source patients and keeps each linked to the person it belongs to. */
@ApplicationScoped
public class SourceIdentityService {

    private final PersonMatcher matcher;
    private final SourceIdentityRepository sourceIdentities;
    private final IdentityLinkRepository links;

    SourceIdentityService(PersonMatcher matcher, SourceIdentityRepository sourceIdentities,
            IdentityLinkRepository links) {
        this.matcher = matcher;
        this.sourceIdentities = sourceIdentities;
        this.links = links;
    }

    /**
     * Finds or creates the source identity (updating its NHS number and demographics), finds or creates its
     * person through the {@link PersonMatcher}, and makes sure the one active link points there: a link to
     * another person, left from an earlier NHS number, is deactivated and replaced.
     * <p>
     * Idempotent, and safe when called concurrently for the same source identity or the same person: the
     * inserts yield to rows other transactions are committing, and the source identity row stays locked until
     * the link is settled. Fails with a 422 problem, storing nothing, when the matcher cannot decide.
     */
    @WithTransaction
    public Uni<Resolution> resolve(ResolveCommand patient) {
        return matcher.match(patient).chain(match -> sourceIdentities
                .upsertAndLock(patient.source(), patient.nhsNumber(), patient.demographics())
                .chain(sourceIdentityId -> ensureLinked(sourceIdentityId, match)
                        .map(link -> new Resolution(sourceIdentityId, link.personId, match.nhsNumber(), link.method))));
    }

    private Uni<IdentityLink> ensureLinked(UUID sourceIdentityId, Match match) {
        return links.findActive(sourceIdentityId).chain(active -> {
            if (active != null && active.personId.equals(match.personId())) {
                return Uni.createFrom().item(active);
            }
            Uni<Integer> retired = active == null ? Uni.createFrom().item(0) : links.deactivate(active.id);
            return retired.chain(() -> links.persist(newLink(sourceIdentityId, match)));
        });
    }

    static IdentityLink newLink(UUID sourceIdentityId, Match match) {
        IdentityLink link = new IdentityLink();
        link.id = UUID.randomUUID();
        link.sourceIdentityId = sourceIdentityId;
        link.personId = match.personId();
        link.method = match.method();
        link.score = match.score();
        link.evidence = match.evidence();
        link.active = true;
        link.createdAt = Instant.now();
        return link;
    }
}
