package org.kmcr.consent.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.kmcr.consent.policy.PolicyData;
import org.kmcr.consent.repository.PolicyRepository;

/**
 * The policy tables, loaded once and kept until their version changes. Every change to a policy table bumps the
 * version in the same transaction (a trigger), so every consent pod sees a change on its next decision.
 */
@ApplicationScoped
public class PolicyStore {

    private final PolicyRepository repository;
    private final AtomicReference<PolicyData> current = new AtomicReference<>();

    PolicyStore(PolicyRepository repository) {
        this.repository = repository;
    }

    /** The policy at this version (or newer), reloaded only when the held one is older. */
    public Uni<PolicyData> at(long version) {
        PolicyData held = current.get();
        if (held != null && held.version() >= version) {
            return Uni.createFrom().item(held);
        }
        return repository.load().invoke(loaded -> current.accumulateAndGet(loaded,
                (old, fresh) -> old == null || fresh.version() >= old.version() ? fresh : old));
    }
}
