package org.kmcr.consent.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.AccessRequest;
import org.kmcr.consent.policy.AccessFacts;
import org.kmcr.consent.policy.AccessPolicy;
import org.kmcr.consent.policy.PolicyData;
import org.kmcr.consent.repository.PolicyRepository;

/**
 * Answers access decisions: reads the versions of the policy and of the person's facts (one small query), then
 * answers from the cache or loads the facts and applies the policy. Deciding has no side effects, so a retried
 * decision is harmless; what a decision obliges (a privacy officer's review) is done when the disclosure is
 * reported ({@link BreakGlassReviewService#queue}).
 */
@ApplicationScoped
public class AccessDecisionService {

    private final PolicyRepository versions;
    private final PolicyStore policies;
    private final AccessFactsLoader facts;
    private final DecisionCache cache;
    private final Clock clock;

    AccessDecisionService(PolicyRepository versions, PolicyStore policies, AccessFactsLoader facts,
            DecisionCache cache, Clock clock) {
        this.versions = versions;
        this.policies = policies;
        this.facts = facts;
        this.cache = cache;
        this.clock = clock;
    }

    /** Decides one access. */
    public Uni<AccessDecision> decide(AccessRequest request) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        return versions.versions(request.personId()).chain(v -> {
            DecisionCache.Key key = new DecisionCache.Key(request, v.policy(), v.person(), today);
            return cache.get(key, now).map(decision -> Uni.createFrom().item(decision))
                    .orElseGet(() -> policies.at(v.policy()).chain(policy -> facts.load(request).map(loaded -> {
                        AccessDecision decision = AccessPolicy.decide(request, loaded, policy);
                        cache.put(key, decision, validUntil(loaded, policy, today));
                        return decision;
                    })));
        });
    }

    /** The end of the day, or of the break-glass window the decision rests on, whichever comes first. */
    private Instant validUntil(AccessFacts loaded, PolicyData policy, LocalDate today) {
        ZoneId zone = clock.getZone();
        Instant endOfDay = today.plusDays(1).atStartOfDay(zone).toInstant();
        if (AccessPolicy.withinBreakGlassWindow(loaded, policy)) {
            Instant windowEnd = loaded.lastBreakGlassAt().plus(Duration.ofHours(policy.breakGlassHours()));
            return windowEnd.isBefore(endOfDay) ? windowEnd : endOfDay;
        }
        return endOfDay;
    }
}
