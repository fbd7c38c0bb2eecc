package org.kmcr.ingest.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.InstantSource;
import java.util.UUID;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.common.identity.SourceIdentityIds;
import org.kmcr.common.identity.SourcePatient;
import org.kmcr.ingest.config.LookupCacheConfig;

/**
 * Has the MPI resolve the source patient of a message. A feed sends many messages about one patient in a row (an
 * admission, then its results), each with the same patient facts: resolving those facts again changes nothing in the
 * MPI (it keeps a version only when they change), so a message that only stores items reuses the answer of the last
 * resolve of exactly these facts for {@link LookupCacheConfig#patients()}, when that answer was a settled link (linked,
 * no review open). A
 * message that asserts something (a relationship, a merge) always asks the MPI, so it acts on the current link.
 */
@ApplicationScoped
public class SourcePatientResolver {

    private record Resolution(SourcePatient facts, ResolvedIdentity resolved) {
    }

    private final IdentityClient identity;
    private final ExpiringCache<UUID, Resolution> linked;

    @Inject
    SourcePatientResolver(IdentityClient identity, LookupCacheConfig config) {
        this(identity, config, InstantSource.system());
    }

    SourcePatientResolver(IdentityClient identity, LookupCacheConfig config, InstantSource clock) {
        this.identity = identity;
        this.linked = new ExpiringCache<>(config.patients(), config.maxPatients(), clock);
    }

    /**
     * The MPI's answer for these facts.
     *
     * @param assertsNothing true when the message asserts no relationship and no merge, so a recent answer for the
     *                       same facts may stand in for a new resolve
     */
    public Uni<ResolvedIdentity> resolve(SourcePatient facts, boolean assertsNothing) {
        UUID key = SourceIdentityIds.of(facts.sourceOrg(), facts.sourceSystem(), facts.localId());
        Resolution recent = assertsNothing ? linked.get(key) : null;
        if (recent != null && recent.facts().equals(facts)) {
            return Uni.createFrom().item(recent.resolved());
        }
        return identity.resolve(facts).invoke(resolved -> {
            if (resolved.linked() && resolved.reviewId() == null && key.equals(resolved.sourceIdentityId())) {
                linked.put(key, new Resolution(facts, resolved));
            } else {
                linked.remove(key);
            }
        });
    }
}
